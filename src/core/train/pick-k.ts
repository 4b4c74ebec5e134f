// "Pick k" for k-means: the best inertia of a few seeded k-means++ runs for every k (the elbow curve) and the
// silhouette of that clustering on a seeded sample of ≤ 2,000 training rows; the suggested k scores best.

import { runLloyd, scaleTolerance, seedCenters } from '../models/classic/lloyd';
import type { FeatureMatrix } from '../models/types';
import { createRandom } from '../random/prng';
import { SILHOUETTE_SAMPLE_ROWS, sampleMatrix } from './score-clusters';
import { computeSilhouette } from '../models/classic/cluster-quality';

/** One k of the curve: its best inertia (Σ squared distance to the centre) and silhouette (null with why). */
export interface PickKPoint {
  k: number;
  inertia: number;
  silhouette: number | null;
  reason?: string;
}

/** The elbow and silhouette curves; `suggestedK` has the highest silhouette (the smaller k on a tie), null when none is defined. */
export interface PickKResult {
  points: PickKPoint[];
  suggestedK: number | null;
  /** Rows the silhouette was computed on, of `rows` training rows. */
  silhouetteRows: number;
  rows: number;
}

export interface PickKOptions {
  kMin: number;
  kMax: number;
  /** k-means++ restarts per k (the lowest inertia is kept). */
  restarts: number;
  maxIter: number;
  seed: number;
}

/** Default range and effort: k = 2..10, 4 restarts of at most 300 iterations. */
export const PICK_K_DEFAULTS: Omit<PickKOptions, 'seed'> = { kMin: 2, kMax: 10, restarts: 4, maxIter: 300 };

/** Fits k-means for every k in kMin..kMax (capped at the rows − 1); `onProgress(done, total)` fires after each k. */
export function computePickK(X: FeatureMatrix, options: PickKOptions, onProgress?: (done: number, total: number) => void): PickKResult {
  const ks: number[] = [];
  for (let k = Math.max(1, options.kMin); k <= Math.min(options.kMax, X.rows - 1); k++) ks.push(k);
  const random = createRandom(options.seed);
  const tol = scaleTolerance(X, 1e-4);
  const sample = sampleMatrix(X, new Float64Array(X.rows).map((_, r) => r), SILHOUETTE_SAMPLE_ROWS, options.seed);
  const points = ks.map((k, i): PickKPoint => {
    let best = runLloyd(X, seedCenters(X, k, random), k, options.maxIter, tol);
    for (let run = 1; run < options.restarts; run++) {
      const next = runLloyd(X, seedCenters(X, k, random), k, options.maxIter, tol);
      if (next.inertia < best.inertia) best = next;
    }
    // sample.labels holds the sampled rows' indices: their cluster comes from the full fit.
    const silhouette = computeSilhouette(sample.X, Float64Array.from(sample.labels, (r) => best.labels[r]));
    onProgress?.(i + 1, ks.length);
    return { k, inertia: best.inertia, silhouette: silhouette.value, ...(silhouette.reason ? { reason: silhouette.reason } : {}) };
  });
  return { points, suggestedK: suggestK(points), silhouetteRows: sample.X.rows, rows: X.rows };
}

/** The k with the highest silhouette (the smaller k on a tie); null when no silhouette is defined. */
export function suggestK(points: readonly PickKPoint[]): number | null {
  let best: PickKPoint | null = null;
  for (const point of points) if (point.silhouette !== null && (best === null || point.silhouette > best.silhouette!)) best = point;
  return best?.k ?? null;
}
