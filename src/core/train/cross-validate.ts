// Cross-validation of one candidate: every fold refits the whole pipeline on its own training rows only
// (no statistic of a fold's scored rows reaches its fit), then the fold scores are summarised as mean ± std; on
// request each fold's validation-row predictions come back too (the ensemble's out-of-fold predictions).

import { isAbortError } from '../errors';
import { predictOutputs } from '../models/predict-outputs';
import type { ModelOutputs, Target } from '../models/types';
import type { ProblemSpec } from '../problem/types';
import type { Fold } from '../split/split-spec';
import type { RowIndices, Table } from '../table/types';
import type { FittedPipeline } from '../transform/fitted-types';
import { transformTable } from '../transform/pipeline';
import { takeRows } from '../transform/take-rows';
import { describePreparation, fitPrepared } from './fit-prepared';
import { prepareTrainingData, readSupervisedProblem } from './prepare-training-data';
import { readValidationTarget } from './read-target';
import { listProblemMetrics, scoreOutputs } from './score-model';
import { summarizeFolds } from './summarize-folds';

export { summarizeFolds };
import type { CvSummary, FoldPredictions, MetricScores, TrainContext, TrainRequest } from './types';

/** Fits `request` on `fold.train` (pipeline included) and scores it on `fold.validation`; null when a stop came before the fold was scored. */
export async function scoreFold(table: Table, fold: Fold, foldIndex: number, request: TrainRequest, ctx: TrainContext = {}): Promise<MetricScores | null> {
  return (await scoreFoldKeeping(table, fold, foldIndex, { ...request, keepFoldPredictions: false }, ctx))?.scores ?? null;
}

/** A fold's scores and, when the request keeps them, its predictions on the validation rows it scored. */
export interface ScoredFold {
  scores: MetricScores;
  predictions: FoldPredictions | null;
}

/** scoreFold, also returning the fold's predictions when `request.keepFoldPredictions` (one prediction pass serves both). */
export async function scoreFoldKeeping(table: Table, fold: Fold, foldIndex: number, request: TrainRequest, ctx: TrainContext = {}): Promise<ScoredFold | null> {
  const data = prepareTrainingData(table, fold, describePreparation(request));
  if (!data.validation) return { scores: {}, predictions: null };
  const { model } = await fitPrepared(data, request, ctx, foldIndex);
  const { X, y } = data.validation;
  let outputs: ModelOutputs;
  try {
    outputs = await predictOutputs(model, X, (y.classes?.length ?? 0) > 0, { signal: ctx.signal, shouldStop: ctx.shouldStop });
  } catch (error) {
    if (isAbortError(error) && ctx.signal?.aborted !== true) return null;
    throw error;
  }
  const scores = scoreOutputs(outputs, y, request.problem);
  if (!request.keepFoldPredictions) return { scores, predictions: null };
  return {
    scores,
    predictions: {
      fold: foldIndex, rows: listScoredRows(table, fold.validation, data.fitted, data.train.y, request.problem), yTrue: Float64Array.from(y.values),
      predictions: Float64Array.from(outputs.predictions), proba: outputs.proba ? Float64Array.from(outputs.proba) : null, classes: y.classes ? [...y.classes] : null,
    },
  };
}

/** The dataset rows of the validation matrix prepareTrainingData built: the rows the pipeline kept that have a target, in order. */
function listScoredRows(table: Table, validation: RowIndices, fitted: FittedPipeline, training: Target, problem: ProblemSpec): Uint32Array {
  const { task, target } = readSupervisedProblem(problem);
  const transformed = transformTable(fitted, takeRows(table, validation));
  const y = readValidationTarget(transformed.table, target, task, training);
  return Uint32Array.from(transformed.rows, (r) => validation[r]).filter((_, i) => !Number.isNaN(y.values[i]));
}

/** Scores every fold in turn (stopping early on a stop request) and summarises them. */
export async function crossValidate(table: Table, folds: readonly Fold[], request: TrainRequest, ctx: TrainContext = {}): Promise<CvSummary> {
  return (await crossValidateKeeping(table, folds, { ...request, keepFoldPredictions: false }, ctx)).cv;
}

/** crossValidate, also returning each fold's predictions when `request.keepFoldPredictions` (null for a fold not scored). */
export async function crossValidateKeeping(table: Table, folds: readonly Fold[], request: TrainRequest, ctx: TrainContext = {}): Promise<{ cv: CvSummary; predictions: (FoldPredictions | null)[] }> {
  const scores: MetricScores[] = [];
  const predictions: (FoldPredictions | null)[] = folds.map(() => null);
  for (let f = 0; f < folds.length; f++) {
    if (ctx.shouldStop?.()) break;
    const fold = await scoreFoldKeeping(table, folds[f], f, request, ctx);
    if (fold === null) break;
    scores.push(fold.scores);
    predictions[f] = fold.predictions;
  }
  return { cv: summarizeFolds(scores, folds.length, listProblemMetrics(request.problem)), predictions };
}
