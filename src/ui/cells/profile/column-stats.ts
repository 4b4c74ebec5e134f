// One column profile as label/value rows for display, shared by the cell's details view and the HTML report,
// plus the number formatting they use ("—" for a statistic that could not be computed).

import type { ColumnProfile } from '../../../core/profile/types';

// One formatter for every count: toLocaleString builds a new one per call (~50 µs; 5,000-column profiles call it a lot).
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** Thousands separators, en-US: 1234567 → "1,234,567". */
export function formatCount(count: number): string {
  return COUNT_FORMAT.format(count);
}

/** A statistic for display: null → "—", integers with separators, others to 4 significant digits. */
export function formatStat(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return formatCount(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-3)) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}

/** A count with its share: "12 (3.4 %)". */
export function formatCountPct(count: number, pct: number): string {
  return `${formatCount(count)} (${pct.toFixed(1)} %)`;
}

/** Epoch ms → "2024-03-01 12:00:00" in UTC (dates profile in UTC); null → "—". */
export function formatInstant(epochMs: number | null): string {
  return epochMs === null ? '—' : new Date(epochMs).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
}

/** A duration in ms → "3.5 days" / "4 h" / "20 min" / "15 s"; null → "—". */
export function formatSpan(ms: number | null): string {
  if (ms === null) return '—';
  const units: [number, string][] = [[86_400_000, 'days'], [3_600_000, 'h'], [60_000, 'min'], [1000, 's']];
  for (const [size, unit] of units) if (ms >= size) return `${formatStat(ms / size)} ${unit}`;
  return `${formatStat(ms)} ms`;
}

/** The rows of a column's statistics table, in reading order. */
export function listColumnStats(column: ColumnProfile): [string, string][] {
  const common: [string, string][] = [
    ['count', formatCount(column.count)],
    ['missing', formatCountPct(column.missing, column.missingPct)],
    ['distinct', formatCount(column.distinct)],
  ];
  if (column.kind === 'numeric') {
    const q = column.quantiles;
    const rows: [string, string][] = [
      ...common,
      ['mean', formatStat(column.mean)], ['std', formatStat(column.std)], ['min', formatStat(column.min)],
      ['1 %', formatStat(q?.p1)], ['5 %', formatStat(q?.p5)], ['25 %', formatStat(q?.p25)], ['median', formatStat(q?.p50)],
      ['75 %', formatStat(q?.p75)], ['95 %', formatStat(q?.p95)], ['99 %', formatStat(q?.p99)], ['max', formatStat(column.max)],
      ['skewness', formatStat(column.skewness)], ['excess kurtosis', formatStat(column.kurtosis)],
      ['zeros', formatCount(column.zeros)], ['negatives', formatCount(column.negatives)],
      ['outliers (IQR)', column.outliersIqr ? `${formatCountPct(column.outliersIqr.count, column.outliersIqr.pct)} outside [${formatStat(column.outliersIqr.lower)}, ${formatStat(column.outliersIqr.upper)}]` : '—'],
      ['outliers (|z| > 3)', column.outliersZ ? formatCountPct(column.outliersZ.count, column.outliersZ.pct) : '—'],
    ];
    if (column.positiveInfinity + column.negativeInfinity > 0) rows.push(['infinities', `${formatCount(column.positiveInfinity)} +∞, ${formatCount(column.negativeInfinity)} −∞`]);
    return rows;
  }
  if (column.kind === 'datetime') {
    return [
      ...common,
      ['first', formatInstant(column.minMs)], ['last', formatInstant(column.maxMs)], ['range', formatSpan(column.rangeMs)],
      ['median', formatInstant(column.medianMs)], ['typical gap', formatSpan(column.typicalGapMs)],
      ['largest gap', column.largestGaps[0] ? `${formatSpan(column.largestGaps[0].gapMs)} after ${formatInstant(column.largestGaps[0].startMs)}` : '—'],
    ];
  }
  const rows: [string, string][] = [...common, ['unique ratio', formatStat(column.uniqueRatio)], ['other values', formatCount(column.otherCount)]];
  if (column.meanLength !== null) rows.push(['mean length', formatStat(column.meanLength)]);
  return rows;
}

/** A one-line summary for the compact column list. */
export function summarizeColumn(column: ColumnProfile): string {
  const missing = column.missing > 0 ? `, ${column.missingPct.toFixed(1)} % missing` : '';
  if (column.kind === 'numeric') return `mean ${formatStat(column.mean)}, ${formatStat(column.min)} … ${formatStat(column.max)}${missing}`;
  if (column.kind === 'datetime') return `${formatInstant(column.minMs).slice(0, 10)} … ${formatInstant(column.maxMs).slice(0, 10)}${missing}`;
  const top = column.topValues[0];
  return `${formatCount(column.distinct)} distinct${top ? `, top "${top.value}" (${top.pct.toFixed(0)} %)` : ''}${missing}`;
}
