// Average ranks (1-based, ties share the mean of their positions, as scipy.stats.rankdata 'average') of
// a numeric column's finite values — by counting when it has few distinct values, else from its argsort — and
// the same ranks restricted to the rows where another column is finite too (pairwise-complete rows).

import { argsortFinite, argsortFiniteByRadix } from './argsort-finite';
import { groupFiniteByDistinct } from './sort-by-distinct';

/** Cached ranks cost 12 bytes a row per numeric column; this bounds them to ~360 MB (and what is worth ranking). */
export const MAX_RANKED_CELLS = 30_000_000;

/** A column's finite values ranked: `ranks[row]` (NaN where not finite) and each row's tie group. */
export interface RankedColumn {
  values: Float64Array;
  /** Number of finite values. */
  finite: number;
  /** 1 where the value is finite. */
  finiteMask: Uint8Array;
  ranks: Float64Array;
  /** Tie group of each finite row (0 = smallest value); 0 elsewhere. */
  groups: Uint32Array;
  /** Start of each tie group in `order`, then `finite`: length groups + 1. */
  groupStarts: Uint32Array;
}

/**
 * Ranks `values`. Without `order` (argsortFinite of `values`) a column with few distinct values is ranked by
 * counting; otherwise one walk along the order (radix-sorted when omitted) writes each row's tie group (the only
 * scattered write), and ranks and the finite mask fill in row order from the group ranks. `sorted` (the finite
 * values ascending, see sortFinite) saves reading values in order.
 */
export function rankColumn(values: Float64Array, sorted?: Float64Array, order?: Uint32Array): RankedColumn {
  const counted = order ? null : groupFiniteByDistinct(values);
  if (counted) return rankFromGroups(values, counted);
  const argsort = order ?? argsortFiniteByRadix(values);
  return rankFromGroups(values, groupByOrder(values.length, argsort, sorted, values));
}

/** A column's tie groups without its ranks (see RankedColumn): what rankFromGroups needs, sent between workers. */
export interface RankGroups {
  finite: number;
  groups: Uint32Array;
  groupStarts: Uint32Array;
}

/** The tie groups of a column of `rows` rows from its argsort `order`; `sorted` (or `values`) gives the values in that order. */
export function groupByOrder(rows: number, order: Uint32Array, sorted: Float64Array | undefined, values: Float64Array): RankGroups {
  const n = order.length;
  const groups = new Uint32Array(rows);
  const starts = new Uint32Array(n + 1);
  let group = 0;
  let previous = Number.NaN;
  for (let k = 0; k < n; k++) {
    const row = order[k];
    const value = sorted ? sorted[k] : values[row];
    if (value !== previous) {
      starts[group++] = k; // −0 and 0 compare equal: one group
      previous = value;
    }
    groups[row] = group - 1;
  }
  starts[group] = n;
  return { finite: n, groups, groupStarts: starts.slice(0, group + 1) };
}

/** The ranked column from its tie groups (groupByOrder, or the column job's RankGroups): ranks and finite mask in row order. */
export function rankFromGroups(values: Float64Array, { finite, groups, groupStarts }: RankGroups): RankedColumn {
  const rows = values.length;
  const count = groupStarts.length - 1;
  const groupRanks = new Float64Array(count);
  for (let g = 0; g < count; g++) groupRanks[g] = (groupStarts[g] + 1 + groupStarts[g + 1]) / 2;
  const finiteMask = new Uint8Array(rows);
  const ranks = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const value = values[row];
    if (value - value === 0) {
      ranks[row] = groupRanks[groups[row]];
      finiteMask[row] = 1;
    } else ranks[row] = Number.NaN;
  }
  return { values, finite, finiteMask, ranks, groups, groupStarts };
}

/** Average ranks of `ranked` among the rows where `other` is finite too; NaN elsewhere. */
export function rankWithin(ranked: RankedColumn, other: RankedColumn): Float64Array {
  const ranks = new Float64Array(ranked.values.length).fill(Number.NaN);
  const { values } = ranked;
  const order = argsortFinite(values);
  const keep = other.finiteMask;
  let position = 0; // kept rows before this tie group
  for (let start = 0; start < order.length; ) {
    let end = start;
    let kept = 0;
    while (end < order.length && values[order[end]] === values[order[start]]) kept += keep[order[end++]];
    const rank = position + (kept + 1) / 2;
    for (let k = start; k < end; k++) if (keep[order[k]]) ranks[order[k]] = rank;
    position += kept;
    start = end;
  }
  return ranks;
}
