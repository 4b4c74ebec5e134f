// How far the float32 screen's distance can be from the exact one, so the screen never drops a row the exact
// search would keep. With u = 2⁻²⁴, rounding q and t to f32 moves each difference by at most u(|q_j| + |t_j|),
// the f32 subtraction by u more of itself, and the f32 sum by γ = m·u/(1 − m·u) of its total (m additions and
// products per lane chain). By the triangle inequality, a row whose exact reduced distance is ≤ B has
//   Euclidean: screen ≤ (1 + γ)(√B + E)², E = (1 + u)·u·(‖q‖₂ + ‖t‖₂) + u·√B
//   Manhattan: screen ≤ (1 + γ)(B + E),   E = (1 + u)·u·(‖q‖₁ + ‖t‖₁) + u·B
// and B itself covers the f64 rounding of measureReduced (the heap's bound is an f64 measureReduced value).

import type { DistanceMetric } from './neighbour-distance';

const U32 = 2 ** -24;
const U64 = 2 ** -53;
/** Above this magnitude a value is not screened in f32 (squares summed over thousands of features stay finite). */
export const SCREEN_MAX_ABS = 2 ** 48;

/** Norm of one row (L2 for Euclidean, L1 for Manhattan), or Infinity when a value is beyond SCREEN_MAX_ABS. */
export function measureScreenNorm(values: Float64Array, offset: number, cols: number, metric: DistanceMetric): number {
  let sum = 0;
  for (let j = 0; j < cols; j++) {
    const v = Math.abs(values[offset + j]);
    if (!(v <= SCREEN_MAX_ABS)) return Infinity;
    sum += metric === 'euclidean' ? v * v : v;
  }
  // Inflated past the f64 rounding of this sum and root.
  return (metric === 'euclidean' ? Math.sqrt(sum) : sum) * (1 + (cols + 2) * U64 * 2) + Number.MIN_VALUE;
}

/**
 * The screen threshold of a query with norm `queryNorm` whose k-th exact reduced distance so far is `bound`,
 * against rows of norm ≤ `trainNorm`: rounded up to a float32 value (Infinity while bound is).
 */
export function computeScreenThreshold(bound: number, queryNorm: number, trainNorm: number, cols: number, metric: DistanceMetric): number {
  if (bound === Infinity) return Infinity;
  const chain = cols + 8;
  const gamma = (chain * U32) / (1 - chain * U32);
  // Underflow below f32's normal range is absolute, not relative: a slack of 2⁻¹⁴⁸ per feature covers it.
  const tiny = (cols + 4) * 2 ** -148;
  const exact = bound * (1 + (cols + 4) * U64 * 2);
  const rounding = (1 + U32) * U32 * (queryNorm + trainNorm) + tiny;
  const threshold = metric === 'euclidean'
    ? (1 + gamma) * (Math.sqrt(exact) * (1 + U32) + rounding) ** 2 + tiny
    : (1 + gamma) * (exact * (1 + U32) + rounding) + tiny;
  // fround rounds to nearest; lifting by 2⁻²² first makes the f32 value ≥ the threshold.
  return Math.fround(threshold * (1 + 2 ** -22));
}
