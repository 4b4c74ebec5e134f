// Scores a fitted model on held-out rows with the problem's metrics (core/evaluate), each a value or null
// with the reason; metrics that need probabilities are undefined for a classifier without predictProba.

import * as evaluate from '../evaluate';
import type { MetricValue } from '../evaluate/metric-value';
import type { FeatureMatrix, FittedModel, Target } from '../models/types';
import type { MetricId } from '../problem/metrics';
import type { ProblemSpec } from '../problem/types';
import type { MetricScores } from './types';

/** What a metric reads: true values, predicted values, probabilities (row-major, rows × classes) and the positive class index. */
interface Predictions {
  yTrue: Float64Array;
  yPred: Float64Array;
  proba: Float64Array | null;
  classCount: number;
  positive: number;
}

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
  const predictions: Predictions = {
    yTrue: y.values,
    yPred: model.predict(X),
    proba: classCount > 0 && model.predictProba ? model.predictProba(X) : null,
    classCount,
    positive: findPositiveClass(problem, y.classes),
  };
  const scores: MetricScores = {};
  for (const id of listProblemMetrics(problem)) scores[id] = computeMetric(id, predictions);
  return scores;
}

function positiveColumn(p: Predictions): Float64Array | null {
  if (!p.proba) return null;
  const out = new Float64Array(p.yTrue.length);
  for (let i = 0; i < out.length; i++) out[i] = p.proba[i * p.classCount + p.positive];
  return out;
}

const NO_PROBA = evaluate.undefinedMetric('this model gives no probabilities');

function computeMetric(id: MetricId, p: Predictions): MetricValue {
  switch (id) {
    case 'accuracy': return evaluate.computeAccuracy(p.yTrue, p.yPred);
    case 'balanced-accuracy': return evaluate.computeBalancedAccuracy(p.yTrue, p.yPred);
    case 'f1': case 'precision': case 'recall':
      return evaluate.computePrecisionRecallF1(p.yTrue, p.yPred, 'binary', p.positive)[id];
    case 'macro-f1': return evaluate.computePrecisionRecallF1(p.yTrue, p.yPred, 'macro').f1;
    case 'roc-auc': {
      if (!p.proba) return NO_PROBA;
      return p.classCount > 2 ? evaluate.computeRocAucOneVsRest(p.yTrue, p.proba, p.classCount) : evaluate.computeRocAuc(p.yTrue, positiveColumn(p) as Float64Array, p.positive);
    }
    case 'pr-auc': return p.proba ? evaluate.computeAveragePrecision(p.yTrue, positiveColumn(p) as Float64Array, p.positive) : NO_PROBA;
    case 'log-loss': return p.proba ? evaluate.computeLogLoss(p.yTrue, p.proba, p.classCount) : NO_PROBA;
    case 'rmse': return evaluate.computeRmse(p.yTrue, p.yPred);
    case 'mae': return evaluate.computeMae(p.yTrue, p.yPred);
    case 'r2': return evaluate.computeR2(p.yTrue, p.yPred);
    case 'mape': return evaluate.computeMape(p.yTrue, p.yPred);
    case 'silhouette': case 'davies-bouldin': return evaluate.undefinedMetric('a clustering metric; the Train cell scores supervised models');
  }
}
