// The Evaluate cell's learning curve: refit a trained run's candidate on growing, nested, seeded shares of the
// training rows (stratified by the target for classification) and score every fit with the primary metric on its
// own training rows and on validation. In the page a training worker runs it (cancel = terminate the worker).

import { ModelSpecError } from '../errors';
import { undefinedMetric, type MetricValue } from '../evaluate/metric-value';
import type { MetricId } from '../problem/metrics';
import type { ProblemSpec } from '../problem/types';
import { createRandom, shuffleInPlace } from '../random/prng';
import { readCellText } from '../table/column-texts';
import type { RowIndices, Table } from '../table/types';
import { rescoreRun } from './rescore-run';
import { trainOnTrainingPart } from './train-candidate';
import type { TrainedRun } from './types';

/** Shares of the training rows refitted on, in order. */
export const LEARNING_CURVE_FRACTIONS: readonly number[] = [0.1, 0.25, 0.5, 0.75, 1];

/** One refit: how many training rows it used and the primary metric on them and on validation (null with why). */
export interface LearningCurvePoint {
  fraction: number;
  rows: number;
  train: MetricValue;
  validation: MetricValue;
}

/** The finished curve, saved with the Evaluate cell's output. */
export interface LearningCurve {
  runId: string;
  metric: MetricId;
  points: LearningCurvePoint[];
}

/** Fired after each refit: `done` of `total` sizes finished, the last one with `rows` training rows. */
export interface LearningCurveProgress {
  done: number;
  total: number;
  rows: number;
}

/** What to refit (the run's family, params, seed and pipeline steps) and on which dataset rows. */
export interface LearningCurveRequest {
  run: Pick<TrainedRun, 'id' | 'family' | 'params' | 'seed' | 'pipeline'>;
  problem: ProblemSpec;
  train: RowIndices;
  validation: RowIndices;
}

/**
 * Nested row subsets of `train`, one per fraction, ascending row order: each target class (each distinct text,
 * missing included; one group when not stratified) is shuffled once with `seed` and its first
 * max(1, round(fraction · size)) rows are taken, so every class keeps its share and at least one row.
 */
export function drawTrainingSubsets(table: Table, train: RowIndices, target: string | null, fractions: readonly number[], seed: number): Uint32Array[] {
  const column = target === null ? undefined : table.columns.find((c) => c.name === target);
  const byClass = new Map<string | null, number[]>();
  for (const row of train) {
    const key = column ? readCellText(column, row) : '';
    const rows = byClass.get(key);
    if (rows) rows.push(row);
    else byClass.set(key, [row]);
  }
  const random = createRandom(seed);
  const shuffled = [...byClass.values()].map((rows) => shuffleInPlace(Uint32Array.from(rows), random));
  return fractions.map((fraction) => {
    const parts = shuffled.map((rows) => rows.subarray(0, Math.min(rows.length, Math.max(1, Math.round(fraction * rows.length)))));
    const subset = new Uint32Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const part of parts) (subset.set(part, offset), (offset += part.length));
    return subset.sort();
  });
}

/** Refits `request.run` on each training subset and scores it; a failed size keeps its error as the reason. */
export async function computeLearningCurve(table: Table, request: LearningCurveRequest, onProgress?: (progress: LearningCurveProgress) => void): Promise<LearningCurve> {
  const { run, problem, validation } = request;
  if (run.family === 'ensemble') throw new ModelSpecError('A learning curve refits one model on growing shares of the rows, and this run blends several. Draw the curve of one of its members (listed in its Tune cell).');
  const metric = problem.primaryMetric;
  const stratify = problem.task === 'binary' || problem.task === 'multiclass';
  const subsets = drawTrainingSubsets(table, request.train, stratify ? problem.target : null, LEARNING_CURVE_FRACTIONS, run.seed);
  // The run's own steps, automatic ones included: the refits prepare exactly as the run did.
  const steps = run.pipeline.steps.map((step) => step.spec);
  const points: LearningCurvePoint[] = [];
  for (const [i, rows] of subsets.entries()) {
    const fraction = LEARNING_CURVE_FRACTIONS[i];
    try {
      const fitted = await trainOnTrainingPart(table, { train: rows, validation, folds: [] }, {
        id: `${run.id}-learning-${fraction}`, family: run.family, params: run.params, seed: run.seed, problem, steps, crossValidate: false, autoPrepare: false,
      });
      points.push({
        fraction, rows: rows.length,
        train: rescoreRun(table, rows, fitted, problem)[metric] ?? undefinedMetric('the metric was not scored'),
        validation: fitted.metrics.validation[metric] ?? undefinedMetric('there are no validation rows to score'),
      });
    } catch (error) {
      const reason = `the fit on ${rows.length} rows failed: ${error instanceof Error ? error.message : String(error)}`;
      points.push({ fraction, rows: rows.length, train: undefinedMetric(reason), validation: undefinedMetric(reason) });
    }
    onProgress?.({ done: i + 1, total: subsets.length, rows: rows.length });
  }
  return { runId: run.id, metric, points };
}
