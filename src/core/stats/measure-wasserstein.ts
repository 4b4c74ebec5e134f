// The Wasserstein-1 (earth mover's) distance between two samples, as scipy.stats.wasserstein_distance(u, v)
// computes it: the integral of |F_u − F_v| over the merged sorted values, its terms summed pairwise as numpy does.

import { sumPairwise } from './numpy-stats';

/** W1 between two ascending samples (no NaN), in the samples' units; NaN when either is empty. */
export function measureWasserstein(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return Number.NaN;
  const merged = mergeSorted(a, b);
  const terms = new Float64Array(n + m - 1);
  let i = 0, j = 0;
  for (let k = 0; k < terms.length; k++) {
    const value = merged[k];
    // Each sample's share of values ≤ this one (numpy searchsorted side='right').
    while (i < n && a[i] <= value) i++;
    while (j < m && b[j] <= value) j++;
    terms[k] = Math.abs(i / n - j / m) * (merged[k + 1] - value);
  }
  return sumPairwise(terms);
}

function mergeSorted(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const merged = new Float64Array(a.length + b.length);
  let i = 0, j = 0, k = 0;
  while (i < a.length && j < b.length) merged[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) merged[k++] = a[i++];
  while (j < b.length) merged[k++] = b[j++];
  return merged;
}
