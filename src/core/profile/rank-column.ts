// Average ranks (1-based, ties share the mean of their positions, as scipy.stats.rankdata 'average') of
// a numeric column's finite values, and the same ranks restricted to the rows where another column is
// finite too (pairwise-complete rows), from one radix argsort per column.

import { argsortFinite } from './argsort-finite';

/** A column's finite values ranked: `ranks[row]` (NaN where not finite) and rows in ascending value order. */
export interface RankedColumn {
  values: Float64Array;
  /** Number of finite values. */
  finite: number;
  /** 1 where the value is finite. */
  finiteMask: Uint8Array;
  /** Rows of the finite values, ascending by value, ties by row. */
  order: Uint32Array;
  /** The finite values ascending: sorted[k] === values[order[k]]. */
  sorted: Float64Array;
  ranks: Float64Array;
  /** Tie group of each finite row (0 = smallest value); 0 elsewhere. */
  groups: Uint32Array;
  /** Start of each tie group in `order`, then `finite`: length groups + 1. */
  groupStarts: Uint32Array;
}

/**
 * Ranks `values`; `sorted` (its finite values ascending, see sortFinite) is gathered when omitted, and
 * `order` (argsortFinite of `values`) is computed when omitted.
 */
export function rankColumn(values: Float64Array, sorted?: Float64Array, order: Uint32Array = argsortFinite(values)): RankedColumn {
  const ascending = sorted ?? gather(values, order);
  const finiteMask = new Uint8Array(values.length);
  const ranks = new Float64Array(values.length).fill(Number.NaN);
  const groups = new Uint32Array(values.length);
  const starts = new Uint32Array(order.length + 1);
  let group = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && ascending[end] === ascending[start]) end++;
    const rank = (start + 1 + end) / 2;
    starts[group] = start;
    for (let k = start; k < end; k++) {
      const row = order[k];
      ranks[row] = rank;
      finiteMask[row] = 1;
      groups[row] = group;
    }
    group++;
    start = end;
  }
  starts[group] = order.length;
  return { values, finite: order.length, finiteMask, order, sorted: ascending, ranks, groups, groupStarts: starts.slice(0, group + 1) };
}

/** Average ranks of `ranked` among the rows where `other` is finite too; NaN elsewhere. */
export function rankWithin(ranked: RankedColumn, other: RankedColumn): Float64Array {
  const ranks = new Float64Array(ranked.values.length).fill(Number.NaN);
  const { order, sorted } = ranked;
  const keep = other.finiteMask;
  let position = 0; // kept rows before this tie group
  for (let start = 0; start < order.length; ) {
    let end = start;
    let kept = 0;
    while (end < order.length && sorted[end] === sorted[start]) kept += keep[order[end++]];
    const rank = position + (kept + 1) / 2;
    for (let k = start; k < end; k++) if (keep[order[k]]) ranks[order[k]] = rank;
    position += kept;
    start = end;
  }
  return ranks;
}

function gather(values: Float64Array, order: Uint32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) out[k] = values[order[k]];
  return out;
}
