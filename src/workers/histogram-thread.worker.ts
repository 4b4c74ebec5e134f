// A histogram helper of gradient boosting: serves one fit's shared control block per message (core's
// serveHistogramJobs), replying ready, or why it could not start.

import { serveHistogramJobs, type HistogramSession } from '../core/models/trees/gbdt/histogram-threads';

self.onmessage = ({ data }: MessageEvent<HistogramSession>) => {
  try {
    serveHistogramJobs(data, () => self.postMessage({ ready: true }));
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
};
