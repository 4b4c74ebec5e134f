// Scores a clustering on held-out rows with the problem's clustering metrics: the silhouette on a seeded
// sample of at most 2,000 rows (it is quadratic in rows) and the Davies–Bouldin index on every row.

import { metricOf, undefinedMetric, type MetricValue } from '../evaluate/metric-value';
import { computeSilhouette } from '../models/classic/cluster-quality';
import type { FeatureMatrix } from '../models/types';
import type { MetricId } from '../problem/metrics';
import { createRandom } from '../random/prng';
import { sampleRows } from '../random/sample-rows';
import { computeDaviesBouldin } from './davies-bouldin';
import type { MetricScores } from './types';

/** Most rows the silhouette is computed on; above it, a seeded sample of this many rows. */
export const SILHOUETTE_SAMPLE_ROWS = 2000;

/** Every metric of `metrics` for cluster `labels` of the rows of X; supervised metrics are undefined with a reason. */
export function scoreClusters(X: FeatureMatrix, labels: ArrayLike<number>, metrics: readonly MetricId[], seed: number): MetricScores {
  const scores: MetricScores = {};
  for (const id of metrics) scores[id] = scoreOne(id, X, labels, seed);
  return scores;
}

function scoreOne(id: MetricId, X: FeatureMatrix, labels: ArrayLike<number>, seed: number): MetricValue {
  if (X.rows === 0) return undefinedMetric('no rows to score');
  if (id === 'davies-bouldin') return computeDaviesBouldin(X, labels);
  if (id !== 'silhouette') return undefinedMetric('a supervised metric; clustering has no target to compare with');
  const sample = sampleMatrix(X, labels, SILHOUETTE_SAMPLE_ROWS, seed);
  const result = computeSilhouette(sample.X, sample.labels);
  return result.value === null ? undefinedMetric(result.reason ?? 'silhouette is undefined') : metricOf(result.value);
}

/** At most `count` rows of X with their labels: all of them, or a seeded sample kept in row order. */
export function sampleMatrix(X: FeatureMatrix, labels: ArrayLike<number>, count: number, seed: number): { X: FeatureMatrix; labels: Float64Array } {
  if (X.rows <= count) return { X, labels: Float64Array.from(labels) };
  const rows = sampleRows(X.rows, count, createRandom(seed));
  const values = new Float64Array(count * X.cols);
  rows.forEach((r, i) => values.set(X.values.subarray(r * X.cols, (r + 1) * X.cols), i * X.cols));
  return { X: { ...X, values, rows: count }, labels: Float64Array.from(rows, (r) => labels[r]) };
}
