// Scores a fitted model on held-out rows with the problem's metrics (core/evaluate), each a value or null
// with the reason; metrics that need probabilities are undefined for a classifier without predictProba.
// scoreModelUnlessStopped is the training path: a kNN's long prediction there can be stopped between blocks.

import { isAbortError } from '../errors';
import { computeProblemMetric, type HeldOutOutputs } from '../evaluate/select-problem-metric';
import { predictOutputs } from '../models/predict-outputs';
import type { FeatureMatrix, FittedModel, ModelOutputs, PredictOptions, Target } from '../models/types';
import type { MetricId } from '../problem/metrics';
import type { ProblemSpec } from '../problem/types';
import type { MetricScores } from './types';

/** The problem's primary metric first, then its secondary metrics, without repeats. */
export function listProblemMetrics(problem: ProblemSpec): MetricId[] {
  return [...new Set([problem.primaryMetric, ...problem.secondaryMetrics])];
}

/** Index of the problem's positive class among `classes` (binary); 1 when unset or not found. */
export function findPositiveClass(problem: ProblemSpec, classes: readonly string[] | undefined): number {
  const index = problem.positiveClass !== undefined && classes ? classes.indexOf(problem.positiveClass) : -1;
  return index >= 0 ? index : 1;
}

/** Scores `model` on (X, y) with every metric of `problem`. */
export function scoreModel(model: FittedModel, X: FeatureMatrix, y: Target, problem: ProblemSpec): MetricScores {
  const withProba = (y.classes?.length ?? 0) > 0;
  return scoreOutputs({ predictions: model.predict(X), proba: withProba && model.predictProba ? model.predictProba(X) : null }, y, problem);
}

/**
 * scoreModel through one stoppable prediction pass (predictOutputs): null when `options.shouldStop` ended a
 * kNN's prediction between its blocks; rejects with an AbortError when the signal aborted.
 */
export async function scoreModelUnlessStopped(model: FittedModel, X: FeatureMatrix, y: Target, problem: ProblemSpec, options: PredictOptions = {}): Promise<MetricScores | null> {
  try {
    return scoreOutputs(await predictOutputs(model, X, (y.classes?.length ?? 0) > 0, options), y, problem);
  } catch (error) {
    if (isAbortError(error) && options.signal?.aborted !== true) return null;
    throw error;
  }
}

/** Every metric of `problem` on one pass of a model's outputs against `y` (its classes say which class is positive). */
export function scoreOutputs({ predictions, proba }: ModelOutputs, y: Target, problem: ProblemSpec): MetricScores {
  const outputs: HeldOutOutputs = { yTrue: y.values, yPred: predictions, proba, classCount: y.classes?.length ?? 0, positive: findPositiveClass(problem, y.classes) };
  const scores: MetricScores = {};
  for (const id of listProblemMetrics(problem)) scores[id] = computeProblemMetric(id, outputs);
  return scores;
}
