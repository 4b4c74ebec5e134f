// Average ranks (1-based, ties share the mean of their positions, as scipy.stats.rankdata 'average')
// and a stable sort order of a numeric column, both without a comparator sort: positions come from
// binary searches into the already sorted finite values.

/** A column's finite values ranked: `ranks[row]` (NaN where not finite) and rows in ascending value order. */
export interface RankedColumn {
  values: Float64Array;
  /** Number of finite values. */
  finite: number;
  /** Rows of the finite values, ascending by value, ties by row. */
  order: Uint32Array;
  ranks: Float64Array;
}

/** Ranks `values`; `sorted` must be its finite values ascending (see sortFinite). */
export function rankColumn(values: Float64Array, sorted: Float64Array): RankedColumn {
  const n = sorted.length;
  const ranks = new Float64Array(values.length);
  const order = new Uint32Array(n);
  const taken = new Uint32Array(n);
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (value - value !== 0) {
      ranks[row] = Number.NaN;
      continue;
    }
    const first = lowerBound(sorted, value);
    const end = upperBound(sorted, value, first);
    ranks[row] = (first + 1 + end) / 2;
    order[first + taken[first]++] = row;
  }
  return { values, finite: n, order, ranks };
}

/**
 * Average ranks of `ranked` restricted to rows where `other` is finite too (pairwise-complete rows);
 * NaN elsewhere. One walk over `order`, grouping equal values.
 */
export function rankWithin(ranked: RankedColumn, other: Float64Array): Float64Array {
  const ranks = new Float64Array(ranked.values.length).fill(Number.NaN);
  const { order, values } = ranked;
  let position = 0; // kept rows seen so far
  for (let start = 0; start < order.length; ) {
    let end = start;
    let kept = 0;
    const value = values[order[start]];
    while (end < order.length && values[order[end]] === value) {
      const o = other[order[end]];
      if (o - o === 0) kept++;
      end++;
    }
    const rank = position + (kept + 1) / 2;
    for (let k = start; k < end; k++) {
      const o = other[order[k]];
      if (o - o === 0) ranks[order[k]] = rank;
    }
    position += kept;
    start = end;
  }
  return ranks;
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(sorted: Float64Array, value: number, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
