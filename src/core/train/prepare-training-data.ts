// Leakage-safe training data for one fit: the pipeline is fitted on the training rows only (resampling and
// sample weights included), then the same fitted pipeline transforms the validation rows.

import { ModelSpecError } from '../errors';
import { buildFeatureMatrix, type SkippedColumn } from '../models/feature-matrix';
import type { FeatureMatrix, Target } from '../models/types';
import type { ProblemSpec, SupervisedTask } from '../problem/types';
import type { RowIndices, Table } from '../table/types';
import type { FittedPipeline } from '../transform/fitted-types';
import { fitPipelineWithTraining, transformTable } from '../transform/pipeline';
import type { PipelineStep } from '../transform/step-types';
import { takeRows } from '../transform/take-rows';
import { readTrainingTarget, readValidationTarget } from './read-target';

/** X/y to fit on (after the pipeline, with its sample weights), the validation X/y (null without rows) and the fitted pipeline. */
export interface TrainingData {
  train: { X: FeatureMatrix; y: Target; sampleWeights?: Float64Array };
  validation: { X: FeatureMatrix; y: Target } | null;
  fitted: FittedPipeline;
  skipped: SkippedColumn[];
}

/** The supervised task and target of a problem; clustering and a missing target are ModelSpecErrors. */
export function readSupervisedProblem(problem: ProblemSpec): { task: SupervisedTask; target: string } {
  if (problem.task === 'clustering') throw new ModelSpecError('This needs a target, but the Problem cell above is clustering (no target); choose a target there to train and evaluate supervised models.');
  if (problem.target === null) throw new ModelSpecError('The Problem cell above has no target; choose the column to predict.');
  return { task: problem.task, target: problem.target };
}

/** Fits `steps` on `rows.train` of `table` only and builds the matrices every family trains and scores on. */
export function prepareTrainingData(table: Table, rows: { train: RowIndices; validation: RowIndices }, steps: readonly PipelineStep[], problem: ProblemSpec): TrainingData {
  const { task, target } = readSupervisedProblem(problem);
  if (rows.train.length === 0) throw new ModelSpecError('The split has no training rows; give the training part a share above 0.');
  const { fitted, training } = fitPipelineWithTraining(steps, table, rows.train, { target });
  const featureNames = training.table.columns.map((c) => c.name).filter((name) => name !== target);
  if (featureNames.length === 0) throw new ModelSpecError(`There are no feature columns besides the target "${target}"; keep at least one column in the Prepare cell.`);
  const built = buildFeatureMatrix(training.table, featureNames);
  const y = readTrainingTarget(training.table, target, task);
  const train = { X: built.X, y, ...(training.sampleWeights ? { sampleWeights: training.sampleWeights } : {}) };
  if (rows.validation.length === 0) return { train, validation: null, fitted, skipped: built.skipped };
  const validationTable = transformTable(fitted, takeRows(table, rows.validation)).table;
  const validationX = buildFeatureMatrix(validationTable, [...built.X.featureNames]).X;
  const validation = dropMissingTargets(validationX, readValidationTarget(validationTable, target, task, y));
  return { train, validation, fitted, skipped: built.skipped };
}

/** Validation rows without a target cannot be scored: they are left out (null when none is left). */
export function dropMissingTargets(X: FeatureMatrix, y: Target): { X: FeatureMatrix; y: Target } | null {
  const keep: number[] = [];
  y.values.forEach((v, i) => { if (!Number.isNaN(v)) keep.push(i); });
  if (keep.length === y.values.length) return { X, y };
  if (keep.length === 0) return null;
  const values = new Float64Array(keep.length * X.cols);
  keep.forEach((row, i) => values.set(X.values.subarray(row * X.cols, (row + 1) * X.cols), i * X.cols));
  return { X: { ...X, values, rows: keep.length }, y: { ...y, values: Float64Array.from(keep, (row) => y.values[row]) } };
}
