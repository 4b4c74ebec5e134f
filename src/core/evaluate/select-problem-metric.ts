// One place that knows, for a problem metric id, which model output it reads (predicted labels or values, the
// positive class's probability, or every class's probabilities) and which metric function scores it. Training
// scores, the Evaluate cell's intervals and slices, and permutation importance all go through it.

import type { MetricId } from '../problem/metrics';
import type { MetricFunction } from './bootstrap-metric';
import * as classification from './classification-metrics';
import { undefinedMetric, type MetricValue } from './metric-value';
import { computeLogLoss } from './probability-metrics';
import * as ranking from './ranking-metrics';
import * as regression from './regression-metrics';

/** What a metric compares with the true values: predictions, the positive-class probability, or row-major rows × classes probabilities. */
export type MetricInput = 'predictions' | 'positive-score' | 'probabilities';

/** A problem metric ready to compute: its input and its function of (yTrue, input). */
export interface ProblemMetric {
  input: MetricInput;
  compute: MetricFunction;
}

/** The metric `id` for `classCount` classes (0 for regression) and positive class index `positive`; null for a clustering metric. */
export function selectProblemMetric(id: MetricId, classCount: number, positive: number): ProblemMetric | null {
  const byPrediction = (compute: MetricFunction): ProblemMetric => ({ input: 'predictions', compute });
  switch (id) {
    case 'accuracy': return byPrediction(classification.computeAccuracy);
    case 'balanced-accuracy': return byPrediction(classification.computeBalancedAccuracy);
    case 'f1': case 'precision': case 'recall':
      return byPrediction((t, p) => classification.computePrecisionRecallF1(t, p, 'binary', positive)[id]);
    case 'macro-f1': return byPrediction((t, p) => classification.computePrecisionRecallF1(t, p, 'macro').f1);
    case 'roc-auc':
      return classCount > 2
        ? { input: 'probabilities', compute: (t, p) => ranking.computeRocAucOneVsRest(t, p, classCount) }
        : { input: 'positive-score', compute: (t, s) => ranking.computeRocAuc(t, s, positive) };
    case 'pr-auc': return { input: 'positive-score', compute: (t, s) => ranking.computeAveragePrecision(t, s, positive) };
    case 'log-loss': return { input: 'probabilities', compute: (t, p) => computeLogLoss(t, p, classCount) };
    case 'rmse': return byPrediction(regression.computeRmse);
    case 'mae': return byPrediction(regression.computeMae);
    case 'r2': return byPrediction(regression.computeR2);
    case 'mape': return byPrediction(regression.computeMape);
    case 'silhouette': case 'davies-bouldin': return null;
  }
}

/** Column `positive` of row-major rows × `classCount` probabilities. */
export function readProbabilityColumn(proba: Float64Array, classCount: number, positive: number): Float64Array {
  const out = new Float64Array(proba.length / classCount);
  for (let i = 0; i < out.length; i++) out[i] = proba[i * classCount + positive];
  return out;
}

/** Model outputs on held-out rows: predictions always, probabilities (rows × classCount) when the model gives them. */
export interface HeldOutOutputs {
  yTrue: Float64Array;
  yPred: Float64Array;
  proba: Float64Array | null;
  classCount: number;
  positive: number;
}

/** The array `metric` compares with yTrue, or null when it needs probabilities the model does not give. */
export function readMetricInput(metric: ProblemMetric, outputs: HeldOutOutputs): Float64Array | null {
  if (metric.input === 'predictions') return outputs.yPred;
  if (!outputs.proba) return null;
  return metric.input === 'probabilities' ? outputs.proba : readProbabilityColumn(outputs.proba, outputs.classCount, outputs.positive);
}

/** Metric `id` on held-out outputs; undefined with its reason when the model gives no probabilities or the metric is for clustering. */
export function computeProblemMetric(id: MetricId, outputs: HeldOutOutputs): MetricValue {
  const metric = selectProblemMetric(id, outputs.classCount, outputs.positive);
  if (!metric) return undefinedMetric('a clustering metric; supervised models are not scored with it');
  const input = readMetricInput(metric, outputs);
  return input ? metric.compute(outputs.yTrue, input) : undefinedMetric('this model gives no probabilities');
}
