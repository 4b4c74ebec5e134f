// Spearman's ρ over pairwise-complete rows: Pearson's r of average ranks, the ranks taken among the
// rows where both values are finite (as pandas DataFrame.corr(method='spearman') and scipy.stats.spearmanr
// on those rows). Ranks are reused when both columns are complete on the same rows.

import { correlatePearson } from './correlate-pearson';
import { rankColumn, rankWithin, type RankedColumn } from './rank-column';
import { sortFinite } from './sort-finite';

/** ρ of two ranked columns; NaN with fewer than 2 complete rows or a constant column among them. */
export function correlateSpearmanRanked(a: RankedColumn, b: RankedColumn): number {
  let shared = 0;
  for (let i = 0; i < a.values.length; i++) {
    const x = a.values[i];
    const y = b.values[i];
    if (x - x === 0 && y - y === 0) shared++;
  }
  if (shared < 2) return Number.NaN;
  if (shared === a.finite && shared === b.finite) return correlatePearson(a.ranks, b.ranks);
  return correlatePearson(rankWithin(a, b.values), rankWithin(b, a.values));
}

/** ρ of x and y (any order, NaN/±Infinity skipped pairwise). */
export function correlateSpearman(x: Float64Array, y: Float64Array): number {
  return correlateSpearmanRanked(rankColumn(x, sortFinite(x).sorted), rankColumn(y, sortFinite(y).sorted));
}
