// Leakage-safe training data for one fit: the pipeline is fitted on the training rows only (resampling and
// sample weights included), then the same fitted pipeline transforms the validation rows.

import { deriveInputContract, type InputContract } from '../export/input-contract';
import { ModelSpecError } from '../errors';
import { buildFeatureMatrix, type SkippedColumn } from '../models/feature-matrix';
import type { FamilyNeeds, FeatureMatrix, Target } from '../models/types';
import type { ProblemSpec, SupervisedTask } from '../problem/types';
import type { RowIndices, Table } from '../table/types';
import type { FittedPipeline } from '../transform/fitted-types';
import { fitPipelineWithTraining, transformTable, type FitResult } from '../transform/pipeline';
import type { PipelineStep } from '../transform/step-types';
import { takeRows } from '../transform/take-rows';
import { planAutoPreparation, type AutoPreparation } from './plan-auto-preparation';
import { readTrainingTarget, readValidationTarget } from './read-target';

/** X/y to fit on (after the pipeline, with its sample weights), the validation X/y (null without rows) and the fitted pipeline. */
export interface TrainingData {
  train: { X: FeatureMatrix; y: Target; sampleWeights?: Float64Array };
  validation: { X: FeatureMatrix; y: Target } | null;
  fitted: FittedPipeline;
  skipped: SkippedColumn[];
  /** What automatic preparation added after the user's steps (null when it was off or added nothing). */
  autoPreparation: AutoPreparation | null;
  /** The raw columns the fitted pipeline reads, as the training rows had them: what new data is checked against. */
  contract: InputContract;
}

/** What to prepare for: the user's steps, the problem, and (for automatic preparation) what the family needs. */
export interface PreparationRequest {
  readonly steps: readonly PipelineStep[];
  readonly problem: ProblemSpec;
  /** The family's needs when automatic preparation is on; null leaves the user's pipeline as it is. */
  readonly needs: FamilyNeeds | null;
}

/** The supervised task and target of a problem; clustering and a missing target are ModelSpecErrors. */
export function readSupervisedProblem(problem: ProblemSpec): { task: SupervisedTask; target: string } {
  if (problem.task === 'clustering') throw new ModelSpecError('This needs a target, but the Problem cell above is clustering (no target); choose a target there to train and evaluate supervised models.');
  if (problem.target === null) throw new ModelSpecError('The Problem cell above has no target; choose the column to predict.');
  return { task: problem.task, target: problem.target };
}

/** Fits the steps (and automatic preparation) on `rows.train` of `table` only and builds the matrices every family trains and scores on. */
export function prepareTrainingData(table: Table, rows: { train: RowIndices; validation: RowIndices }, request: PreparationRequest): TrainingData {
  const { task, target } = readSupervisedProblem(request.problem);
  if (rows.train.length === 0) throw new ModelSpecError('The split has no training rows; give the training part a share above 0.');
  const { fitted, training, autoPreparation } = fitWithAutoPreparation(table, rows.train, request.steps, target, request.needs);
  const featureNames = training.table.columns.map((c) => c.name).filter((name) => name !== target);
  if (featureNames.length === 0) throw new ModelSpecError(`There are no feature columns besides the target "${target}"; keep at least one column in the Prepare cell.`);
  const built = buildFeatureMatrix(training.table, featureNames);
  const y = readTrainingTarget(training.table, target, task);
  const train = { X: built.X, y, ...(training.sampleWeights ? { sampleWeights: training.sampleWeights } : {}) };
  const contract = deriveInputContract(table, rows.train, fitted, built.X.featureNames, { name: target, classes: y.classes ?? null });
  if (rows.validation.length === 0) return { train, validation: null, fitted, skipped: built.skipped, autoPreparation, contract };
  const validationTable = transformTable(fitted, takeRows(table, rows.validation)).table;
  const validationX = buildFeatureMatrix(validationTable, [...built.X.featureNames]).X;
  const validation = dropMissingTargets(validationX, readValidationTarget(validationTable, target, task, y));
  return { train, validation, fitted, skipped: built.skipped, autoPreparation, contract };
}

/**
 * The user's steps fitted on the training rows, then the automatic steps `needs` asks for, planned and fitted on
 * the table those steps produced; one fitted pipeline (user steps first) so every later transform applies both.
 */
export function fitWithAutoPreparation(table: Table, trainRows: RowIndices, steps: readonly PipelineStep[], target: string | null, needs: FamilyNeeds | null): FitResult & { autoPreparation: AutoPreparation | null } {
  const user = fitPipelineWithTraining(steps, table, trainRows, { target });
  if (needs === null) return { ...user, autoPreparation: null };
  const plan = planAutoPreparation(user.training.table, target, needs);
  if (plan.steps.length === 0) return { ...user, autoPreparation: null };
  const allRows = Uint32Array.from({ length: user.training.table.rowCount }, (_, i) => i);
  const auto = fitPipelineWithTraining(plan.steps, user.training.table, allRows);
  return {
    fitted: { ...user.fitted, steps: [...user.fitted.steps, ...auto.fitted.steps], outputColumns: auto.fitted.outputColumns },
    training: { ...user.training, table: auto.training.table, report: { ...user.training.report, steps: [...user.training.report.steps, ...auto.training.report.steps] } },
    autoPreparation: plan.summary,
  };
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
