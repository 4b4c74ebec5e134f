// Paired t-tests over per-fold scores of two models evaluated on the same CV folds: the plain paired t-test
// (scipy's ttest_rel) and the Nadeau–Bengio corrected resampled t-test, which widens the variance by
// n_test / n_train because overlapping training sets make fold scores correlated (the plain test is too eager).

import { DataError } from '../errors';
import { checkAlpha, concludeSentence, decideVerdict, formatNumber, type ComparisonTest } from './comparison-result';
import { computeStudentTwoSidedP } from '../stats/distribution-tails';

/** Options: alpha (0.05), and which way the score is better ('higher' for accuracy, 'lower' for RMSE). */
export interface PairedScoreOptions {
  alpha?: number;
  direction?: 'higher' | 'lower';
}

/** Paired t-test of fold scores a[i] vs b[i] (df = folds − 1). */
export function testPairedScores(a: ArrayLike<number>, b: ArrayLike<number>, options: PairedScoreOptions = {}): ComparisonTest {
  return runPairedT('paired-t', a, b, 1, options);
}

/** Nadeau–Bengio corrected resampled t-test; nTrain / nTest are the rows each fold trained / scored on. */
export function testCorrectedResampledT(a: ArrayLike<number>, b: ArrayLike<number>, options: PairedScoreOptions & { nTrain: number; nTest: number }): ComparisonTest {
  if (!(options.nTrain > 0 && options.nTest > 0)) throw new DataError(`nTrain and nTest must be positive row counts; got ${options.nTrain} and ${options.nTest}.`);
  return runPairedT('corrected-resampled-t', a, b, (options.nTest / options.nTrain) * a.length + 1, options);
}

/** t = mean(d) / sqrt(inflation · var(d) / k); inflation 1 is the plain test, 1 + k·nTest/nTrain the corrected one. */
function runPairedT(test: ComparisonTest['test'], a: ArrayLike<number>, b: ArrayLike<number>, inflation: number, options: PairedScoreOptions): ComparisonTest {
  const alpha = checkAlpha(options.alpha ?? 0.05);
  if (a.length !== b.length) throw new DataError(`Paired tests need one score per fold for both models; got ${a.length} and ${b.length} scores.`);
  const k = a.length;
  const d = Array.from({ length: k }, (_, i) => a[i] - b[i]);
  if (d.some((v) => !Number.isFinite(v))) throw new DataError('A fold score is missing or not finite; compare models only on folds where both scores exist.');
  const undefinedTest = (reason: string): ComparisonTest => ({ test, statistic: null, pValue: null, alpha, verdict: 'no significant difference', sentence: `Cannot test: ${reason}.`, reason });
  if (k < 2) return undefinedTest(`a paired t-test needs at least 2 folds; got ${k}`);
  const mean = d.reduce((s, v) => s + v, 0) / k;
  const variance = d.reduce((s, v) => s + (v - mean) ** 2, 0) / (k - 1);
  // Differences equal up to float noise (0.8 − 0.7 vs 0.9 − 0.8) have no real spread.
  if (d.every((v) => Math.abs(v - mean) <= 1e-12 * Math.max(1, Math.abs(mean)))) {
    return undefinedTest(mean === 0 ? 'the two models score the same on every fold' : `the difference is ${formatNumber(mean)} on every fold, so there is no spread to judge it against`);
  }
  const statistic = mean / Math.sqrt((inflation * variance) / k);
  const pValue = computeStudentTwoSidedP(statistic, k - 1);
  const aAhead = (options.direction ?? 'higher') === 'higher' ? mean > 0 : mean < 0;
  const verdict = decideVerdict(pValue, alpha, aAhead);
  const label = test === 'paired-t' ? 'paired t-test' : 'corrected resampled t-test (Nadeau–Bengio)';
  const sentence = `Over ${k} folds model A scores ${formatNumber(Math.abs(mean))} ${mean >= 0 ? 'more' : 'less'} than model B on average; by a ${label}, ${concludeSentence(verdict, pValue, alpha)}`;
  return { test, statistic, pValue, df: k - 1, alpha, verdict, sentence };
}
