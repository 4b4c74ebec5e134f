// A registry metric (core/problem/metrics) bound to a problem's classes: which model output it reads (predicted
// labels or values, the positive class's probability, or every class's probabilities) and the function that
// scores it. Training scores, Evaluate's table, intervals and slices, and permutation importance all go through it.

import { METRICS, type MetricId, type MetricInput } from '../problem/metrics';
import type { MetricFunction } from './bootstrap-metric';
import { undefinedMetric, type MetricValue } from './metric-value';

/** A problem metric ready to compute: its input and its function of (yTrue, input). */
export interface ProblemMetric {
  input: MetricInput;
  compute: MetricFunction;
}

/** The metric `id` of the registry for `classCount` classes (0 for regression) and positive class index `positive`; null for a clustering metric. */
export function selectProblemMetric(id: MetricId, classCount: number, positive: number): ProblemMetric | null {
  const { input, compute } = METRICS[id];
  if (!input || !compute) return null;
  return { input: input(classCount), compute: (yTrue, x) => compute(yTrue, x, { classCount, positive }) };
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
