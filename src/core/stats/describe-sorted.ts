// A numeric sample described as pandas' Series.describe(percentiles=[.05, .25, .5, .75, .95]) does it:
// count, mean, sample std (ddof 1), min, the 5/25/50/75/95 % quantiles (numpy 'linear') and max.

import { measureMoments } from './measure-moments';
import { quantileSorted } from './quantile-sorted';

/** pandas describe of one sample; `std` is null below 2 values. */
export interface NumberSummary {
  readonly count: number;
  readonly mean: number;
  readonly std: number | null;
  readonly min: number;
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
  readonly max: number;
}

/** Describes `sorted` (ascending, no NaN); null when it is empty. */
export function describeSorted(sorted: ArrayLike<number>): NumberSummary | null {
  const n = sorted.length;
  if (n === 0) return null;
  const { mean, std } = measureMoments(sorted);
  const q = (p: number) => quantileSorted(sorted, p);
  return { count: n, mean, std: n < 2 ? null : std, min: sorted[0], p5: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95), max: sorted[n - 1] };
}

/** The present (non-NaN) values of `values` at `rows`, ascending. */
export function sortPresentAt(values: ArrayLike<number>, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length);
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const value = values[rows[i]];
    if (value === value) out[n++] = value;
  }
  return out.subarray(0, n).sort();
}
