// Regression metrics as scikit-learn computes them: MAE, MSE, RMSE, R², explained variance (a constant yTrue
// gives 1 when predicted exactly, else 0, like sklearn's force_finite), median absolute error and MAPE.

import { assertSameLength, EMPTY_INPUT, metricOf, undefinedMetric, type MetricValue } from './metric-value';

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** Applies `score` to each residual-derived value after the shared length and empty checks. */
function scoreRows(yTrue: Float64Array, yPred: Float64Array, score: () => number): MetricValue {
  assertSameLength(yTrue, yPred, 'yPred');
  return yTrue.length === 0 ? undefinedMetric(EMPTY_INPUT) : metricOf(score());
}

/** Mean absolute error, in the target's units. */
export function computeMae(yTrue: Float64Array, yPred: Float64Array): MetricValue {
  return scoreRows(yTrue, yPred, () => mean(yTrue.map((t, i) => Math.abs(t - yPred[i]))));
}

/** Mean squared error, in squared target units. */
export function computeMse(yTrue: Float64Array, yPred: Float64Array): MetricValue {
  return scoreRows(yTrue, yPred, () => mean(yTrue.map((t, i) => (t - yPred[i]) ** 2)));
}

/** Root mean squared error, in the target's units. */
export function computeRmse(yTrue: Float64Array, yPred: Float64Array): MetricValue {
  return scoreRows(yTrue, yPred, () => Math.sqrt(mean(yTrue.map((t, i) => (t - yPred[i]) ** 2))));
}

/** 1 − numerator / Σ(y − ȳ)², with sklearn's finite convention when yTrue is constant. */
function scoreAgainstVariance(yTrue: Float64Array, numerator: number): number {
  const m = mean(yTrue);
  let denominator = 0;
  for (let i = 0; i < yTrue.length; i++) denominator += (yTrue[i] - m) ** 2;
  if (denominator === 0) return numerator === 0 ? 1 : 0;
  return 1 - numerator / denominator;
}

/** Coefficient of determination R². */
export function computeR2(yTrue: Float64Array, yPred: Float64Array): MetricValue {
  return scoreRows(yTrue, yPred, () => {
    let residual = 0;
    for (let i = 0; i < yTrue.length; i++) residual += (yTrue[i] - yPred[i]) ** 2;
    return scoreAgainstVariance(yTrue, residual);
  });
}

/** Explained variance 1 − Var(y − ŷ) / Var(y). */
export function computeExplainedVariance(yTrue: Float64Array, yPred: Float64Array): MetricValue {
  return scoreRows(yTrue, yPred, () => {
    const residuals = yTrue.map((t, i) => t - yPred[i]);
    const m = mean(residuals);
    let spread = 0;
    for (let i = 0; i < residuals.length; i++) spread += (residuals[i] - m) ** 2;
    return scoreAgainstVariance(yTrue, spread);
  });
}

/** Median of |y − ŷ| (mean of the two middle values for an even count). */
export function computeMedianAbsoluteError(yTrue: Float64Array, yPred: Float64Array): MetricValue {
  return scoreRows(yTrue, yPred, () => {
    const errors = yTrue.map((t, i) => Math.abs(t - yPred[i])).sort();
    const mid = errors.length >> 1;
    return errors.length % 2 === 1 ? errors[mid] : (errors[mid - 1] + errors[mid]) / 2;
  });
}

/** Mean absolute percentage error as a fraction (not ×100); |y| below float64 ε is treated as ε, like sklearn. */
export function computeMape(yTrue: Float64Array, yPred: Float64Array): MetricValue {
  return scoreRows(yTrue, yPred, () => mean(yTrue.map((t, i) => Math.abs(t - yPred[i]) / Math.max(Math.abs(t), Number.EPSILON))));
}
