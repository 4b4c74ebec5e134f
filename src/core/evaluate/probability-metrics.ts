// Probability metrics as scikit-learn computes them: log loss (clipped to [ε, 1 − ε] with float64 ε, rows
// renormalised) and the binary Brier score.

import { assertSameLength, EMPTY_INPUT, metricOf, undefinedMetric, type MetricValue } from './metric-value';

const EPSILON = Number.EPSILON;

/** Mean negative log-likelihood of the true class; `proba` is row-major rows × classCount. */
export function computeLogLoss(yTrue: Float64Array, proba: Float64Array, classCount: number): MetricValue {
  assertSameLength(yTrue, proba, 'proba', classCount);
  if (yTrue.length === 0) return undefinedMetric(EMPTY_INPUT);
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    let rowSum = 0;
    for (let c = 0; c < classCount; c++) rowSum += Math.min(Math.max(proba[i * classCount + c], EPSILON), 1 - EPSILON);
    const p = Math.min(Math.max(proba[i * classCount + yTrue[i]], EPSILON), 1 - EPSILON) / rowSum;
    total -= Math.log(p);
  }
  return metricOf(total / yTrue.length);
}

/** Mean squared difference between the positive-class probability and yTrue === positiveClass (0/1). */
export function computeBrierScore(yTrue: Float64Array, positiveProba: ArrayLike<number>, positiveClass = 1): MetricValue {
  assertSameLength(yTrue, positiveProba, 'positiveProba');
  if (yTrue.length === 0) return undefinedMetric(EMPTY_INPUT);
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const d = (yTrue[i] === positiveClass ? 1 : 0) - positiveProba[i];
    total += d * d;
  }
  return metricOf(total / yTrue.length);
}
