// Agreement metrics over class indices as scikit-learn computes them from the confusion matrix: Matthews
// correlation (binary and multiclass) and Cohen's kappa (unweighted, linear or quadratic weights).
import { countConfusion, type ConfusionMatrix } from './confusion-matrix';
import { EMPTY_INPUT, metricOf, undefinedMetric, type MetricValue } from './metric-value';

function sumRows(matrix: ConfusionMatrix): number[] {
  return matrix.map((row) => row.reduce((a, b) => a + b, 0));
}

function sumColumns(matrix: ConfusionMatrix): number[] {
  return matrix.map((_, c) => matrix.reduce((a, row) => a + row[c], 0));
}

function dot(a: number[], b: number[]): number {
  return a.reduce((s, v, i) => s + v * b[i], 0);
}

/**
 * Matthews correlation coefficient (Gorodkin's multiclass form). Null with a reason when yTrue or yPred holds
 * a single class (0/0; scikit-learn reports 0 there). `classCount` defaults to the largest label + 1.
 */
export function computeMcc(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, classCount = inferClassCount(yTrue, yPred)): MetricValue {
  if (yTrue.length === 0) return undefinedMetric(EMPTY_INPUT);
  const matrix = countConfusion(yTrue, yPred, classCount);
  const tSum = sumRows(matrix);
  const pSum = sumColumns(matrix);
  const correct = matrix.reduce((s, row, c) => s + row[c], 0);
  const n = yTrue.length;
  const covTruePred = correct * n - dot(tSum, pSum);
  const covPredPred = n * n - dot(pSum, pSum);
  const covTrueTrue = n * n - dot(tSum, tSum);
  if (covTrueTrue === 0) return undefinedMetric('only one class is present in yTrue; MCC is undefined (scikit-learn reports 0)');
  if (covPredPred === 0) return undefinedMetric('every prediction is the same class; MCC is undefined (scikit-learn reports 0)');
  return metricOf(covTruePred / Math.sqrt(covTrueTrue * covPredPred));
}

/** Disagreement weights for Cohen's kappa: none (0/1), linear |i − j| or quadratic (i − j)². */
export type KappaWeights = 'none' | 'linear' | 'quadratic';

/**
 * Cohen's kappa between yTrue and yPred, 1 − Σ w·observed / Σ w·expected. Null with a reason when the
 * expected disagreement is 0 (both sides a single, identical class), where scikit-learn gives NaN.
 */
export function computeCohenKappa(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  weights: KappaWeights = 'none',
  classCount = inferClassCount(yTrue, yPred),
): MetricValue {
  if (yTrue.length === 0) return undefinedMetric(EMPTY_INPUT);
  const matrix = countConfusion(yTrue, yPred, classCount);
  const sum0 = sumColumns(matrix);
  const sum1 = sumRows(matrix);
  const total = sum0.reduce((a, b) => a + b, 0);
  const weightOf = (i: number, j: number): number =>
    weights === 'none' ? (i === j ? 0 : 1) : weights === 'linear' ? Math.abs(i - j) : (i - j) ** 2;
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < classCount; i++) {
    for (let j = 0; j < classCount; j++) {
      observed += weightOf(i, j) * matrix[i][j];
      expected += weightOf(i, j) * ((sum0[i] * sum1[j]) / total);
    }
  }
  if (expected === 0) return undefinedMetric('both yTrue and yPred hold one and the same single class; kappa is undefined (0/0)');
  return metricOf(1 - observed / expected);
}

/** Largest label + 1 over both arrays (at least 1). */
export function inferClassCount(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < yTrue.length; i++) max = Math.max(max, yTrue[i], yPred[i] ?? 0);
  return max + 1;
}
