// Profiles a datetime column (epoch ms, UTC): range, median (numpy 'linear'), the typical gap (median
// difference between consecutive distinct instants), the five largest gaps and counts per year and month.

import type { DatetimeColumn } from '../table/types';
import { percent } from './json-numbers';
import { quantileSorted } from '../stats/quantile-sorted';
import { sortFinite } from '../stats/sort-finite';
import type { DatetimeGap, DatetimeProfile, ValueCount } from './types';

const LARGEST_GAPS = 5;

/** Profiles `column`; infinite instants (not expected from import) are treated as missing. */
export function profileDatetime(column: DatetimeColumn): DatetimeProfile {
  const { sorted, missing: nan, positiveInfinity, negativeInfinity } = sortFinite(column.values);
  const rows = column.values.length;
  const missing = nan + positiveInfinity + negativeInfinity;
  const n = sorted.length;
  const notes: string[] = [];
  if (n === 0) notes.push('No present values: every statistic is null.');
  const { distinct, gaps, largestGaps } = measureGaps(sorted);
  if (n > 0 && distinct < 2) notes.push('Fewer than 2 distinct instants: there is no gap.');
  const perMonth = countPerMonth(sorted);
  return {
    kind: 'datetime',
    name: column.name,
    count: n,
    missing,
    missingPct: percent(missing, rows),
    distinct,
    idLike: false,
    notes,
    minMs: n === 0 ? null : sorted[0],
    maxMs: n === 0 ? null : sorted[n - 1],
    rangeMs: n === 0 ? null : sorted[n - 1] - sorted[0],
    medianMs: n === 0 ? null : quantileSorted(sorted, 0.5),
    // Counted or radix-sorted (gaps repeat: whole seconds or days): the native sort took ~100 ms on 1M instants.
    typicalGapMs: gaps.length === 0 ? null : quantileSorted(sortFinite(gaps).sorted, 0.5),
    largestGaps,
    perYear: sumPerYear(perMonth, n),
    perMonth,
  };
}

function measureGaps(sorted: Float64Array) {
  const gaps = new Float64Array(Math.max(sorted.length - 1, 0));
  let distinct = sorted.length === 0 ? 0 : 1;
  let largestGaps: DatetimeGap[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const gapMs = sorted[i] - sorted[i - 1];
    if (gapMs === 0) continue;
    gaps[distinct - 1] = gapMs;
    distinct++;
    if (largestGaps.length < LARGEST_GAPS || gapMs > largestGaps[largestGaps.length - 1].gapMs) {
      largestGaps.push({ startMs: sorted[i - 1], endMs: sorted[i], gapMs });
      largestGaps = largestGaps.sort((a, b) => b.gapMs - a.gapMs || a.startMs - b.startMs).slice(0, LARGEST_GAPS);
    }
  }
  return { distinct, gaps: gaps.subarray(0, Math.max(distinct - 1, 0)), largestGaps };
}

/** Walks the sorted instants month by month: one Date per month, not per value. */
function countPerMonth(sorted: Float64Array): ValueCount[] {
  const months: ValueCount[] = [];
  let endMs = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i] >= endMs) {
      const date = new Date(sorted[i]);
      const year = date.getUTCFullYear();
      const month = date.getUTCMonth();
      endMs = Date.UTC(year, month + 1, 1);
      months.push({ value: `${formatYear(year)}-${String(month + 1).padStart(2, '0')}`, count: 0, pct: 0 });
    }
    months[months.length - 1].count++;
  }
  for (const month of months) month.pct = percent(month.count, sorted.length);
  return months;
}

function sumPerYear(months: readonly ValueCount[], total: number): ValueCount[] {
  const years: ValueCount[] = [];
  for (const month of months) {
    const year = month.value.slice(0, month.value.lastIndexOf('-'));
    const last = years[years.length - 1];
    if (last && last.value === year) {
      last.count += month.count;
    } else years.push({ value: year, count: month.count, pct: 0 });
  }
  for (const year of years) year.pct = percent(year.count, total);
  return years;
}

function formatYear(year: number): string {
  return year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
}
