// Spearman's ρ over pairwise-complete rows: Pearson's r of average ranks, the ranks taken among the
// rows where both values are finite (as pandas DataFrame.corr(method='spearman') and scipy.stats.spearmanr
// on those rows). A column whose finite rows all lie in the shared set keeps its full ranks.

import { rankColumn, type RankedColumn } from '../stats/rank-column';

/** ρ of two ranked columns; NaN with fewer than 2 complete rows or a constant column among them. */
export function correlateSpearmanRanked(a: RankedColumn, b: RankedColumn): number {
  return correlateSpearmanWithGaps(a, b, listGaps(a), listGaps(b));
}

/**
 * correlateSpearmanRanked given each column's non-finite rows (`gapsA`, `gapsB`, ascending, as listGaps): the
 * shared count and the re-ranks come from the other column's gaps (few), not from a pass over every row.
 */
export function correlateSpearmanWithGaps(a: RankedColumn, b: RankedColumn, gapsA: Uint32Array, gapsB: Uint32Array): number {
  let aLost = 0; // rows where a is finite and b is not
  for (let k = 0; k < gapsB.length; k++) aLost += a.finiteMask[gapsB[k]];
  const shared = a.finite - aLost;
  if (shared < 2) return Number.NaN;
  if (shared === a.finite && shared === b.finite) return correlateRanks(a.ranks, b.ranks, shared);
  return correlateReranked(a, b, shared, gapsA, gapsB);
}

/** Rows where the ranked column is not finite, ascending. */
export function listGaps(ranked: RankedColumn): Uint32Array {
  const mask = ranked.finiteMask;
  const rows = new Uint32Array(mask.length - ranked.finite);
  for (let row = 0, next = 0; next < rows.length; row++) if (mask[row] === 0) rows[next++] = row;
  return rows;
}

/**
 * r of both columns re-ranked among the `shared` rows where both are finite, in one pass in row order: a
 * column that loses rows gets one re-rank per tie group (from its dropped rows — the other's gaps — counted per group).
 */
function correlateReranked(a: RankedColumn, b: RankedColumn, shared: number, gapsA: Uint32Array, gapsB: Uint32Array): number {
  const ra = shared === a.finite ? null : rerankGroups(a, gapsB);
  const rb = shared === b.finite ? null : rerankGroups(b, gapsA);
  const mean = (shared + 1) / 2;
  const ma = a.finiteMask;
  const mb = b.finiteMask;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < ma.length; i++) {
    if ((ma[i] & mb[i]) === 0) continue;
    const dx = (ra ? ra[a.groups[i]] : a.ranks[i]) - mean;
    const dy = (rb ? rb[b.groups[i]] : b.ranks[i]) - mean;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return finishCorrelation(sxx, syy, sxy);
}

/** Average rank of each tie group of `ranked` among its rows outside `dropRows` (as rankWithin, per group). */
function rerankGroups(ranked: RankedColumn, dropRows: Uint32Array): Float64Array {
  const starts = ranked.groupStarts;
  const count = starts.length - 1;
  const dropped = new Uint32Array(count);
  const mask = ranked.finiteMask;
  for (let k = 0; k < dropRows.length; k++) {
    const row = dropRows[k];
    if (mask[row] === 1) dropped[ranked.groups[row]]++;
  }
  const ranks = new Float64Array(count);
  let droppedBefore = 0;
  for (let g = 0; g < count; g++) {
    const kept = starts[g + 1] - starts[g] - dropped[g];
    ranks[g] = starts[g] - droppedBefore + (kept + 1) / 2;
    droppedBefore += dropped[g];
  }
  return ranks;
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

function finishCorrelation(sxx: number, syy: number, sxy: number): number {
  if (sxx === 0 || syy === 0) return Number.NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** ρ of x and y (any order, NaN/±Infinity skipped pairwise). */
export function correlateSpearman(x: Float64Array, y: Float64Array): number {
  return correlateSpearmanRanked(rankColumn(x), rankColumn(y));
}
