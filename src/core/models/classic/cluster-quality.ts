// Helpers for picking k: the elbow curve (best k-means inertia per k) and the silhouette coefficient
// (exact on up to 5,000 rows; above that, computed on a seeded sample of 5,000 rows and flagged as sampled).

import type { FeatureMatrix } from '../types';
import { runLloyd, scaleTolerance, seedCenters } from './lloyd';
import { createRandom } from '../../random/prng';
import { sampleRows } from '../../random/sample-rows';

export const SILHOUETTE_EXACT_ROWS = 5000;

export interface ElbowPoint {
  k: number;
  inertia: number;
}

/** Best inertia (of `restarts` seeded k-means++ runs, 300 iterations, tol 1e-4) for each k in `kRange`. */
export function computeElbow(X: FeatureMatrix, kRange: readonly number[], seed = 0, restarts = 10): ElbowPoint[] {
  const random = createRandom(seed);
  const tol = scaleTolerance(X, 1e-4);
  return kRange.filter((k) => k >= 1 && k <= X.rows).map((k) => {
    let inertia = Infinity;
    for (let run = 0; run < restarts; run++) inertia = Math.min(inertia, runLloyd(X, seedCenters(X, k, random), k, 300, tol).inertia);
    return { k, inertia };
  });
}

export interface SilhouetteResult {
  /** Mean silhouette in [−1, 1]; null when fewer than 2 or more than rows − 1 clusters. */
  value: number | null;
  reason?: string;
  /** Rows the mean was taken over (all rows, or the sample when sampled is true). */
  rowsUsed: number;
  sampled: boolean;
}

/** Mean silhouette (Euclidean); singleton clusters score 0, as in sklearn. */
export function computeSilhouette(X: FeatureMatrix, labels: ArrayLike<number>, seed = 0): SilhouetteResult {
  const sampled = X.rows > SILHOUETTE_EXACT_ROWS;
  const rows = sampled ? sampleRows(X.rows, SILHOUETTE_EXACT_ROWS, createRandom(seed)) : Uint32Array.from({ length: X.rows }, (_, i) => i);
  const n = rows.length;
  const clusterIds = [...new Set(Array.from(rows, (r) => labels[r]))].sort((a, b) => a - b);
  if (clusterIds.length < 2 || clusterIds.length > n - 1) {
    return { value: null, reason: `silhouette needs 2 to ${n - 1} clusters; got ${clusterIds.length}`, rowsUsed: n, sampled };
  }
  const slot = new Map(clusterIds.map((c, i) => [c, i]));
  const slots = Int32Array.from(rows, (r) => slot.get(labels[r])!);
  const sizes = new Float64Array(clusterIds.length);
  for (const s of slots) sizes[s]++;
  // sums[a·clusters + c]: total distance from row a to the rows of cluster c; each pair is measured once.
  const clusters = clusterIds.length;
  const sums = new Float64Array(n * clusters);
  const compact = new Float64Array(n * X.cols);
  rows.forEach((r, i) => compact.set(X.values.subarray(r * X.cols, (r + 1) * X.cols), i * X.cols));
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      let d = 0;
      for (let j = 0; j < X.cols; j++) {
        const diff = compact[a * X.cols + j] - compact[b * X.cols + j];
        d += diff * diff;
      }
      d = Math.sqrt(d);
      sums[a * clusters + slots[b]] += d;
      sums[b * clusters + slots[a]] += d;
    }
  }
  let total = 0;
  for (let a = 0; a < n; a++) {
    const own = slots[a];
    if (sizes[own] === 1) continue; // singleton: silhouette 0
    const within = sums[a * clusters + own] / (sizes[own] - 1);
    let nearest = Infinity;
    for (let c = 0; c < clusters; c++) if (c !== own) nearest = Math.min(nearest, sums[a * clusters + c] / sizes[c]);
    const spread = Math.max(within, nearest);
    total += spread === 0 ? 0 : (nearest - within) / spread;
  }
  return { value: total / n, rowsUsed: n, sampled };
}
