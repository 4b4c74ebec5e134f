// Node entry of the kNN benchmark (bundled by suite.mjs with Vite's SSR build): seeded data, our kNN
// classifier's fit and predict timed on it (one thread, or several through query helper threads), and how soon a
// stop ends predictInBlocks.

import { createNodeQueryThreads } from '../../src/cli/node-query-threads';
import { knnFamily } from '../../src/core/models/classic/knn';
import { setQueryThreads, type QueryThreads } from '../../src/core/models/classic/knn-query-threads';
import type { FeatureMatrix } from '../../src/core/models/types';
import { createRandom } from '../../src/core/random/prng';

/** Seeded binary classification data: `cols` standard-normal features (4 decimals), a label from the first three plus noise. */
export function generateData(rows: number, cols: number, seed: number): { X: Float64Array; y: Float64Array } {
  const random = createRandom(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const X = new Float64Array(rows * cols);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let f = 0; f < cols; f++) X[i * cols + f] = Math.round(gauss() * 1e4) / 1e4;
    const row = X.subarray(i * cols, i * cols + cols);
    y[i] = row[0] + 0.8 * row[1] * row[2] + 0.5 * gauss() > 0 ? 1 : 0;
  }
  return { X, y };
}

/** The first `trainRows` rows as training matrix and target, the rest as queries. */
function splitRows(X: Float64Array, y: Float64Array, cols: number, trainRows: number) {
  const featureNames = Array.from({ length: cols }, (_, f) => `x${f}`);
  const train: FeatureMatrix = { values: X.subarray(0, trainRows * cols), rows: trainRows, cols, featureNames };
  const test: FeatureMatrix = { values: X.subarray(trainRows * cols), rows: y.length - trainRows, cols, featureNames };
  return { train, target: { values: y.subarray(0, trainRows), classes: ['0', '1'] }, test };
}

// The helper threads import this bundle (node-query-threads.ts starts them on its own module's URL).
export { serveQueryThread } from '../../src/cli/node-query-threads';

/** The helpers of the runs on several threads: started once, as a training worker keeps its helpers for a session. */
let helpers: (QueryThreads & { close(): void }) | null = null;

/** Starts `threads` − 1 helper threads and waits until they have loaded (not timed: the app starts them once); ms taken. */
export async function startQueryThreads(threads: number): Promise<number> {
  helpers?.close();
  const started = performance.now();
  const pool = createNodeQueryThreads(threads - 1);
  await pool.prepare();
  helpers = pool;
  return performance.now() - started;
}

/** Ends the helpers. */
export function stopQueryThreads(): void {
  helpers?.close();
  helpers = null;
}

/** Runs `work` with the helpers lent to kNN (threads > 1) or none. */
async function withThreads<T>(threads: number, work: () => Promise<T>): Promise<T> {
  if (threads > 1 && (!helpers || helpers.count !== threads - 1)) await startQueryThreads(threads);
  setQueryThreads(threads > 1 ? helpers : null);
  try {
    return await work();
  } finally {
    setQueryThreads(null);
  }
}

/**
 * Fits on the first `trainRows` rows, then times the prediction of the rest: `predict` on one thread, else
 * predictInBlocks with `threads` threads in all (the helpers' copy of the rows and their index included); ms.
 */
export async function timePredict(X: Float64Array, y: Float64Array, cols: number, trainRows: number, k: number, threads = 1) {
  const { train, target, test } = splitRows(X, y, cols, trainRows);
  const fitStarted = performance.now();
  const model = await knnFamily.fit(train, target, { k }, { seed: 0 });
  const fitMs = performance.now() - fitStarted;
  return withThreads(threads, async () => {
    const started = performance.now();
    const predictions = threads === 1 ? model.predict(test) : (await model.predictInBlocks!(test)).predictions;
    return { fitMs, predictMs: performance.now() - started, predictions, search: String(model.info.search) };
  });
}

/**
 * Starts predictInBlocks (on `threads` threads in all) on the queries and asks it to stop `afterMs` later (a timer, as a Stop message arrives
 * in the worker); the ms from when the stop was due until the prediction rejected, each of `tries` times.
 */
export async function timeStop(X: Float64Array, y: Float64Array, cols: number, trainRows: number, k: number, afterMs: number, tries: number, threads = 1): Promise<number[]> {
  const { train, target, test } = splitRows(X, y, cols, trainRows);
  const model = await knnFamily.fit(train, target, { k }, { seed: 0 });
  const latencies: number[] = [];
  for (let t = 0; t < tries; t++) {
    let stopped = false;
    const dueAt = performance.now() + afterMs;
    const timer = setTimeout(() => (stopped = true), afterMs);
    const error = await withThreads(threads, () => model.predictInBlocks!(test, { shouldStop: () => stopped }).catch((e: unknown) => e));
    clearTimeout(timer);
    latencies.push(error instanceof Error && error.name === 'AbortError' ? performance.now() - dueAt : NaN);
  }
  return latencies;
}
