// A prediction log monitored against a model version: the rows the version answered as `main` are the batch — drift
// of the logged inputs (columns the service did not log are "not logged", not missing), drift of the logged scores
// against the version's scores on its reference rows, performance where feedback labels came — and every other
// version the log holds as a canary or shadow is compared with it. A log of another input schema is refused.

import { DataError } from '../errors';
import { formatCount } from '../ingest/describe-evidence';
import type { ProblemSpec } from '../problem/types';
import type { Table } from '../table/types';
import type { TrainedRun } from '../train/types';
import { compareLoggedVersions, type LoggedComparison, type LoggedSide } from './compare-logged-versions';
import { measureBatchDrift } from './measure-batch-drift';
import { measurePerformance, measureScoreDrift } from './measure-model-outputs';
import { listLoggedNames } from './match-logged-version';
import { assembleReport, type MonitorOptions, type MonitorReport, type ReferenceRows } from './monitor-batch';
import { computeLogSchemaHash, type LogRole } from './read-prediction-log';
import { readLogTable, readLoggedLabels, readLoggedOutputs, selectLoggedInputs, type LogTable, type LoggedRows } from './read-log-table';

/** What a report adds for a prediction log. */
export interface LoggedBatch {
  /** The name the log gives the monitored version, and the rows it answered as main (the monitored batch). */
  readonly version: string;
  readonly rows: number;
  /** Rows in the whole log, every version and role. */
  readonly totalRows: number;
  readonly versions: readonly { readonly version: string; readonly role: LogRole; readonly rows: number }[];
  /** Input columns of the version the service did not log (its --log-fields left them out). */
  readonly notLogged: readonly string[];
  /** Monitored rows with a feedback label. */
  readonly labelled: number;
  /** Each canary or shadow version beside the monitored one. */
  readonly comparisons: readonly LoggedComparison[];
}

/** The gate's δ for a logged challenger when the options set none: the Retrain cell's default. */
export const LOG_GATE_DELTA = 0.01;

/** `log` (a table with the log's reserved columns) against `run`; see the module comment. */
export async function monitorLogBatch(table: Table, run: TrainedRun, problem: ProblemSpec, reference: ReferenceRows, options: MonitorOptions, signal?: AbortSignal): Promise<MonitorReport> {
  const contract = run.inputContract!;
  const log = readLogTable(table);
  const names = listLoggedNames(run.id, options.monitored);
  const who = options.monitored ? `${options.monitored.modelName} v${options.monitored.version} (run ${run.id})` : `run ${run.id}`;
  const expected = computeLogSchemaHash(contract);
  if (log.schemaHash !== null && log.schemaHash !== expected) {
    throw new DataError(
      `The log was written for another input schema: its lines carry schema hash ${log.schemaHash} (from ${describeVersions(log)}), but ${who} reads ` +
      `an input whose hash is ${expected}. Load the log of a service serving this model, or monitor the model that wrote it.`,
    );
  }
  const main = log.batches.find((b) => b.role === 'main' && names.includes(b.version));
  if (!main) {
    throw new DataError(
      `The log holds no row that ${who} answered as main: it holds ${describeVersions(log)}. Pick the version that served as main in the Monitor cell ` +
      `(the log names it "${names[1] ?? names[0]}" or by its run id), or load a log of a service where this version answered.`,
    );
  }
  const inputs = selectLoggedInputs(log, main.rows);
  const logged = new Set(inputs.columns.map((c) => c.name));
  const notLogged = contract.columns.map((c) => c.name).filter((name) => !logged.has(name));
  if (notLogged.length === contract.columns.length) {
    throw new DataError(`The log keeps none of the columns ${who} reads (the service's --log-fields left them all out), so there is no input to measure drift on; log at least the columns you want watched.`);
  }
  const drift = measureBatchDrift(contract, inputs, options, notLogged);
  const outputs = readLoggedOutputs(log, main.rows, run.classes ?? null);
  const labels = readLoggedLabels(log, main.rows, contract);
  const scores = run.classes && !outputs.probabilities
    ? { prediction: null, predictionNote: "The log carries no class probabilities for this version, so the drift of the model's scores cannot be measured; the feature drift and the predicted classes below still can." }
    : await measureScoreDrift(run, problem, reference, outputs, options, signal);
  const performance = measurePerformance(labels, outputs, run, problem, options);
  const sideOf = (batch: LoggedRows): LoggedSide => ({
    version: batch.version, role: batch.role, outputs: readLoggedOutputs(log, batch.rows, run.classes ?? null),
    labels: readLoggedLabels(log, batch.rows, contract)?.values ?? null, pairKeys: Array.from(batch.rows, (r) => log.pairKeys[r]),
  });
  const champion = sideOf(main);
  const comparisons = log.batches.filter((b) => b.role !== 'main' && !names.includes(b.version))
    .map((b) => compareLoggedVersions(champion, sideOf(b), { classes: run.classes ?? null, problem, delta: options.gateDelta ?? LOG_GATE_DELTA }));
  const scored = outputs.prediction ? outputs.prediction.filter((p) => !Number.isNaN(p)).length : main.rows.length;
  return assembleReport(drift, scores, performance, scored, {
    version: main.version, rows: main.rows.length, totalRows: table.rowCount,
    versions: log.batches.map((b) => ({ version: b.version, role: b.role, rows: b.rows.length })),
    notLogged, labelled: labels ? labels.values.filter((v) => !Number.isNaN(v)).length : 0, comparisons,
  });
}

/** "run-7f3a (main, 1,200 rows), run-9c1d (canary, 130 rows)". */
function describeVersions(log: LogTable): string {
  return log.batches.map((b) => `${b.version} (${b.role}, ${formatCount(b.rows.length)} row${b.rows.length === 1 ? '' : 's'})`).join(', ') || 'no version';
}
