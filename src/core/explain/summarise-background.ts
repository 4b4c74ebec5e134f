// A small background set for Kernel SHAP (≤ 100 rows keeps it affordable): a seeded sample of rows, or a
// k-means summary whose centres are snapped to observed values (as shap.kmeans) and weighted by cluster size.

import { DataError } from '../errors';
import { runLloyd, scaleTolerance, seedCenters } from '../models/classic/lloyd';
import type { FeatureMatrix } from '../models/types';
import { createRandom } from '../random/prng';
import { sampleRows } from '../random/sample-rows';

/** Background rows and their weights (summing to 1). */
export interface Background {
  X: FeatureMatrix;
  weights: Float64Array;
}

/** At most `limit` rows (default 100): all when fewer, else a sample or k-means summary (falls back to a sample when X has NaN). */
export function summariseBackground(X: FeatureMatrix, options: { limit?: number; seed?: number; method?: 'sample' | 'kmeans' } = {}): Background {
  const limit = options.limit ?? 100;
  if (X.rows === 0) throw new DataError('The background needs at least one row; pass training or validation rows.');
  if (!Number.isInteger(limit) || limit < 1) throw new DataError(`The background limit must be a whole number ≥ 1; got ${limit}.`);
  const random = createRandom(options.seed ?? 0);
  if (X.rows <= limit) return { X, weights: new Float64Array(X.rows).fill(1 / X.rows) };
  if (options.method === 'kmeans' && !X.values.some(Number.isNaN)) return summariseByKmeans(X, limit, random);
  const rows = sampleRows(X.rows, limit, random);
  const values = new Float64Array(limit * X.cols);
  rows.forEach((row, r) => values.set(X.values.subarray(row * X.cols, (row + 1) * X.cols), r * X.cols));
  return { X: { ...X, values, rows: limit }, weights: new Float64Array(limit).fill(1 / limit) };
}

function summariseByKmeans(X: FeatureMatrix, k: number, random: () => number): Background {
  const { centers, labels } = runLloyd(X, seedCenters(X, k, random), k, 300, scaleTolerance(X, 1e-4));
  const weights = new Float64Array(k);
  for (const label of labels) weights[label] += 1 / X.rows;
  // Snap each centre coordinate to the nearest observed value of that feature, so codes stay valid categories.
  for (let j = 0; j < X.cols; j++) {
    const observed = Float64Array.from({ length: X.rows }, (_, i) => X.values[i * X.cols + j]).sort();
    for (let c = 0; c < k; c++) centers[c * X.cols + j] = findNearest(observed, centers[c * X.cols + j]);
  }
  return { X: { ...X, values: centers, rows: k }, weights };
}

function findNearest(sorted: Float64Array, x: number): number {
  let lo = 0, hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && x - sorted[lo - 1] <= sorted[lo] - x ? sorted[lo - 1] : sorted[lo];
}
