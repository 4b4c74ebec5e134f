// Leakage-safe data for a clustering fit: the pipeline is fitted on the training rows only and transforms the
// validation rows; only numeric and boolean columns become features (category codes are no distances).

import { deriveInputContract, type InputContract } from '../export/input-contract';
import { ModelSpecError } from '../errors';
import { buildFeatureMatrix, type SkippedColumn } from '../models/feature-matrix';
import type { FeatureMatrix } from '../models/types';
import type { ProblemSpec } from '../problem/types';
import type { RowIndices, Table } from '../table/types';
import type { FittedPipeline } from '../transform/fitted-types';
import { transformTable } from '../transform/pipeline';
import { takeRows } from '../transform/take-rows';
import type { AutoPreparation } from './plan-auto-preparation';
import { fitWithAutoPreparation, type PreparationRequest } from './prepare-training-data';

/** Features to fit on, the validation features (rows with a missing value left out; null without rows) and the fitted pipeline. */
export interface UnsupervisedData {
  train: FeatureMatrix;
  validation: FeatureMatrix | null;
  fitted: FittedPipeline;
  skipped: SkippedColumn[];
  autoPreparation: AutoPreparation | null;
  /** The raw columns the fitted pipeline reads, as the training rows had them. */
  contract: InputContract;
}

/** Refuses a problem that is not clustering (the supervised path is prepareTrainingData). */
export function assertClusteringProblem(problem: ProblemSpec): void {
  if (problem.task !== 'clustering') throw new ModelSpecError(`This path fits clustering models; the Problem cell says ${problem.task}.`);
}

/** Fits `steps` on `rows.train` only and builds the feature matrices a clustering family fits and is scored on. */
export function prepareUnsupervisedData(table: Table, rows: { train: RowIndices; validation: RowIndices }, request: PreparationRequest): UnsupervisedData {
  const { problem } = request;
  assertClusteringProblem(problem);
  if (rows.train.length === 0) throw new ModelSpecError('The split has no training rows; give the training part a share above 0.');
  const { fitted, training, autoPreparation } = fitWithAutoPreparation(table, rows.train, request.steps, problem.target, request.needs);
  const categorical = training.table.columns.filter((c) => c.kind === 'categorical').map((c) => ({ column: c.name, reason: 'category codes are no distances; one-hot encode it in the Prepare cell' }));
  const names = training.table.columns.filter((c) => c.kind !== 'categorical' && c.name !== problem.target).map((c) => c.name);
  const built = buildFeatureMatrix(training.table, names);
  if (built.X.cols === 0) throw new ModelSpecError('There is no numeric column to cluster on; keep or encode at least one column in the Prepare cell.');
  const skipped = [...categorical, ...built.skipped];
  const contract = deriveInputContract(table, rows.train, fitted, built.X.featureNames, null);
  if (rows.validation.length === 0) return { train: built.X, validation: null, fitted, skipped, autoPreparation, contract };
  const validationTable = transformTable(fitted, takeRows(table, rows.validation)).table;
  const validation = dropIncompleteRows(buildFeatureMatrix(validationTable, [...built.X.featureNames]).X);
  return { train: built.X, validation, fitted, skipped, autoPreparation, contract };
}

/** X without the rows that miss a value (they have no distance); null when no row is left. */
export function dropIncompleteRows(X: FeatureMatrix): FeatureMatrix | null {
  const keep: number[] = [];
  for (let r = 0; r < X.rows; r++) if (!X.values.subarray(r * X.cols, (r + 1) * X.cols).some(Number.isNaN)) keep.push(r);
  if (keep.length === X.rows) return X;
  if (keep.length === 0) return null;
  const values = new Float64Array(keep.length * X.cols);
  keep.forEach((row, i) => values.set(X.values.subarray(row * X.cols, (row + 1) * X.cols), i * X.cols));
  return { ...X, values, rows: keep.length };
}
