// Spearman's ρ over pairwise-complete rows: Pearson's r of average ranks, the ranks taken among the
// rows where both values are finite (as pandas DataFrame.corr(method='spearman') and scipy.stats.spearmanr
// on those rows). A column whose finite rows all lie in the shared set keeps its full ranks.

import { rankColumn, rankWithin, type RankedColumn } from './rank-column';

/** ρ of two ranked columns; NaN with fewer than 2 complete rows or a constant column among them. */
export function correlateSpearmanRanked(a: RankedColumn, b: RankedColumn): number {
  let shared = 0;
  for (let i = 0; i < a.finiteMask.length; i++) shared += a.finiteMask[i] & b.finiteMask[i];
  if (shared < 2) return Number.NaN;
  const ra = shared === a.finite ? a.ranks : rankWithin(a, b);
  const rb = shared === b.finite ? b.ranks : rankWithin(b, a);
  return correlateRanks(ra, rb, shared);
}

/**
 * Pearson's r of rank vectors over rows where both are ranked: average ranks of m rows always have
 * mean (m + 1) / 2, so one centred pass suffices.
 */
function correlateRanks(ra: Float64Array, rb: Float64Array, shared: number): number {
  const mean = (shared + 1) / 2;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < ra.length; i++) {
    const dx = ra[i] - mean;
    const dy = rb[i] - mean;
    if (dx !== dx || dy !== dy) continue;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (sxx === 0 || syy === 0) return Number.NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** ρ of x and y (any order, NaN/±Infinity skipped pairwise). */
export function correlateSpearman(x: Float64Array, y: Float64Array): number {
  return correlateSpearmanRanked(rankColumn(x), rankColumn(y));
}
