// The Davies–Bouldin index of a clustering (as sklearn's davies_bouldin_score): for each cluster the worst
// ratio (spread_i + spread_j) / distance between centroids, averaged over clusters. Lower is better; 0 is best.

import { metricOf, undefinedMetric, type MetricValue } from '../evaluate/metric-value';
import type { FeatureMatrix } from '../models/types';

/** Davies–Bouldin index of `labels` (one cluster id per row of X, Euclidean); null with a reason unless 2 ≤ clusters ≤ rows − 1. */
export function computeDaviesBouldin(X: FeatureMatrix, labels: ArrayLike<number>): MetricValue {
  const ids = [...new Set(Array.from(labels))].sort((a, b) => a - b);
  if (ids.length < 2 || ids.length > X.rows - 1) return undefinedMetric(`Davies–Bouldin needs 2 to ${X.rows - 1} clusters; got ${ids.length}`);
  const slotOf = new Map(ids.map((id, i) => [id, i]));
  const k = ids.length;
  const p = X.cols;
  const centroids = new Float64Array(k * p);
  const sizes = new Float64Array(k);
  for (let r = 0; r < X.rows; r++) {
    const c = slotOf.get(labels[r])!;
    sizes[c]++;
    for (let j = 0; j < p; j++) centroids[c * p + j] += X.values[r * p + j];
  }
  for (let c = 0; c < k; c++) for (let j = 0; j < p; j++) centroids[c * p + j] /= sizes[c];
  // spread_c: mean Euclidean distance of the cluster's rows to its centroid.
  const spreads = new Float64Array(k);
  for (let r = 0; r < X.rows; r++) {
    const c = slotOf.get(labels[r])!;
    spreads[c] += distance(X.values, r * p, centroids, c * p, p) / sizes[c];
  }
  const separations = Array.from({ length: k * k }, (_, i) => distance(centroids, Math.floor(i / k) * p, centroids, (i % k) * p, p));
  // As sklearn: all spreads or all separations (about) zero → 0; coinciding centroids count as infinitely far.
  if (spreads.every((s) => isNearZero(s)) || separations.every((d) => isNearZero(d))) return metricOf(0);
  let total = 0;
  for (let i = 0; i < k; i++) {
    let worst = 0;
    for (let j = 0; j < k; j++) {
      const separation = separations[i * k + j];
      if (j !== i && separation > 0) worst = Math.max(worst, (spreads[i] + spreads[j]) / separation);
    }
    total += worst;
  }
  return metricOf(total / k);
}

function distance(a: Float64Array, aOffset: number, b: Float64Array, bOffset: number, p: number): number {
  let sum = 0;
  for (let j = 0; j < p; j++) sum += (a[aOffset + j] - b[bOffset + j]) ** 2;
  return Math.sqrt(sum);
}

/** numpy.allclose(x, 0): |x| ≤ 1e-8. */
function isNearZero(x: number): boolean {
  return Math.abs(x) <= 1e-8;
}
