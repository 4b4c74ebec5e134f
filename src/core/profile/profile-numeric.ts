// Profiles a numeric column. Everything but the counts is computed over the finite values: ±Infinity are
// counted separately and left out of moments, quantiles (numpy 'linear'), histogram (numpy 'auto') and
// outliers (IQR: outside [Q1 − 1.5·IQR, Q3 + 1.5·IQR]; z: |x − mean| / std > 3 with the sample std).

import type { NumericColumn } from '../table/types';
import { finiteOrNull, percent } from './json-numbers';
import { chooseHistogramEdges, countHistogramSorted, findFirst } from '../stats/bin-histogram';
import { measureMoments } from '../stats/measure-moments';
import { quantileSorted } from '../stats/quantile-sorted';
import { sortFinite, type FiniteScan } from '../stats/sort-finite';
import type { NumericProfile, Quantiles, ValueCount } from './types';

/** A column needs at least this many present values to be called id-like. */
export const ID_LIKE_MIN_ROWS = 20;

/** Profiles `column`; pass `scan` when the finite values are already sorted. */
export function profileNumeric(column: NumericColumn, topK: number, scan: FiniteScan = sortFinite(column.values)): NumericProfile {
  const { sorted, missing, positiveInfinity, negativeInfinity } = scan;
  const rows = column.values.length;
  const count = rows - missing;
  const n = sorted.length;
  const notes: string[] = [];
  const runs = countRuns(sorted, topK, count);
  const distinct = runs.distinct + (positiveInfinity > 0 ? 1 : 0) + (negativeInfinity > 0 ? 1 : 0);
  if (positiveInfinity + negativeInfinity > 0) {
    notes.push(`${positiveInfinity + negativeInfinity} infinite values are counted separately and left out of all other statistics.`);
  }
  const moments = measureMoments(sorted);
  const quantiles = n === 0 ? null : measureQuantiles(sorted);
  if (n === 0) notes.push('No finite values: every statistic is null.');
  else if (n < 4) notes.push(`Only ${n} finite value${n === 1 ? '' : 's'}: std needs 2, skewness 3 and kurtosis 4.`);
  if (n >= 2 && sorted[0] === sorted[n - 1]) notes.push('Constant: skewness and kurtosis are undefined (pandas reports 0), z-scores too.');
  const lower = quantiles ? quantiles.p25 - 1.5 * (quantiles.p75 - quantiles.p25) : 0;
  const upper = quantiles ? quantiles.p75 + 1.5 * (quantiles.p75 - quantiles.p25) : 0;
  const zUsable = moments.std > 0;
  // Counts by binary search on the sorted values: each test below is false then true along them (or true then
  // false), so it holds on one run. Readable form: one loop counting value === 0, value < 0, value < lower ||
  // value > upper and |value − mean| / std > 3.
  const firstNonNegative = findFirst(sorted, 0, n, (value) => value >= 0);
  const negatives = firstNonNegative;
  const zeros = findFirst(sorted, firstNonNegative, n, (value) => value > 0) - firstNonNegative;
  const outsideIqr = n === 0 ? 0 : findFirst(sorted, 0, n, (value) => value >= lower) + n - findFirst(sorted, 0, n, (value) => value > upper);
  let outsideZ = 0;
  if (zUsable) {
    const { mean, std } = moments;
    const atMean = findFirst(sorted, 0, n, (value) => value >= mean);
    outsideZ = findFirst(sorted, 0, atMean, (value) => !(Math.abs(value - mean) / std > 3)) + n - findFirst(sorted, atMean, n, (value) => Math.abs(value - mean) / std > 3);
  }
  const edges = n === 0 ? null : chooseHistogramEdges(sorted);
  return {
    kind: 'numeric',
    name: column.name,
    count,
    missing,
    missingPct: percent(missing, rows),
    distinct,
    idLike: count >= ID_LIKE_MIN_ROWS && distinct === count && runs.allIntegers,
    notes,
    mean: finiteOrNull(moments.mean),
    std: finiteOrNull(moments.std),
    min: n === 0 ? null : sorted[0],
    max: n === 0 ? null : sorted[n - 1],
    quantiles,
    skewness: finiteOrNull(moments.skewness),
    kurtosis: finiteOrNull(moments.kurtosis),
    zeros,
    negatives,
    positiveInfinity,
    negativeInfinity,
    outliersIqr: quantiles ? { count: outsideIqr, pct: percent(outsideIqr, n), lower, upper } : null,
    outliersZ: zUsable ? { count: outsideZ, pct: percent(outsideZ, n) } : null,
    histogram: edges ? { edges, counts: countHistogramSorted(sorted, edges) } : null,
    topValues: runs.top,
  };
}

function measureQuantiles(sorted: Float64Array): Quantiles {
  const q = (p: number) => quantileSorted(sorted, p / 100);
  return { p1: q(1), p5: q(5), p25: q(25), p50: q(50), p75: q(75), p95: q(95), p99: q(99) };
}

/** Distinct values, whether all are integers, and the `topK` most frequent (ties: smaller value first). */
function countRuns(sorted: Float64Array, topK: number, total: number) {
  const topValues: number[] = [];
  const topCounts: number[] = [];
  let distinct = 0;
  let allIntegers = true;
  for (let start = 0; start < sorted.length; ) {
    let end = start + 1;
    while (end < sorted.length && sorted[end] === sorted[start]) end++;
    const runCount = end - start;
    distinct++;
    if (allIntegers && !Number.isInteger(sorted[start])) allIntegers = false;
    if (topK > 0 && (topCounts.length < topK || runCount > topCounts[topCounts.length - 1])) {
      let at = topCounts.length;
      while (at > 0 && topCounts[at - 1] < runCount) at--;
      topCounts.splice(at, 0, runCount);
      topValues.splice(at, 0, sorted[start] === 0 ? 0 : sorted[start]); // −0 reads as 0
      if (topCounts.length > topK) {
        topCounts.pop();
        topValues.pop();
      }
    }
    start = end;
  }
  const top: ValueCount<number>[] = topValues.map((value, i) => ({ value, count: topCounts[i], pct: percent(topCounts[i], total) }));
  return { distinct, allIntegers, top };
}
