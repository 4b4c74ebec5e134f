// The Slices panel's table: the evaluated rows grouped by one dataset column (categories, or quartile bins of
// numbers and dates; past 20 groups the smallest pool into "other"), a metric per group with its bootstrap
// interval, and a flag on groups far worse than the whole. Cheap enough for the main thread.

import { isMetricId, METRICS, type MetricId } from '../problem/metrics';
import type { SupervisedTask } from '../problem/types';
import type { Column, Table } from '../table/types';
import { computeSlices, type SliceReport } from './compute-slices';
import { groupRows, type RowGroups } from './group-rows';
import type { RunPredictions } from './run-predictions';
import { BOOTSTRAP_REPEATS, selectMetric } from './score-held-out';

/** Groups shown before the smallest are pooled into "other". */
export const MAX_SLICE_GROUPS = 20;
/** Quantile bins of a numeric or datetime slice column. */
export const SLICE_BIN_COUNT = 4;
const SLICE_SEED = 20261123;

/** A slice report, or null with the reason it cannot be computed. */
export interface SliceResult {
  value: SliceReport | null;
  reason?: string;
}

/** The columns rows can be grouped by: every column of the table but the target, in table order. */
export function listGroupColumns(table: Table, target: string | null): string[] {
  return table.columns.map((c) => c.name).filter((name) => name !== target);
}

/** The task's metric chosen in the spec, or the primary metric when the spec has none (or one of another task). */
export function resolveSliceMetric(chosen: string | null, task: SupervisedTask, primary: MetricId): MetricId {
  return chosen !== null && isMetricId(chosen) && METRICS[chosen].tasks.includes(task) ? chosen : primary;
}

/** Finds column `name` in `table` and checks the predictions' dataset rows lie inside it. */
export function findGroupColumn(table: Table, name: string | null, predictions: RunPredictions): Column | string {
  if (name === null) return 'Pick a column to group the validation rows by.';
  const column = table.columns.find((c) => c.name === name);
  if (!column) return `The column "${name}" is no longer in the dataset; pick another one.`;
  if (predictions.rows.some((row) => row >= table.rowCount)) return 'The dataset changed since this evaluation; press Evaluate again.';
  return column;
}

/** The evaluated rows (predictions.rows index the dataset table) grouped by `column`: ≤ 20 groups, quartile bins. */
export function groupEvaluatedRows(column: Column, predictions: RunPredictions): RowGroups {
  return groupRows(column, predictions.rows, { binCount: SLICE_BIN_COUNT, maxGroups: MAX_SLICE_GROUPS });
}

/** `metric` per group of `column` over the evaluated rows (predictions.rows index the dataset table). */
export function buildSliceReport(column: Column, predictions: RunPredictions, metric: MetricId, task: SupervisedTask, positive: number): SliceResult {
  const selected = selectMetric(metric, predictions, positive);
  if (!selected) return { value: null, reason: `${METRICS[metric].label} needs probabilities, and this model gives none; pick another metric.` };
  if (predictions.yTrue.length === 0) return { value: null, reason: 'there are no evaluated rows to group' };
  const groups = groupEvaluatedRows(column, predictions);
  const report = computeSlices(groups, predictions.yTrue, selected.other, selected.metric, {
    higherIsBetter: METRICS[metric].direction === 'higher', seed: SLICE_SEED, repeats: BOOTSTRAP_REPEATS, stratify: task !== 'regression',
  });
  return { value: report };
}
