// A paired test of two regressors on the same held-out rows: the paired t-test of per-row absolute errors
// |y − Â| vs |y − B̂|, i.e. whether their mean absolute errors differ by more than chance (scipy's ttest_rel on
// the two error columns). Rows, not folds, are the pairs: each row is scored once by two fixed models.

import { DataError } from '../errors';
import { checkAlpha, concludeSentence, formatNumber, type ComparisonTest } from './comparison-result';
import { testPairedScores } from './test-paired-scores';

/** Paired t-test (df = rows − 1) of the absolute errors of predA and predB against yTrue on the same rows; lower error wins. */
export function testPairedErrors(yTrue: ArrayLike<number>, predA: ArrayLike<number>, predB: ArrayLike<number>, options: { alpha?: number } = {}): ComparisonTest {
  const alpha = checkAlpha(options.alpha ?? 0.05);
  const n = yTrue.length;
  if (predA.length !== n || predB.length !== n) {
    throw new DataError(`The error test needs both models' predictions on the same ${n} rows; got ${predA.length} and ${predB.length}.`);
  }
  const errorsA = Float64Array.from({ length: n }, (_, i) => Math.abs(yTrue[i] - predA[i]));
  const errorsB = Float64Array.from({ length: n }, (_, i) => Math.abs(yTrue[i] - predB[i]));
  if (errorsA.some((v, i) => !Number.isFinite(v - errorsB[i]))) {
    throw new DataError('A prediction or target is missing or not finite; compare models only on rows where both have a prediction.');
  }
  const result = testPairedScores(errorsA, errorsB, { alpha, direction: 'lower' });
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (errorsA[i] - errorsB[i]) / n;
  if (result.pValue === null) {
    const reason = n < 2 ? `a paired t-test needs at least 2 rows; got ${n}`
      : result.reason === 'the two models score the same on every fold' ? 'the two models have the same absolute error on every row'
        : `model A's absolute error differs from B's by ${formatNumber(mean)} on every row, so there is no spread to judge it against`;
    return { ...result, sentence: `Cannot test: ${reason}.`, reason };
  }
  const sentence = `Over ${n} validation rows model A's absolute error is ${formatNumber(Math.abs(mean))} ${mean <= 0 ? 'smaller' : 'larger'} than model B's on average; by a paired t-test of per-row absolute errors, ${concludeSentence(result.verdict, result.pValue, alpha)}`;
  return { ...result, sentence };
}
