// Gradient boosting's histogram helpers in the browser: nested module workers of the training worker (so a
// Cancel, which terminates it, ends them too), started at the first large fit. Only where the page is
// cross-origin isolated: elsewhere there is no shared memory and every fit keeps its one-thread path.

import { createHistogramThreadPool, type HelperPort } from '../core/models/trees/gbdt/histogram-thread-pool';
import type { HistogramThreads } from '../core/models/trees/gbdt/histogram-threads';

/** Helpers per training worker: one fewer than the cores (the training worker builds histograms too), at most 3. */
export function countHistogramHelpers(hardwareConcurrency: number | undefined): number {
  return Math.min(3, Math.max(0, (hardwareConcurrency ?? 1) - 1));
}

function spawnHelper(): HelperPort {
  const worker = new Worker(new URL('./histogram-thread.worker.ts', import.meta.url), { type: 'module', name: 'histogram-thread' });
  return {
    postMessage: (session) => worker.postMessage(session),
    listen(onReply) {
      worker.addEventListener('message', (event: MessageEvent) => onReply(event.data));
      worker.addEventListener('error', (event) => onReply({ error: `histogram helper failed: ${event.message || 'it could not start'}` }));
      worker.addEventListener('messageerror', () => onReply({ error: 'histogram helper could not read the session' }));
    },
    terminate: () => worker.terminate(),
  };
}

/** The training worker's histogram helpers, or null where this thread has no shared memory, workers or spare core. */
export function createBrowserHistogramThreads(
  hardwareConcurrency = globalThis.navigator?.hardwareConcurrency, isolated = globalThis.crossOriginIsolated === true,
): HistogramThreads | null {
  const count = countHistogramHelpers(hardwareConcurrency);
  if (!isolated || typeof SharedArrayBuffer !== 'function' || typeof Worker === 'undefined' || count === 0) return null;
  return createHistogramThreadPool(count, spawnHelper);
}
