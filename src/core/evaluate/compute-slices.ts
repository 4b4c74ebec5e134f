// A metric per subgroup (slice) of the evaluated rows, each with its row count and a bootstrap interval, and a
// flag on slices far worse than the whole. Rule: a slice is flagged when its whole interval lies on the worse
// side of the overall value (high < overall when higher is better, low > overall when lower is better).
import { bootstrapMetric, type BootstrapInterval, type MetricFunction } from './bootstrap-metric';
import type { RowGroups } from './group-rows';
import { assertSameLength } from './metric-value';

/** One slice: its label, rows, the metric with its interval, and whether it is flagged as far worse. */
export interface Slice extends BootstrapInterval {
  label: string;
  count: number;
  flagged: boolean;
}

export interface SliceReport {
  column: string;
  overall: BootstrapInterval;
  slices: Slice[];
  /** The flagging rule in words, for the UI. */
  rule: string;
  note?: string;
}

export interface SliceOptions {
  higherIsBetter: boolean;
  seed: number;
  repeats?: number;
  level?: number;
  stratify?: boolean;
}

/** Gathers the rows of one group from yTrue and yOther (`width` values per row). */
function selectGroup(groups: RowGroups, group: number, yTrue: Float64Array, yOther: Float64Array, width: number): [Float64Array, Float64Array] {
  const rows: number[] = [];
  groups.codes.forEach((code, row) => code === group && rows.push(row));
  const t = Float64Array.from(rows, (row) => yTrue[row]);
  const o = new Float64Array(rows.length * width);
  rows.forEach((row, k) => o.set(yOther.subarray(row * width, row * width + width), k * width));
  return [t, o];
}

/** `metric` over every group of `groups` (aligned with yTrue), with bootstrap intervals and far-worse flags. */
export function computeSlices(groups: RowGroups, yTrue: Float64Array, yOther: Float64Array, metric: MetricFunction, options: SliceOptions): SliceReport {
  assertSameLength(yTrue, groups.codes, 'groups');
  const width = yTrue.length === 0 ? 1 : yOther.length / yTrue.length;
  const bootstrap = { seed: options.seed, repeats: options.repeats, level: options.level, stratify: options.stratify };
  const overall = bootstrapMetric(yTrue, yOther, metric, bootstrap);
  const slices = groups.labels.map((label, group): Slice => {
    const [t, o] = selectGroup(groups, group, yTrue, yOther, width);
    if (t.length === 0) return { label, count: 0, value: null, low: null, high: null, repeats: 0, reason: 'empty slice: no evaluated rows', flagged: false };
    const interval = bootstrapMetric(t, o, metric, bootstrap);
    return { label, count: t.length, ...interval, flagged: isFarWorse(interval, overall.value, options.higherIsBetter) };
  });
  const rule = options.higherIsBetter
    ? 'flagged when the slice interval lies entirely below the overall value'
    : 'flagged when the slice interval lies entirely above the overall value';
  const report: SliceReport = { column: groups.column, overall, slices, rule };
  if (groups.note !== undefined) report.note = groups.note;
  return report;
}

function isFarWorse(interval: BootstrapInterval, overall: number | null, higherIsBetter: boolean): boolean {
  if (overall === null || interval.low === null || interval.high === null) return false;
  return higherIsBetter ? interval.high < overall : interval.low > overall;
}
