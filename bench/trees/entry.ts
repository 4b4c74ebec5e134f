// Node entry of the trees benchmark (bundled by suite.mjs with Vite's SSR build): seeded synthetic data, timed
// fits of our gradient boosting and random forest on it, and the forest fitted in parts (fitForestPart, as the
// browser's training pool does; forest-worker.mjs runs one part per worker thread) and merged.

import { createRandom } from '../../src/core/random/prng';
import type { FeatureMatrix, ModelFamily, Target } from '../../src/core/models/types';
import { TREE_FAMILIES } from '../../src/core/models/trees/index';
import type { Table } from '../../src/core/table/types';
import { fitForestPart, mergeForestParts, type ForestPart } from '../../src/core/train/train-forest-parts';
import type { TrainingParts, TrainRequest } from '../../src/core/train/types';

/** Seeded binary classification data: 10 informative features (linear + interactions + a sine), 10 noise. */
export function generateData(rows: number, cols: number, seed: number): { X: Float64Array; y: Float64Array } {
  const random = createRandom(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const X = new Float64Array(rows * cols);
  const y = new Float64Array(rows);
  const weights = [1.2, -0.8, 0.6, 1.0, -1.1, 0.5, 0.9, -0.7];
  for (let i = 0; i < rows; i++) {
    const row = X.subarray(i * cols, (i + 1) * cols);
    for (let f = 0; f < cols; f++) row[f] = Math.round(gauss() * 1e4) / 1e4;
    let logit = 1.5 * row[8] * row[9] + Math.sin(2 * row[0]) + 0.8 * Math.abs(row[1]) - 0.6 + gauss() * 0.8;
    for (let f = 0; f < weights.length; f++) logit += weights[f] * row[f];
    y[i] = logit > 0 ? 1 : 0;
  }
  return { X, y };
}

/** The data as CSV text (x0 … x{cols−1}, y). */
export function formatCsv(X: Float64Array, y: Float64Array, cols: number): string {
  const lines = [[...Array.from({ length: cols }, (_, f) => `x${f}`), 'y'].join(',')];
  for (let i = 0; i < y.length; i++) lines.push(`${Array.from(X.subarray(i * cols, (i + 1) * cols)).join(',')},${y[i]}`);
  return lines.join('\n') + '\n';
}

/** Fits one family on the first `trainRows` rows, scores accuracy on the rest; times in ms. */
export async function timeFamily(kind: string, X: Float64Array, y: Float64Array, cols: number, trainRows: number, params: Record<string, number | string | boolean>) {
  const family = TREE_FAMILIES.find((f: ModelFamily) => f.kind === kind)!;
  const rows = y.length;
  const featureNames = Array.from({ length: cols }, (_, f) => `x${f}`);
  const train: FeatureMatrix = { values: X.subarray(0, trainRows * cols), rows: trainRows, cols, featureNames };
  const test: FeatureMatrix = { values: X.subarray(trainRows * cols), rows: rows - trainRows, cols, featureNames };
  const target: Target = { values: y.subarray(0, trainRows), classes: ['0', '1'] };
  const started = performance.now();
  const model = await family.fit(train, target, params, { seed: 0 });
  const fitMs = performance.now() - started;
  const predicted = model.predict(test);
  let hits = 0;
  for (let i = 0; i < predicted.length; i++) hits += predicted[i] === y[trainRows + i] ? 1 : 0;
  return { fitMs, accuracy: hits / predicted.length, info: model.info };
}

/** The forest as a training job: a table (x0 … x{cols−1} numeric, y categorical "0"/"1"), first `trainRows` rows to train, the rest to score. */
export interface ForestJob {
  table: Table;
  parts: TrainingParts;
  request: TrainRequest;
}

export function makeForestJob(X: Float64Array, y: Float64Array, cols: number, trainRows: number, params: Record<string, number | string | boolean>): ForestJob {
  const rows = y.length;
  const columns = Array.from({ length: cols }, (_, f) => {
    const values = new Float64Array(rows);
    for (let i = 0; i < rows; i++) values[i] = X[i * cols + f];
    return { kind: 'numeric' as const, name: `x${f}`, values };
  });
  const target = { kind: 'categorical' as const, name: 'y', codes: Int32Array.from(y), levels: ['0', '1'] };
  const index = (start: number, end: number) => Uint32Array.from({ length: end - start }, (_, i) => start + i);
  return {
    table: { rowCount: rows, columns: [...columns, target] },
    parts: { train: index(0, trainRows), validation: index(trainRows, rows), folds: [] },
    request: {
      id: 'trees-bench-forest', family: 'random_forest', params, seed: 0, steps: [], crossValidate: false,
      problem: { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] },
    },
  };
}

/** Trees `start` … `end − 1` of the job's forest (one worker's share). */
export function fitForestRange(job: ForestJob, start: number, end: number): Promise<ForestPart> {
  return fitForestPart(job.table, job.parts, job.request, { start, end });
}

/** The parts merged into one forest; accuracy on the scored rows and the tree count. */
export function mergeForest(job: ForestJob, forestParts: readonly ForestPart[]): { accuracy: number | null; trees: number } {
  const run = mergeForestParts(job.table, job.parts, job.request, forestParts);
  return { accuracy: run.metrics.validation.accuracy?.value ?? null, trees: forestParts.reduce((sum, p) => sum + p.trees.length, 0) };
}
