// Node entry of the trees suite's "gradient boosting on N threads" case (bundled apart from entry.ts, so the
// suite still runs while this way to fit is missing or broken): our gradient boosting fitted with `threads`
// threads in all (src/cli/node-histogram-threads.ts: histogram helpers on worker_threads), same data as entry.ts.

import { useNodeHistogramThreads } from '../../src/cli/node-histogram-threads';
import { timeFamily } from './entry';

/** timeFamily('gradient_boosting', …) with every histogram built on `threads` threads (1: as entry.ts's). */
export async function timeBoostingOnThreads(threads: number, X: Float64Array, y: Float64Array, cols: number, trainRows: number, params: Record<string, number | string | boolean>) {
  useNodeHistogramThreads(threads);
  try {
    return await timeFamily('gradient_boosting', X, y, cols, trainRows, params);
  } finally {
    useNodeHistogramThreads(1);
  }
}
