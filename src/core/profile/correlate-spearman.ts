// Spearman's ρ over pairwise-complete rows: Pearson's r of average ranks, the ranks taken among the
// rows where both values are finite (as pandas DataFrame.corr(method='spearman') and scipy.stats.spearmanr
// on those rows). A column whose finite rows all lie in the shared set keeps its full ranks.

import { rankColumn, rankWithin, type RankedColumn } from './rank-column';

/** ρ of two ranked columns; NaN with fewer than 2 complete rows or a constant column among them. */
export function correlateSpearmanRanked(a: RankedColumn, b: RankedColumn): number {
  const rows = a.finiteMask.length;
  let shared: number;
  if (a.finite === rows) shared = b.finite;
  else if (b.finite === rows) shared = a.finite;
  else {
    shared = 0;
    for (let i = 0; i < rows; i++) shared += a.finiteMask[i] & b.finiteMask[i];
  }
  if (shared < 2) return Number.NaN;
  if (shared === a.finite && shared === b.finite) return correlateRanks(a.ranks, b.ranks, shared);
  // Walk the column that must be re-ranked in its value order; the other's ranks are read by row.
  if (shared === a.finite) return correlateInOrder(b, a.finiteMask, a.ranks, shared);
  return correlateInOrder(a, b.finiteMask, shared === b.finite ? b.ranks : rankWithin(b, a), shared);
}

/**
 * Pearson's r of rank vectors over rows where both are ranked: average ranks of m rows always have
 * mean (m + 1) / 2, so one centred pass suffices.
 */
export function correlateRanks(ra: Float64Array, rb: Float64Array, shared: number): number {
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
  return finishCorrelation(sxx, syy, sxy);
}

/**
 * r of `ranked` re-ranked among the rows where `keep` is 1 (in its value order, no rank array built) and
 * `otherRanks` (already the ranks among those `shared` rows) read at the same rows.
 */
function correlateInOrder(ranked: RankedColumn, keep: Uint8Array, otherRanks: Float64Array, shared: number): number {
  const { order, sorted } = ranked;
  const mean = (shared + 1) / 2;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let position = 0; // kept rows before this tie group
  for (let start = 0; start < order.length; ) {
    let end = start;
    let kept = 0;
    while (end < order.length && sorted[end] === sorted[start]) kept += keep[order[end++]];
    const dx = position + (kept + 1) / 2 - mean;
    for (let k = start; k < end; k++) {
      const row = order[k];
      if (keep[row] === 0) continue;
      const dy = otherRanks[row] - mean;
      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
    }
    position += kept;
    start = end;
  }
  return finishCorrelation(sxx, syy, sxy);
}

function finishCorrelation(sxx: number, syy: number, sxy: number): number {
  if (sxx === 0 || syy === 0) return Number.NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** ρ of x and y (any order, NaN/±Infinity skipped pairwise). */
export function correlateSpearman(x: Float64Array, y: Float64Array): number {
  return correlateSpearmanRanked(rankColumn(x), rankColumn(y));
}
