import { describe, expect, it } from 'vitest';
import type { CvSummary } from '../train/types';
import { checkFoldPairs } from './check-fold-pairs';
import { assembleComparison, countAgreement, describeComparisonKey, describeFoldSizes, type ComparisonRequest } from './assemble-comparison';

const ROWS = Array.from({ length: 20 }, (_, i) => 100 + i);
const Y = ROWS.map((_, i) => i % 2);
// A wrong on rows 0–2 and 19; B wrong on rows 3–12 and 19: only A right 10, only B right 3, both wrong 1.
const PRED_A = Y.map((y, i) => (i < 3 || i === 19 ? 1 - y : y));
const PRED_B = Y.map((y, i) => ((i >= 3 && i < 13) || i === 19 ? 1 - y : y));

function cvOf(values: (number | null)[], folds = values.length, completed = values.length): CvSummary {
  return { folds, completed, metrics: { 'roc-auc': { mean: null, std: null, values } } };
}

const CV_A = cvOf([0.95, 0.97, 0.96, 0.98, 0.97]);
const CV_B = cvOf([0.90, 0.93, 0.91, 0.92, 0.94]);

function binaryRequest(overrides: Partial<ComparisonRequest> = {}): ComparisonRequest {
  return {
    task: 'binary', primaryMetric: 'roc-auc', alpha: 0.05,
    runA: { id: 'lr', label: 'Logistic regression', cv: CV_A }, runB: { id: 'gb', label: 'Gradient boosting', cv: CV_B },
    predictionsA: { rows: ROWS, yTrue: Y, yPred: PRED_A }, predictionsB: { rows: ROWS, yTrue: Y, yPred: PRED_B },
    folds: { count: 5, nTrain: 364, nTest: 91 },
    ...overrides,
  };
}

describe('assembleComparison', () => {
  it('classification with CV on the same folds: McNemar counts, corrected and plain fold tests; the corrected test decides', () => {
    const report = assembleComparison(binaryRequest());
    expect({ rows: report.rows, counts: report.counts, notes: report.notes, headline: report.headline }).toEqual({
      rows: 20, counts: { bothRight: 6, onlyA: 10, onlyB: 3, bothWrong: 1 }, notes: [],
      headline: { verdict: 'A better', sentence: 'A (Logistic regression) is better on ROC-AUC: p = 0.00385 < 0.05 (corrected resampled t-test over 5 folds).', test: 'corrected-resampled-t' },
    });
    // p-values: scipy binomtest(3, 13) = 0.09228515625; Nadeau–Bengio t = 6.0142, p = 0.0038490 and ttest_rel p = 0.00083619 (scipy 1.10).
    expect(report.tests.map((t) => [t.label, t.result.test, t.result.verdict, Number(t.result.pValue?.toPrecision(5))])).toEqual([
      ["McNemar's test on 20 validation rows", 'mcnemar-exact', 'no significant difference', 0.092285],
      ['Corrected resampled t-test (Nadeau–Bengio) over 5 folds on ROC-AUC', 'corrected-resampled-t', 'A better', 0.003849],
      ['Paired t-test over 5 folds on ROC-AUC', 'paired-t', 'A better', 0.00083619],
    ]);
  });

  it('without CV the validation-row test decides, and a note says why the fold tests cannot run', () => {
    const report = assembleComparison(binaryRequest({ runA: { id: 'lr', label: 'Logistic regression', cv: null } }));
    expect({ notes: report.notes, headline: report.headline, tests: report.tests.length }).toEqual({
      notes: ['The fold tests cannot run: run A was not cross-validated (set CV folds in the Split cell, keep “Cross-validate” ticked in the Train cell and train again).'],
      headline: { verdict: 'no significant difference', sentence: "No significant difference on accuracy: p = 0.0923 ≥ 0.05 (McNemar's exact test on the validation rows).", test: 'mcnemar-exact' },
      tests: 1,
    });
  });

  it('runs on different fold counts cannot be paired; a changed split keeps only the plain fold test', () => {
    expect(assembleComparison(binaryRequest({ runB: { id: 'gb', label: 'GB', cv: cvOf([0.9, 0.91, 0.92]) } })).notes).toEqual([
      'The fold tests cannot run: A was cross-validated on 5 folds and B on 3, so they were trained on different splits.',
    ]);
    const changed = assembleComparison(binaryRequest({ folds: { count: 3, nTrain: 300, nTest: 150 } }));
    expect({ notes: changed.notes, tests: changed.tests.map((t) => t.result.test), headline: changed.headline.test }).toEqual({
      notes: ['The corrected resampled t-test cannot run: the runs were cross-validated on 5 folds but the Split above now has 3, so the fold sizes are unknown; train the runs again.'],
      tests: ['mcnemar-exact', 'paired-t'], headline: 'mcnemar-exact',
    });
  });

  it('regression: a paired t-test of absolute errors on the rows both models predicted', () => {
    const report = assembleComparison({
      task: 'regression', primaryMetric: 'rmse', alpha: 0.05,
      runA: { id: 'a', label: 'Linear', cv: null }, runB: { id: 'b', label: 'Mean', cv: null },
      predictionsA: { rows: [1, 2, 3, 4, 5, 6, 7], yTrue: [1, 2, 3, 4, 5, 6, 7], yPred: [1.1, 2.1, 2.9, 4.2, 5.1, 5.9, 7] },
      predictionsB: { rows: [1, 2, 3, 4, 5, 6], yTrue: [1, 2, 3, 4, 5, 6], yPred: [2, 3.5, 1.8, 5.1, 6.4, 4.6] },
      folds: null,
    });
    expect({ rows: report.rows, counts: report.counts, notes: report.notes, headline: report.headline, label: report.tests[0].label }).toEqual({
      rows: 6, counts: null,
      notes: ['Compared on the 6 validation rows both models predicted (A predicted 7, B 6).', 'The fold tests cannot run: neither run was cross-validated (set CV folds in the Split cell, keep “Cross-validate” ticked in the Train cell and train again).'],
      headline: { verdict: 'A better', sentence: 'A (Linear) is better on absolute error: p = 4.8e-5 < 0.05 (paired t-test of absolute errors on 6 validation rows).', test: 'paired-t' },
      label: 'Paired t-test of absolute errors on 6 validation rows',
    });
  });

  it('models right on the same rows: no difference, with the reason instead of a p-value', () => {
    const report = assembleComparison(binaryRequest({ predictionsB: { rows: ROWS, yTrue: Y, yPred: PRED_A }, runA: { id: 'x', label: 'X', cv: null } }));
    expect(report.headline.sentence).toBe("No significant difference on accuracy: the two models are right and wrong on exactly the same rows (McNemar's exact test on the validation rows).");
  });
});

