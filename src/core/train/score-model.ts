// Scores a fitted model on held-out rows with the problem's metrics (core/evaluate), each a value or null
// with the reason; metrics that need probabilities are undefined for a classifier without predictProba.

import { computeProblemMetric, type HeldOutOutputs } from '../evaluate/select-problem-metric';
import type { FeatureMatrix, FittedModel, Target } from '../models/types';
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
  const classCount = y.classes?.length ?? 0;
  const outputs: HeldOutOutputs = {
    yTrue: y.values,
    yPred: model.predict(X),
    proba: classCount > 0 && model.predictProba ? model.predictProba(X) : null,
    classCount,
    positive: findPositiveClass(problem, y.classes),
  };
  const scores: MetricScores = {};
  for (const id of listProblemMetrics(problem)) scores[id] = computeProblemMetric(id, outputs);
  return scores;
}
