// MCC, Cohen's kappa, confusion matrices and classification reports against scikit-learn 1.2 on
// fixtures/evaluate.json (scripts/reference/evaluate_reference.py), to 1e-9; sklearn's 0 / NaN cases as null.
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/evaluate.json';
import { computeCohenKappa, computeConfusionMatrix, computeMcc, reportClassification, type KappaWeights } from './index';

const close = (a: number | null, b: number | null): boolean => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9);
const closeAll = (a: number[], b: number[]): boolean => a.length === b.length && a.every((v, i) => close(v, b[i]));

describe('agreement metrics match scikit-learn', () => {
  it('MCC and kappa on every defined case', () => {
    const defined = fixture.labels.filter((c) => !['constant-prediction', 'one-class-true', 'both-same-single-class'].includes(c.name));
    const mismatches = defined.flatMap((c) => {
      const kappas = (['none', 'linear', 'quadratic'] as KappaWeights[]).map((w) => [w, computeCohenKappa(c.yTrue, c.yPred, w, c.classCount).value, c.kappa[w]] as const);
      return [['mcc', computeMcc(c.yTrue, c.yPred, c.classCount).value, c.mcc] as const, ...kappas]
        .filter(([, actual, expected]) => !close(actual, expected))
        .map(([what, actual, expected]) => `${c.name} ${what}: ${actual} vs ${expected}`);
    });
    expect(defined.length).toBe(4);
    expect(mismatches).toEqual([]);
  });

  it('degenerate cases are null with a reason where sklearn gives 0 or NaN', () => {
    const [constant, oneClass, same] = ['constant-prediction', 'one-class-true', 'both-same-single-class'].map((n) => fixture.labels.find((c) => c.name === n)!);
    expect([constant.mcc, oneClass.mcc, same.kappa.none]).toEqual([0, 0, null]);
    expect(computeMcc(constant.yTrue, constant.yPred)).toEqual({ value: null, reason: 'every prediction is the same class; MCC is undefined (scikit-learn reports 0)' });
    expect(computeMcc(oneClass.yTrue, oneClass.yPred)).toEqual({ value: null, reason: 'only one class is present in yTrue; MCC is undefined (scikit-learn reports 0)' });
    expect(computeCohenKappa(same.yTrue, same.yPred)).toEqual({ value: null, reason: 'both yTrue and yPred hold one and the same single class; kappa is undefined (0/0)' });
    expect(computeCohenKappa(constant.yTrue, constant.yPred)).toEqual({ value: 0 });
    expect(computeMcc([], [])).toEqual({ value: null, reason: 'no rows to score' });
  });
});

describe('confusion matrix', () => {
  it('counts and every normalisation match sklearn', () => {
    const mismatches = fixture.labels.flatMap((c) =>
      (['counts', 'true', 'pred', 'all'] as const).filter((n) => {
        const actual = computeConfusionMatrix(c.yTrue, c.yPred, c.classCount, n === 'counts' ? undefined : n);
        return !closeAll(actual.flat(), c.confusion[n].flat());
      }).map((n) => `${c.name} ${n}`),
    );
    expect(mismatches).toEqual([]);
  });

  it('a small literal case, and a label outside the classes is a DataError', () => {
    expect(computeConfusionMatrix([0, 1, 1, 2], [0, 2, 1, 2], 3, 'true')).toEqual([[1, 0, 0], [0, 0.5, 0.5], [0, 0, 1]]);
    expect(() => computeConfusionMatrix([0, 3], [0, 1], 2)).toThrow('yTrue[1] = 3 is not a class index in 0…1; encode labels as class indices first.');
  });
});

describe('classification report', () => {
  it('per class and averaged numbers match precision_recall_fscore_support', () => {
    const mismatches = fixture.labels.filter((c) => {
      const r = reportClassification(c.yTrue, c.yPred, c.classCount);
      const e = c.report;
      return !(
        closeAll(r.classes.map((x) => x.precision), e.precision) && closeAll(r.classes.map((x) => x.recall), e.recall) &&
        closeAll(r.classes.map((x) => x.f1), e.f1) && closeAll(r.classes.map((x) => x.support), e.support) && close(r.accuracy, e.accuracy) &&
        closeAll([r.macro.precision, r.macro.recall, r.macro.f1], [e.macro.precision, e.macro.recall, e.macro.f1]) &&
        closeAll([r.weighted.precision, r.weighted.recall, r.weighted.f1], [e.weighted.precision, e.weighted.recall, e.weighted.f1])
      );
    });
    expect(mismatches.map((c) => c.name)).toEqual([]);
  });

  it('says which ratios were 0/0', () => {
    expect(reportClassification([0, 0, 1], [0, 0, 0], 3)).toEqual({
      classes: [
        { classIndex: 0, precision: 2 / 3, recall: 1, f1: 0.8, support: 2 },
        { classIndex: 1, precision: 0, recall: 0, f1: 0, support: 1 },
        { classIndex: 2, precision: 0, recall: 0, f1: 0, support: 0 },
      ],
      accuracy: 2 / 3,
      macro: { precision: 2 / 9, recall: 1 / 3, f1: 0.8 / 3, support: 3 },
      weighted: { precision: 4 / 9, recall: 2 / 3, f1: 1.6 / 3, support: 3 },
      notes: [
        'class 1 was never predicted; its precision is reported as 0',
        'class 2 was never predicted; its precision is reported as 0',
        'class 2 has no true rows; its recall is reported as 0',
      ],
    });
  });
});