describe('checkFoldPairs', () => {
  const run = (cv: CvSummary | null) => ({ id: 'r', label: 'R', cv });

  it('pairs fold scores, or says which fold or run is missing', () => {
    expect(checkFoldPairs(run(cvOf([0.8, 0.9])), run(cvOf([0.7, 0.8])), 'roc-auc')).toEqual({ a: [0.8, 0.9], b: [0.7, 0.8] });
    expect(checkFoldPairs(run(cvOf([0.8, 0.9], 5, 2)), run(cvOf([0.7, 0.8, 0.8, 0.8, 0.8])), 'roc-auc')).toEqual({ note: 'The fold tests cannot run: run A finished only 2 of 5 folds.' });
    expect(checkFoldPairs(run(cvOf([0.8, 0.9])), run(cvOf([0.7, null])), 'roc-auc')).toEqual({ note: 'The fold tests cannot run: fold 2 has no ROC-AUC for run B.' });
    expect(checkFoldPairs(run(cvOf([0.8, 0.9])), run(cvOf([0.7, 0.8])), 'log-loss')).toEqual({ note: 'The fold tests cannot run: run A has no Log loss on its folds.' });
    expect(checkFoldPairs(run(null), run(null), 'roc-auc')).toEqual({ note: 'The fold tests cannot run: neither run was cross-validated (set CV folds in the Split cell, keep “Cross-validate” ticked in the Train cell and train again).' });
  });

  it('one fold cannot be tested: the note comes from the t-test', () => {
    const report = assembleComparison(binaryRequest({ runA: { id: 'a', label: 'A', cv: cvOf([0.9]) }, runB: { id: 'b', label: 'B', cv: cvOf([0.8]) } }));
    expect(report.notes).toEqual(['The fold tests cannot run: a paired t-test needs at least 2 folds; got 1.']);
  });
});

describe('small helpers', () => {
  it('fold sizes are mean rows per fold; the key joins the picks and alpha; agreement counts each model against its own truth', () => {
    const folds = [{ train: new Uint32Array(8), validation: new Uint32Array(2) }, { train: new Uint32Array(7), validation: new Uint32Array(3) }];
    expect(describeFoldSizes(folds)).toEqual({ count: 2, nTrain: 7.5, nTest: 2.5 });
    expect(describeFoldSizes([])).toBeNull();
    expect(describeComparisonKey('a', 'b', 0.05)).toBe('a|b|0.05');
    expect(countAgreement([0, 1, 1], [0, 1, 0], [1, 0, 0], [1, 1, 0])).toEqual({ bothRight: 1, onlyA: 1, onlyB: 1, bothWrong: 0 });
  });
});
