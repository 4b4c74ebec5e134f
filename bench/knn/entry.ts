// Node entry of the kNN benchmark (bundled by suite.mjs with Vite's SSR build): seeded data, our kNN
// classifier's fit and predict timed on it, and how soon a stop ends predictInBlocks.

import { knnFamily } from '../../src/core/models/classic/knn';
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

/** Fits on the first `trainRows` rows, then times `predict` of the rest; times in ms. */
export async function timePredict(X: Float64Array, y: Float64Array, cols: number, trainRows: number, k: number) {
  const { train, target, test } = splitRows(X, y, cols, trainRows);
  const fitStarted = performance.now();
  const model = await knnFamily.fit(train, target, { k }, { seed: 0 });
  const fitMs = performance.now() - fitStarted;
  const started = performance.now();
  const predictions = model.predict(test);
  return { fitMs, predictMs: performance.now() - started, predictions, search: String(model.info.search) };
}

/**
 * Starts predictInBlocks on the queries and asks it to stop `afterMs` later (a timer, as a Stop message arrives
 * in the worker); the ms from when the stop was due until the prediction rejected, each of `tries` times.
 */
export async function timeStop(X: Float64Array, y: Float64Array, cols: number, trainRows: number, k: number, afterMs: number, tries: number): Promise<number[]> {
  const { train, target, test } = splitRows(X, y, cols, trainRows);
  const model = await knnFamily.fit(train, target, { k }, { seed: 0 });
  const latencies: number[] = [];
  for (let t = 0; t < tries; t++) {
    let stopped = false;
    const dueAt = performance.now() + afterMs;
    const timer = setTimeout(() => (stopped = true), afterMs);
    const error = await model.predictInBlocks!(test, { shouldStop: () => stopped }).catch((e: unknown) => e);
    clearTimeout(timer);
    latencies.push(error instanceof Error && error.name === 'AbortError' ? performance.now() - dueAt : NaN);
  }
  return latencies;
}
