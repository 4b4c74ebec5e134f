// The numbers of scikit-learn's classification_report: per-class precision, recall, F1 and support, plus
// accuracy and the macro / weighted averages. A 0/0 ratio counts as 0, as sklearn's zero_division=0 does,
// and the report says which classes that happened to.
import { countConfusion } from './confusion-matrix';
import { EMPTY_INPUT } from './metric-value';

/** One class's row; support is the number of rows whose true class it is. */
export interface ClassReport {
  classIndex: number;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Averages over classes: 'macro' unweighted, 'weighted' by support. */
export interface AveragedReport {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** The whole report; `notes` names every ratio that was 0/0 and so reported as 0. */
export interface ClassificationReport {
  classes: ClassReport[];
  accuracy: number | null;
  macro: AveragedReport;
  weighted: AveragedReport;
  notes: string[];
}

const divide = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** Builds the report over classes 0 … classCount − 1 (every class gets a row, present or not). */
export function reportClassification(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, classCount: number): ClassificationReport {
  const matrix = countConfusion(yTrue, yPred, classCount);
  const notes: string[] = yTrue.length === 0 ? [EMPTY_INPUT] : [];
  const classes = matrix.map((row, c): ClassReport => {
    const support = row.reduce((a, b) => a + b, 0);
    const predicted = matrix.reduce((a, r) => a + r[c], 0);
    const tp = row[c];
    if (predicted === 0) notes.push(`class ${c} was never predicted; its precision is reported as 0`);
    if (support === 0) notes.push(`class ${c} has no true rows; its recall is reported as 0`);
    const precision = divide(tp, predicted);
    const recall = divide(tp, support);
    return { classIndex: c, precision, recall, f1: divide(2 * precision * recall, precision + recall), support };
  });
  const total = classes.reduce((a, c) => a + c.support, 0);
  const average = (weightOf: (c: ClassReport) => number): AveragedReport => {
    const weightSum = classes.reduce((a, c) => a + weightOf(c), 0);
    const mean = (key: 'precision' | 'recall' | 'f1'): number => divide(classes.reduce((a, c) => a + weightOf(c) * c[key], 0), weightSum);
    return { precision: mean('precision'), recall: mean('recall'), f1: mean('f1'), support: total };
  };
  const correct = matrix.reduce((a, row, c) => a + row[c], 0);
  return {
    classes,
    accuracy: total === 0 ? null : correct / total,
    macro: average(() => 1),
    weighted: average((c) => c.support),
    notes,
  };
}
