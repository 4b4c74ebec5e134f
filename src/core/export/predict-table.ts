// The one scoring path for new data (the Predict cell, the CLI, the bundle's predict.mjs / serve.mjs / score.mjs):
// align the table to the run's input contract, run the fitted pipeline, build the features and predict (an ensemble:
// every member through its own pipeline from the aligned raw rows, blended).

import { createAbortError, ExportError, isAbortError, ModelSpecError } from '../errors';
import { buildFeatureMatrix } from '../models/feature-matrix';
import { predictOutputs } from '../models/predict-outputs';
import { loadModelOnce } from '../models/registry';
import type { FeatureMatrix, ModelOutputs, Task } from '../models/types';
import { isEnsembleModel } from '../models/ensemble/ensemble-model';
import { predictEnsemble } from '../models/ensemble/predict-ensemble';
import type { Table } from '../table/types';
import type { TrainedRun } from '../train/types';
import { transformTable } from '../transform/pipeline';
import { alignTableToContract, describeContractReport, type ContractReport } from './check-contract';
import type { InputContract } from './input-contract';

export { rowsToTable, type RowProblem } from './rows-to-table';
export { createPredictionsCsvWriter, writePredictionsCsv } from './write-predictions-csv';

/**
 * A table's predictions, one entry per input row. A row a filter step of the pipeline removes (and, for clustering,
 * a row missing a feature) is not scored: NaN prediction and probabilities, null label, cluster −1.
 */
export interface ScoredTable {
  task: Task;
  classes: string[] | null;
  /** Classification: the predicted class's label. */
  label: (string | null)[] | null;
  /** Class index (classification), value (regression) or cluster id (clustering). */
  prediction: Float64Array | null;
  /** Classification: row-major N × classes. */
  probabilities: Float64Array | null;
  /** Clustering: the cluster of each row (−1 when not scored). */
  clusters?: Int32Array;
  report: ContractReport;
  /** Input rows that were not scored (removed by a filter step, or incomplete for a clustering). */
  unscoredRows: number;
}

export type ScoringRun = Pick<TrainedRun, 'pipeline' | 'model' | 'featureNames' | 'classes' | 'task'>;

/**
 * `run`'s predictions for every row of `table`, which is first aligned to `contract` (see alignTableToContract). A
 * table without one of the contract's columns is an ExportError naming them; `signal` aborts between stages and blocks.
 */
export async function predictTable(run: ScoringRun, contract: InputContract, table: Table, signal?: AbortSignal): Promise<ScoredTable> {
  const { table: aligned, report } = alignTableToContract(table, contract);
  if (report.missingColumns.length > 0) {
    throw new ExportError(describeContractReport(report).filter((m) => m.severity === 'error').map((m) => m.message).join(' '));
  }
  if (signal?.aborted) throw createAbortError();
  const classes = run.classes ?? null;
  const n = table.rowCount;
  const prediction = new Float64Array(n).fill(NaN);
  const { rows: scoredRows, outputs } = isEnsembleModel(run.model) ? await predictEnsembleRows(run.model, aligned, signal) : await predictRows(run, aligned, classes !== null, signal);
  scoredRows.forEach((row, i) => (prediction[row] = outputs.predictions[i]));
  const result: ScoredTable = { task: run.task, classes, label: null, prediction, probabilities: null, report, unscoredRows: n - scoredRows.length };
  if (classes !== null) {
    result.label = Array.from(prediction, (p) => (Number.isNaN(p) ? null : classes[p]));
    if (outputs.proba) result.probabilities = spreadRows(outputs.proba, scoredRows, n, classes.length);
  }
  if (run.task === 'clustering') result.clusters = Int32Array.from(prediction, (p) => (Number.isNaN(p) ? -1 : p));
  return result;
}

/** The run's outputs on the aligned table (clustering: complete rows only); `rows` = input row of each output row. */
async function predictRows(run: ScoringRun, aligned: Table, withProba: boolean, signal?: AbortSignal): Promise<{ rows: Uint32Array; outputs: ModelOutputs }> {
  const { X, rows } = buildFeatures(run, aligned);
  const scored = run.task === 'clustering' ? selectCompleteRows(X, rows) : { X, rows };
  const outputs = scored.X.rows === 0 ? { predictions: new Float64Array(0), proba: null } : await predictOutputs(loadModelOnce(run.model), scored.X, withProba, { signal });
  return { rows: scored.rows, outputs };
}

/** An ensemble's blend of the aligned raw rows (predict-ensemble): the rows every member's pipeline kept. */
async function predictEnsembleRows(model: ScoringRun['model'], aligned: Table, signal?: AbortSignal): Promise<{ rows: Uint32Array; outputs: ModelOutputs }> {
  const { rows, ...outputs } = await predictEnsemble(model, aligned, { signal });
  return { rows, outputs };
}

/** The aligned table through the run's pipeline and into its feature matrix; `rows` = input row of each matrix row. */
function buildFeatures(run: ScoringRun, aligned: Table): { X: FeatureMatrix; rows: Uint32Array } {
  try {
    const transformed = transformTable(run.pipeline, aligned);
    const { X } = buildFeatureMatrix(transformed.table, run.featureNames);
    if (X.cols !== run.featureNames.length) throw new Error(`only ${X.cols} of its ${run.featureNames.length} features can be built.`);
    return { X, rows: transformed.rows };
  } catch (error) {
    if (!(error instanceof Error) || isAbortError(error)) throw error;
    throw new ModelSpecError(`The run cannot score this table: ${error.message} Check the columns against the run's schema, or retrain.`);
  }
}

/** Rows of X without a missing feature (a clustering has no distance for them). */
function selectCompleteRows(X: FeatureMatrix, rows: Uint32Array): { X: FeatureMatrix; rows: Uint32Array } {
  const keep: number[] = [];
  for (let r = 0; r < X.rows; r++) if (!X.values.subarray(r * X.cols, (r + 1) * X.cols).some(Number.isNaN)) keep.push(r);
  if (keep.length === X.rows) return { X, rows };
  const values = new Float64Array(keep.length * X.cols);
  keep.forEach((row, i) => values.set(X.values.subarray(row * X.cols, (row + 1) * X.cols), i * X.cols));
  return { X: { ...X, values, rows: keep.length }, rows: Uint32Array.from(keep, (r) => rows[r]) };
}

/** Row-major `proba` of the scored rows placed at their input rows of an N × C matrix (NaN elsewhere). */
function spreadRows(proba: Float64Array, rows: Uint32Array, n: number, classCount: number): Float64Array {
  if (rows.length === n && rows.every((row, i) => row === i)) return Float64Array.from(proba);
  const out = new Float64Array(n * classCount).fill(NaN);
  rows.forEach((row, i) => out.set(proba.subarray(i * classCount, (i + 1) * classCount), row * classCount));
  return out;
}
