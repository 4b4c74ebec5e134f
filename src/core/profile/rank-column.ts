// Average ranks (1-based, ties share the mean of their positions, as scipy.stats.rankdata 'average') of
// a numeric column's finite values — by counting when it has few distinct values, else from its argsort — and
// the same ranks restricted to the rows where another column is finite too (pairwise-complete rows).

import { argsortFinite, argsortFiniteByRadix } from './argsort-finite';
import { rankFiniteByDistinct } from './sort-by-distinct';

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
  const counted = order ? null : rankFiniteByDistinct(values);
  return counted ? { values, ...counted } : rankByOrder(values, sorted, order ?? argsortFiniteByRadix(values));
}

function rankByOrder(values: Float64Array, sorted: Float64Array | undefined, order: Uint32Array): RankedColumn {
  const rows = values.length;
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
  const groupRanks = new Float64Array(group);
  for (let g = 0; g < group; g++) groupRanks[g] = (starts[g] + 1 + starts[g + 1]) / 2;
  const finiteMask = new Uint8Array(rows);
  const ranks = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const value = values[row];
    if (value - value === 0) {
      ranks[row] = groupRanks[groups[row]];
      finiteMask[row] = 1;
    } else ranks[row] = Number.NaN;
  }
  return { values, finite: n, finiteMask, ranks, groups, groupStarts: starts.slice(0, group + 1) };
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
