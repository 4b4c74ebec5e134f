// A model scored on the retrain's common holdout, as the gate reads it: the primary metric overall and per slice of
// a monitored column (categories, or quartile bins of numbers, as the Evaluate cell's Slices panel groups them),
// with every metric of the problem beside. The champion and the challenger go through this same function.

import { DataError } from '../errors';
import { buildSliceReport } from '../evaluate/build-slice-report';
import { scoreHeldOut } from '../evaluate/score-held-out';
import type { MetricId } from '../problem/metrics';
import type { ProblemSpec, SupervisedTask } from '../problem/types';
import type { RowIndices, Table } from '../table/types';
import { predictRun } from '../train/predict-run';
import { findPositiveClass } from '../train/score-model';
import type { TrainedRun } from '../train/types';
import type { GateScores } from './decide-gate';

export interface HoldoutScores extends GateScores {
  /** Every metric of the problem on the holdout (undefined ones left out). */
  readonly metrics: Partial<Record<MetricId, number>>;
  /** Holdout rows scored (rows a filter step removes are not). */
  readonly rows: number;
  /** Rows per slice. */
  readonly sliceRows: Readonly<Record<string, number>>;
}

/** `run` on `rows` of `table`; slices of `sliceColumn` (null: none) named "column = level". */
export async function scoreOnHoldout(table: Table, rows: RowIndices, run: TrainedRun, problem: ProblemSpec, sliceColumn: string | null): Promise<HoldoutScores> {
  const task = problem.task as SupervisedTask;
  const positive = findPositiveClass(problem, run.classes);
  const predictions = await predictRun(table, rows, run, problem);
  const scores = scoreHeldOut(predictions, problem, task, positive);
  const metrics: Partial<Record<MetricId, number>> = {};
  for (const row of scores.metrics) if (typeof row.value.value === 'number') metrics[row.id as MetricId] = row.value.value;
  const primary = metrics[problem.primaryMetric];
  if (primary === undefined) throw new DataError(`${run.label}: ${problem.primaryMetric} is undefined on the holdout's ${predictions.yTrue.length} rows (one class only?); hold out more rows or use another primary metric.`);
  const slices: Record<string, number> = {};
  const sliceRows: Record<string, number> = {};
  if (sliceColumn !== null) {
    const column = table.columns.find((c) => c.name === sliceColumn);
    if (!column) throw new DataError(`The slice column "${sliceColumn}" is not in the batch; pick another column in the Retrain cell.`);
    const report = buildSliceReport(column, predictions, problem.primaryMetric, task, positive);
    for (const slice of report.value?.slices ?? []) {
      if (slice.value === null) continue;
      slices[`${sliceColumn} = ${slice.label}`] = slice.value;
      sliceRows[`${sliceColumn} = ${slice.label}`] = slice.count;
    }
  }
  return { primary, slices, metrics, rows: predictions.yTrue.length, sliceRows };
}
