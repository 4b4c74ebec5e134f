// What a batch's model outputs say, whether the model scored the batch here or a service logged them: the drift of
// its scores against its scores on the version's reference rows, and performance on the labelled rows against the
// version's validation metrics. monitorBatch and monitorLogBatch both go through these.

import type { RunPredictions } from '../evaluate/run-predictions';
import { scoreHeldOut } from '../evaluate/score-held-out';
import { predictTable, type ScoredTable } from '../export/predict-table';
import type { Target } from '../models/types';
import { METRICS, type MetricId } from '../problem/metrics';
import type { ProblemSpec, SupervisedTask } from '../problem/types';
import { selectRows } from '../table/select-rows';
import { findPositiveClass } from '../train/score-model';
import type { TrainedRun } from '../train/types';
import { compareBatchPerformance } from './compare-batch-performance';
import { chooseScoreKind, type ScoreKind } from './describe-score';
import { SMALL_BATCH_ROWS } from './drift-settings';
import { measurePredictionDrift } from './measure-prediction-drift';
import type { MonitorOptions, MonitorReport, ReferenceRows } from './monitor-batch';

/** A batch's outputs in the version's class order: class index or value per row (NaN: not scored), probabilities row-major. */
export type ModelOutputs = Pick<ScoredTable, 'prediction' | 'probabilities' | 'classes'>;

/**
 * The drift of the scores `batch` holds against the run's scores on its reference rows (predicted here), or the
 * note saying why there is none. Few scores on either side warn at most, never alert.
 */
export async function measureScoreDrift(run: TrainedRun, problem: ProblemSpec, reference: ReferenceRows, batch: ModelOutputs, options: MonitorOptions, signal?: AbortSignal): Promise<Pick<MonitorReport, 'prediction' | 'predictionNote'>> {
  if ('missing' in reference) return { prediction: null, predictionNote: reference.missing };
  const score = chooseScoreKind(run.task, run.classes?.length ?? 0);
  const positive = findPositiveClass(problem, run.classes);
  const referenceScored = await predictTable(run, run.inputContract!, selectRows(reference.table, reference.rows), signal);
  const measured = measurePredictionDrift(readScores(referenceScored, score, positive), readScores(batch, score, positive), options);
  const capped = measured.smallSample && measured.status === 'alert';
  const note = capped
    ? `The scores' PSI of ${measured.psi.toFixed(3)} is past the alert line, but it compares ${measured.compared.reference} reference scores (the version's validation rows) with ${measured.compared.batch} batch scores; under ${SMALL_BATCH_ROWS} on either side PSI moves that much without drift, so it is a warning. Judge by the feature drift and, with labels, the performance.`
    : null;
  return { prediction: { ...measured, status: capped ? 'warn' : measured.status, score }, predictionNote: note };
}

/** One score per row: the positive class's probability, the top probability, or the prediction itself. */
export function readScores(outputs: ModelOutputs, score: ScoreKind, positive: number): Float64Array {
  const { probabilities, classes, prediction } = outputs;
  if (score === 'prediction' || !probabilities || !classes) return Float64Array.from(prediction ?? []);
  const k = classes.length;
  const rows = probabilities.length / k;
  if (score === 'positive-probability') return Float64Array.from({ length: rows }, (_, i) => probabilities[i * k + positive]);
  return Float64Array.from({ length: rows }, (_, i) => {
    let top = -Infinity;
    for (let c = 0; c < k; c++) top = Math.max(top, probabilities[i * k + c]);
    return top;
  });
}

/** Every metric of the problem on the rows with a label and a prediction, against the version's validation values; null without such rows. */
export function measurePerformance(labels: Target | null, outputs: ModelOutputs, run: TrainedRun, problem: ProblemSpec, options: MonitorOptions): MonitorReport['performance'] {
  const { prediction, probabilities } = outputs;
  if (!labels || prediction === null || run.task === 'clustering') return null;
  const keep: number[] = [];
  for (let i = 0; i < labels.values.length; i++) if (!Number.isNaN(labels.values[i]) && !Number.isNaN(prediction[i])) keep.push(i);
  if (keep.length === 0) return null;
  const k = run.classes?.length ?? 0;
  const predictions: RunPredictions = {
    rows: Uint32Array.from(keep),
    yTrue: Float64Array.from(keep, (i) => labels.values[i]),
    yPred: Float64Array.from(keep, (i) => prediction[i]),
    proba: probabilities && k > 0 ? Float64Array.from({ length: keep.length * k }, (_, j) => probabilities[keep[Math.floor(j / k)] * k + (j % k)]) : null,
    classes: run.classes ?? null,
  };
  const scores = scoreHeldOut(predictions, problem, problem.task as SupervisedTask, findPositiveClass(problem, run.classes));
  const batchValues: Partial<Record<MetricId, number>> = {};
  for (const row of scores.metrics) if (row.value.value !== null && row.value.value !== undefined) batchValues[row.id as MetricId] = row.value.value;
  const reference: Record<string, number> = {};
  for (const [id, value] of Object.entries(run.metrics.validation)) if (value?.value !== null && value?.value !== undefined) reference[id] = value.value;
  const comparison = compareBatchPerformance(reference, batchValues as Record<string, number>, (id) => METRICS[id as MetricId]?.direction ?? 'higher', {
    tolerance: options.performanceTolerance ?? 0.05, labelOf: (id) => METRICS[id as MetricId]?.label ?? id,
  });
  return { ...comparison, rows: keep.length, batch: batchValues };
}
