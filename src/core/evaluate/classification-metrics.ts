// Label metrics over class indices (0 … k−1) as scikit-learn computes them: accuracy, balanced accuracy,
// precision / recall / F1 with binary, macro and weighted averages (zero division → 0, like sklearn's default).

import { assertSameLength, EMPTY_INPUT, metricOf, undefinedMetric, type MetricValue } from './metric-value';

export type Average = 'binary' | 'macro' | 'weighted';

/** Per-class true positives, predicted counts and true counts over every label seen in yTrue or yPred. */
export interface ClassCounts {
  labels: number[];
  truePositive: Float64Array;
  predicted: Float64Array;
  support: Float64Array;
}

function countClasses(yTrue: Float64Array, yPred: Float64Array): ClassCounts {
  let maxLabel = 0;
  for (let i = 0; i < yTrue.length; i++) maxLabel = Math.max(maxLabel, yTrue[i], yPred[i]);
  const size = maxLabel + 1;
  const truePositive = new Float64Array(size);
  const predicted = new Float64Array(size);
  const support = new Float64Array(size);
  for (let i = 0; i < yTrue.length; i++) {
    support[yTrue[i]]++;
    predicted[yPred[i]]++;
    if (yTrue[i] === yPred[i]) truePositive[yTrue[i]]++;
  }
  const labels: number[] = [];
  for (let c = 0; c < size; c++) if (support[c] > 0 || predicted[c] > 0) labels.push(c);
  return { labels, truePositive, predicted, support };
}

/** Share of rows whose predicted class equals the true class. */
export function computeAccuracy(yTrue: Float64Array, yPred: Float64Array): MetricValue {
  assertSameLength(yTrue, yPred, 'yPred');
  if (yTrue.length === 0) return undefinedMetric(EMPTY_INPUT);
  let hits = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hits++;
  return metricOf(hits / yTrue.length);
}

/** Mean recall over the classes present in yTrue. */
export function computeBalancedAccuracy(yTrue: Float64Array, yPred: Float64Array): MetricValue {
  assertSameLength(yTrue, yPred, 'yPred');
  if (yTrue.length === 0) return undefinedMetric(EMPTY_INPUT);
  const { labels, truePositive, support } = countClasses(yTrue, yPred);
  let sum = 0;
  let present = 0;
  for (const c of labels) {
    if (support[c] === 0) continue;
    sum += truePositive[c] / support[c];
    present++;
  }
  return metricOf(sum / present);
}

export interface PrecisionRecallF1 {
  precision: MetricValue;
  recall: MetricValue;
  f1: MetricValue;
}

const safeDivide = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/**
 * Precision, recall and F1. 'binary' scores class `positiveClass` (default 1); 'macro' averages over labels in
 * yTrue ∪ yPred; 'weighted' weights them by true support. An empty denominator counts as 0, as in sklearn.
 */
export function computePrecisionRecallF1(yTrue: Float64Array, yPred: Float64Array, average: Average, positiveClass = 1): PrecisionRecallF1 {
  assertSameLength(yTrue, yPred, 'yPred');
  if (yTrue.length === 0) return { precision: undefinedMetric(EMPTY_INPUT), recall: undefinedMetric(EMPTY_INPUT), f1: undefinedMetric(EMPTY_INPUT) };
  return scorePrecisionRecallF1(countClasses(yTrue, yPred), average, positiveClass);
}

/** The counts of a k × k confusion matrix (row = true class, column = predicted), as countClasses makes them. */
export function countConfusionClasses(confusion: Float64Array, k: number): ClassCounts {
  const truePositive = new Float64Array(k);
  const predicted = new Float64Array(k);
  const support = new Float64Array(k);
  for (let t = 0; t < k; t++) {
    for (let p = 0; p < k; p++) {
      support[t] += confusion[t * k + p];
      predicted[p] += confusion[t * k + p];
    }
    truePositive[t] = confusion[t * k + t];
  }
  const labels: number[] = [];
  for (let c = 0; c < k; c++) if (support[c] > 0 || predicted[c] > 0) labels.push(c);
  return { labels, truePositive, predicted, support };
}

/** Precision, recall and F1 from class counts (computePrecisionRecallF1's rule; a streamed scorer counts a confusion matrix). */
export function scorePrecisionRecallF1(counts: ClassCounts, average: Average, positiveClass = 1): PrecisionRecallF1 {
  const scoreClass = (c: number): [number, number, number] => {
    const tp = counts.truePositive[c] ?? 0;
    const p = safeDivide(tp, counts.predicted[c] ?? 0);
    const r = safeDivide(tp, counts.support[c] ?? 0);
    return [p, r, safeDivide(2 * p * r, p + r)];
  };
  if (average === 'binary') {
    const [p, r, f] = scoreClass(positiveClass);
    return { precision: metricOf(p), recall: metricOf(r), f1: metricOf(f) };
  }
  const totals = [0, 0, 0];
  let weightSum = 0;
  for (const c of counts.labels) {
    const weight = average === 'macro' ? 1 : counts.support[c];
    scoreClass(c).forEach((v, m) => (totals[m] += weight * v));
    weightSum += weight;
  }
  const [p, r, f] = totals.map((t) => safeDivide(t, weightSum));
  return { precision: metricOf(p), recall: metricOf(r), f1: metricOf(f) };
}
