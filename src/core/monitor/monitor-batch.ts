// A batch monitored against a model version: the schema check and feature drift against the version's input
// contract (its training profile and reference sample), the drift of the model's scores against its scores on the
// reference rows (the run's validation rows, when the training data is at hand), and — when the batch brought labels —
// performance on the batch against the version's validation metrics. One function for the worker and for Node.

import { ExportError } from '../errors';
import type { RunPredictions } from '../evaluate/run-predictions';
import { scoreHeldOut } from '../evaluate/score-held-out';
import { predictTable, type ScoredTable } from '../export/predict-table';
import { METRICS, type MetricId } from '../problem/metrics';
import type { ProblemSpec, SupervisedTask } from '../problem/types';
import { selectRows } from '../table/select-rows';
import type { RowIndices, Table } from '../table/types';
import { findPositiveClass } from '../train/score-model';
import type { TrainedRun } from '../train/types';
import { compareBatchPerformance, type PerformanceComparison } from './compare-batch-performance';
import type { DriftOptions, DriftReport, DriftStatus } from './drift-types';
import { measureBatchDrift } from './measure-batch-drift';
import { measurePredictionDrift, type PredictionDrift } from './measure-prediction-drift';
import { readBatchLabels } from './read-batch-labels';
import { SMALL_BATCH_ROWS, worseStatus } from './drift-settings';
import { chooseScoreKind, describeScore, type ScoreKind } from './describe-score';

export type { ScoreKind };

export interface MonitorOptions extends DriftOptions {
  /** Allowed worsening of a metric on the batch before an alert, as a share of the reference value (default 0.05). */
  readonly performanceTolerance?: number;
}


export interface MonitorReport {
  readonly drift: DriftReport;
  /** Drift of the model's scores; null with `predictionNote` saying why when it could not be measured. */
  readonly prediction: (PredictionDrift & { readonly score: ScoreKind }) | null;
  readonly predictionNote: string | null;
  /** Performance on the batch's labelled rows against the version's validation metrics; null without labels. */
  readonly performance: (PerformanceComparison & { readonly rows: number; readonly batch: Partial<Record<MetricId, number>> }) | null;
  /** Rows of the batch the model scored (a filter step may leave some out). */
  readonly scoredRows: number;
  /** The worst of feature drift, prediction drift and performance (degraded = alert). */
  readonly status: DriftStatus;
  /** Every alert in a sentence, for the cell's banner and a scheduler's log. */
  readonly alerts: readonly string[];
}

/** Where the reference scores come from: the run's training table and its validation rows (null when not at hand, with why). */
export type ReferenceRows = { readonly table: Table; readonly rows: RowIndices } | { readonly missing: string };

/** Monitors `batch` against `run` (a version's stored run, with its contract) trained for `problem`. */
export async function monitorBatch(batch: Table, run: TrainedRun, problem: ProblemSpec, reference: ReferenceRows, options: MonitorOptions = {}, signal?: AbortSignal): Promise<MonitorReport> {
  const contract = run.inputContract;
  if (!contract) throw new ExportError(`The run "${run.label}" has no stored input contract (it was trained before contracts existed), so there is no reference to monitor against; retrain it and register the new run.`);
  const drift = measureBatchDrift(contract, batch, options);
  const scored = await predictTable(run, contract, batch, signal);
  const score = chooseScoreKind(run.task, run.classes?.length ?? 0);
  const batchScores = readScores(scored, score, findPositiveClass(problem, run.classes));
  let prediction: MonitorReport['prediction'] = null;
  let predictionNote: string | null = null;
  if ('missing' in reference) predictionNote = reference.missing;
  else {
    const referenceScored = await predictTable(run, contract, selectRows(reference.table, reference.rows), signal);
    const measured = measurePredictionDrift(readScores(referenceScored, score, findPositiveClass(problem, run.classes)), batchScores, options);
    // PSI between two small samples moves past the alert line without any drift: few scores warn, never alert.
    const capped = measured.smallSample && measured.status === 'alert';
    prediction = { ...measured, status: capped ? 'warn' : measured.status, score };
    if (capped) predictionNote = `The scores' PSI of ${measured.psi.toFixed(3)} is past the alert line, but it compares ${measured.compared.reference} reference scores (the version's validation rows) with ${measured.compared.batch} batch scores; under ${SMALL_BATCH_ROWS} on either side PSI moves that much without drift, so it is a warning. Judge by the feature drift and, with labels, the performance.`;
  }
  const performance = measurePerformance(batch, scored, run, problem, options);
  const alerts = [
    ...drift.features.filter((f) => f.status === 'alert').map((f) => `Feature "${f.column}" drifted: PSI ${f.psi.toFixed(3)} ≥ ${drift.thresholds.psiAlert}.`),
    ...(prediction?.status === 'alert' ? [`The model's ${describeScore(score)} drifted: PSI ${prediction.psi.toFixed(3)} ≥ ${drift.thresholds.psiAlert}.`] : []),
    ...(performance?.alerts ?? []),
  ];
  const status = [drift.status, prediction?.status ?? 'ok', performance?.degraded ? 'alert' : 'ok'].reduce<DriftStatus>((a, b) => worseStatus(a, b as DriftStatus), 'ok');
  return { drift, prediction, predictionNote, performance, scoredRows: batch.rowCount - scored.unscoredRows, status, alerts };
}

function readScores(scored: ScoredTable, score: ScoreKind, positive: number): Float64Array {
  const { probabilities, classes, prediction } = scored;
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

function measurePerformance(batch: Table, scored: ScoredTable, run: TrainedRun, problem: ProblemSpec, options: MonitorOptions): MonitorReport['performance'] {
  const labels = readBatchLabels(run.inputContract!, batch);
  if (!labels || scored.prediction === null || run.task === 'clustering') return null;
  const keep: number[] = [];
  for (let i = 0; i < batch.rowCount; i++) if (!Number.isNaN(labels.values[i]) && !Number.isNaN(scored.prediction[i])) keep.push(i);
  if (keep.length === 0) return null;
  const k = run.classes?.length ?? 0;
  const predictions: RunPredictions = {
    rows: Uint32Array.from(keep),
    yTrue: Float64Array.from(keep, (i) => labels.values[i]),
    yPred: Float64Array.from(keep, (i) => scored.prediction![i]),
    proba: scored.probabilities && k > 0 ? Float64Array.from({ length: keep.length * k }, (_, j) => scored.probabilities![keep[Math.floor(j / k)] * k + (j % k)]) : null,
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
