// Error analysis: the k worst-predicted rows. Regression: largest |actual − predicted|. Classification with
// probabilities: lowest probability given to the true class. Rows are positions in yTrue; the UI joins them
// to the feature values of the evaluated table (readCellText on the row).
import { DataError } from '../errors';
import { assertSameLength } from './metric-value';

/** One bad prediction: `row` indexes yTrue; `error` is |residual|, or 1 − probability of the true class. */
export interface WorstPrediction {
  row: number;
  actual: number;
  /** The prediction (regression), or the most probable class (classification). */
  predicted: number;
  /** Probability of the true class; null for regression. */
  trueClassProbability: number | null;
  error: number;
}

/**
 * The k rows with the largest error, worst first (ties by row). With `classCount` given, `prediction` is
 * row-major probabilities (rows × classCount); otherwise it holds one predicted value per row. Rows whose
 * actual or prediction is missing (NaN) are skipped.
 */
export function findWorstPredictions(yTrue: Float64Array, prediction: Float64Array, k: number, classCount?: number): WorstPrediction[] {
  const width = classCount ?? 1;
  assertSameLength(yTrue, prediction, 'prediction', width);
  if (!(k >= 0)) throw new DataError(`k = ${k}; ask for a count of rows of at least 0.`);
  const found: WorstPrediction[] = [];
  for (let row = 0; row < yTrue.length; row++) {
    const actual = yTrue[row];
    if (classCount === undefined) {
      const predicted = prediction[row];
      if (Number.isNaN(actual) || Number.isNaN(predicted)) continue;
      found.push({ row, actual, predicted, trueClassProbability: null, error: Math.abs(actual - predicted) });
      continue;
    }
    if (!(Number.isInteger(actual) && actual >= 0 && actual < classCount)) continue;
    let predicted = 0;
    for (let c = 1; c < classCount; c++) if (prediction[row * width + c] > prediction[row * width + predicted]) predicted = c;
    const probability = prediction[row * width + actual];
    if (Number.isNaN(probability)) continue;
    found.push({ row, actual, predicted, trueClassProbability: probability, error: 1 - probability });
  }
  return found.sort((a, b) => b.error - a.error || a.row - b.row).slice(0, k);
}
