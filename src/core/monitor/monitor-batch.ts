// A batch monitored against a model version: the schema check and feature drift against the version's input
// contract (its training profile and reference sample), the drift of the model's scores against its scores on the
// reference rows (the run's validation rows, when the training data is at hand), and — when the batch brought labels —
// performance on the batch against the version's validation metrics. One function for the worker and for Node.

import { ExportError } from '../errors';
import { predictTable } from '../export/predict-table';
import type { ProblemSpec } from '../problem/types';
import type { RowIndices, Table } from '../table/types';
import type { TrainedRun } from '../train/types';
import type { PerformanceComparison } from './compare-batch-performance';
import type { DriftOptions, DriftReport, DriftStatus } from './drift-types';
import { measureBatchDrift } from './measure-batch-drift';
import { measurePerformance, measureScoreDrift } from './measure-model-outputs';
import type { PredictionDrift } from './measure-prediction-drift';
import type { MetricId } from '../problem/metrics';
import { readBatchLabels } from './read-batch-labels';
import { worseStatus } from './drift-settings';
import { describeScore, type ScoreKind } from './describe-score';
import { isPredictionLogTable } from './read-log-table';
import { monitorLogBatch, type LoggedBatch } from './monitor-log-batch';

export type { ScoreKind };

export interface MonitorOptions extends DriftOptions {
  /** Allowed worsening of a metric on the batch before an alert, as a share of the reference value (default 0.05). */
  readonly performanceTolerance?: number;
  /** The monitored version's registry entry: a prediction log names it "<modelName>@v<version>" (or by its run id). */
  readonly monitored?: { readonly modelName: string; readonly version: number };
  /** The least gain on the primary metric a logged challenger must show to pass its gate (default 0.01, as Retrain's). */
  readonly gateDelta?: number;
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
  /** Set when the batch is a prediction log: the rows the version answered, the columns not logged, other versions compared. */
  readonly log: LoggedBatch | null;
}

/** Where the reference scores come from: the run's training table and its validation rows (null when not at hand, with why). */
export type ReferenceRows = { readonly table: Table; readonly rows: RowIndices } | { readonly missing: string };

/**
 * Monitors `batch` against `run` (a version's stored run, with its contract) trained for `problem`. A batch that is
 * a prediction log (core/ingest/import-prediction-log.ts) is read as the service's answers: see monitorLogBatch.
 */
export async function monitorBatch(batch: Table, run: TrainedRun, problem: ProblemSpec, reference: ReferenceRows, options: MonitorOptions = {}, signal?: AbortSignal): Promise<MonitorReport> {
  const contract = run.inputContract;
  if (!contract) throw new ExportError(`The run "${run.label}" has no stored input contract (it was trained before contracts existed), so there is no reference to monitor against; retrain it and register the new run.`);
  if (isPredictionLogTable(batch)) return monitorLogBatch(batch, run, problem, reference, options, signal);
  const drift = measureBatchDrift(contract, batch, options);
  const scored = await predictTable(run, contract, batch, signal);
  const scores = await measureScoreDrift(run, problem, reference, scored, options, signal);
  const labels = run.task === 'clustering' ? null : readBatchLabels(contract, batch);
  const performance = measurePerformance(labels, scored, run, problem, options);
  return assembleReport(drift, scores, performance, batch.rowCount - scored.unscoredRows, null);
}

/** The report with its alerts in sentences and the worst status of drift, score drift, performance and a failed log gate. */
export function assembleReport(drift: DriftReport, scores: Pick<MonitorReport, 'prediction' | 'predictionNote'>, performance: MonitorReport['performance'], scoredRows: number, log: LoggedBatch | null): MonitorReport {
  const { prediction } = scores;
  const alerts = [
    ...drift.features.filter((f) => f.status === 'alert').map((f) => `Feature "${f.column}" drifted: PSI ${f.psi.toFixed(3)} ≥ ${drift.thresholds.psiAlert}.`),
    ...(prediction?.status === 'alert' ? [`The model's ${describeScore(prediction.score)} drifted: PSI ${prediction.psi.toFixed(3)} ≥ ${drift.thresholds.psiAlert}.`] : []),
    ...(performance?.alerts ?? []),
  ];
  const status = [drift.status, prediction?.status ?? 'ok', performance?.degraded ? 'alert' : 'ok'].reduce<DriftStatus>((a, b) => worseStatus(a, b as DriftStatus), 'ok');
  return { drift, ...scores, performance, scoredRows, status, alerts, log };
}
