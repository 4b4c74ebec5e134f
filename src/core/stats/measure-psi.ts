// The population stability index between a reference and a batch, with the binning the Monitor cell states:
// cut points are the reference's numpy-'linear' quantiles at 1/10, 2/10 … 9/10; equal cut points (ties, a point
// mass) collapse into one, so a tied reference has fewer bins; bins are closed on the right — (−∞, c1], (c1, c2],
// …, (c_k, +∞) — so a batch value outside the reference range still lands in the first or last bin; each side's
// proportion is floored at 1e-4 before PSI = Σ (batch − reference) · ln(batch / reference), so an empty bin counts
// as 0.01 % instead of making PSI infinite. Categories: the same sum over category proportions.

import { quantileSorted } from './quantile-sorted';

/** Quantile bins a numeric reference is cut into (before ties collapse them). */
export const PSI_BINS = 10;
/** The least proportion a bin or category counts as (empty ones included). */
export const PSI_FLOOR = 1e-4;

/** The distinct cut points of `sortedReference` (ascending, no NaN, non-empty) at its i/bins quantiles. */
export function choosePsiCuts(sortedReference: ArrayLike<number>, bins = PSI_BINS): number[] {
  const quantiles = Array.from({ length: bins - 1 }, (_, i) => quantileSorted(sortedReference, (i + 1) / bins)).sort((x, y) => x - y);
  return quantiles.filter((cut, i) => i === 0 || cut !== quantiles[i - 1]);
}

/** Counts of `values` per right-closed bin between `cuts` (cuts.length + 1 bins); NaN values are left out. */
export function countPsiBins(values: ArrayLike<number>, cuts: readonly number[]): number[] {
  const counts = new Array<number>(cuts.length + 1).fill(0);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (Number.isNaN(value)) continue;
    // The first cut ≥ value (numpy searchsorted side='left').
    let lo = 0, hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cuts[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    counts[lo]++;
  }
  return counts;
}

/** PSI of two count vectors over the same bins or categories, proportions floored at `floor`; NaN when a side is empty. */
export function measurePsi(referenceCounts: readonly number[], batchCounts: readonly number[], floor = PSI_FLOOR): number {
  const referenceTotal = referenceCounts.reduce((sum, c) => sum + c, 0);
  const batchTotal = batchCounts.reduce((sum, c) => sum + c, 0);
  if (referenceTotal === 0 || batchTotal === 0) return Number.NaN;
  let psi = 0;
  for (let k = 0; k < referenceCounts.length; k++) {
    const r = Math.max(referenceCounts[k] / referenceTotal, floor);
    const b = Math.max(batchCounts[k] / batchTotal, floor);
    psi += (b - r) * Math.log(b / r);
  }
  return psi;
}
