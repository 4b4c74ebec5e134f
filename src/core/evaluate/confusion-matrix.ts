// Confusion matrices over class indices (0 … k−1), as scikit-learn's confusion_matrix: rows are true classes,
// columns predicted; optionally normalised over true rows, predicted columns or all cells (0/0 → 0, like sklearn).
import { assertSameLength } from './metric-value';
import { DataError } from '../errors';

/** How to normalise: 'true' (rows sum to 1), 'pred' (columns sum to 1), 'all' (cells sum to 1). */
export type ConfusionNormalization = 'true' | 'pred' | 'all';

/** A k × k matrix as nested rows (true class) of columns (predicted class). */
export type ConfusionMatrix = number[][];

/** Counts of (true, predicted) pairs; every label must be an integer in [0, classCount). */
export function countConfusion(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, classCount: number): ConfusionMatrix {
  assertSameLength(yTrue, yPred, 'yPred');
  const matrix = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i];
    const p = yPred[i];
    if (!isClassIndex(t, classCount) || !isClassIndex(p, classCount)) {
      const bad = isClassIndex(t, classCount) ? `yPred[${i}] = ${p}` : `yTrue[${i}] = ${t}`;
      throw new DataError(`${bad} is not a class index in 0…${classCount - 1}; encode labels as class indices first.`);
    }
    matrix[t][p]++;
  }
  return matrix;
}

function isClassIndex(value: number, classCount: number): boolean {
  return Number.isInteger(value) && value >= 0 && value < classCount;
}

/** The confusion matrix of counts, or normalised like sklearn's `normalize` (an all-zero row/column stays 0). */
export function computeConfusionMatrix(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  classCount: number,
  normalize?: ConfusionNormalization,
): ConfusionMatrix {
  const counts = countConfusion(yTrue, yPred, classCount);
  if (normalize === undefined) return counts;
  const rowSums = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnSums = counts[0]?.map((_, c) => counts.reduce((a, row) => a + row[c], 0)) ?? [];
  const total = rowSums.reduce((a, b) => a + b, 0);
  const divide = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  return counts.map((row, t) =>
    row.map((count, p) => divide(count, normalize === 'true' ? rowSums[t] : normalize === 'pred' ? columnSums[p] : total)),
  );
}
