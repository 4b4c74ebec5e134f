// McNemar's test between two classifiers on the same rows: only rows where exactly one model is right count.
// Exact two-sided binomial test when there are fewer than 25 such rows, else chi-square with continuity
// correction (statsmodels' mcnemar(exact=True) and mcnemar(exact=False, correction=True) respectively).

import { DataError } from '../errors';
import { checkAlpha, concludeSentence, decideVerdict, formatNumber, type ComparisonTest } from './comparison-result';
import { computeBinomialHalfCdf, computeChiSquareSurvival } from '../stats/distribution-tails';

/** Below this many discordant rows the exact binomial test is used. */
export const MCNEMAR_EXACT_BELOW = 25;

/** McNemar from predictions: yTrue, predA, predB are class indices for the same rows. */
export function testMcNemar(yTrue: ArrayLike<number>, predA: ArrayLike<number>, predB: ArrayLike<number>, options: { alpha?: number } = {}): ComparisonTest {
  if (predA.length !== yTrue.length || predB.length !== yTrue.length) {
    throw new DataError(`McNemar needs both models' predictions on the same ${yTrue.length} rows; got ${predA.length} and ${predB.length}.`);
  }
  let onlyA = 0, onlyB = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const a = predA[i] === yTrue[i], b = predB[i] === yTrue[i];
    if (a && !b) onlyA++;
    else if (b && !a) onlyB++;
  }
  return testMcNemarCounts(onlyA, onlyB, options);
}

/** McNemar from the discordant counts: onlyA = rows A gets right and B wrong, onlyB the reverse. */
export function testMcNemarCounts(onlyA: number, onlyB: number, options: { alpha?: number } = {}): ComparisonTest {
  const alpha = checkAlpha(options.alpha ?? 0.05);
  const n = onlyA + onlyB;
  const exact = n < MCNEMAR_EXACT_BELOW;
  const test = exact ? 'mcnemar-exact' : 'mcnemar-chi-square';
  const counts = `A alone is right on ${onlyA} rows and B alone on ${onlyB}`;
  if (n === 0) {
    const reason = 'the two models are right and wrong on exactly the same rows';
    return { test, statistic: 0, pValue: 1, alpha, verdict: 'no significant difference', sentence: `The two models are right and wrong on exactly the same rows, so nothing tells them apart: no significant difference.`, reason };
  }
  const statistic = exact ? Math.min(onlyA, onlyB) : (Math.abs(onlyA - onlyB) - 1) ** 2 / n;
  const pValue = exact ? Math.min(1, 2 * computeBinomialHalfCdf(Math.min(onlyA, onlyB), n)) : computeChiSquareSurvival(statistic, 1);
  const verdict = decideVerdict(pValue, alpha, onlyA > onlyB);
  const method = exact ? 'exact binomial test' : `chi-square ${formatNumber(statistic)} with continuity correction`;
  const sentence = `Where the models disagree, ${counts}; by McNemar's ${method}, ${concludeSentence(verdict, pValue, alpha)}`;
  return { test, statistic, pValue, ...(exact ? {} : { df: 1 }), alpha, verdict, sentence };
}
