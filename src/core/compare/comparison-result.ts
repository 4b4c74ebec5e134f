// The one result shape of every comparison test, and the sentence that tells a user what it means.

import { DataError } from '../errors';

/** Which model the test favours at level alpha. */
export type ComparisonVerdict = 'A better' | 'B better' | 'no significant difference';

/** A paired test's outcome; statistic and pValue are null (with reason) when the test cannot be computed. */
export interface ComparisonTest {
  test: 'mcnemar-exact' | 'mcnemar-chi-square' | 'paired-t' | 'corrected-resampled-t';
  statistic: number | null;
  pValue: number | null;
  /** Degrees of freedom (t-tests: folds − 1; McNemar chi-square: 1). */
  df?: number;
  alpha: number;
  verdict: ComparisonVerdict;
  /** One plain sentence for the user. */
  sentence: string;
  reason?: string;
}

/** Formats a number for a sentence: 3 significant digits, small p-values in exponent form. */
export function formatNumber(value: number): string {
  if (value !== 0 && Math.abs(value) < 1e-3) return value.toExponential(1);
  return Number(value.toPrecision(3)).toString();
}

/** Checks alpha is a probability strictly between 0 and 1 (throws otherwise, naming it). */
export function checkAlpha(alpha: number): number {
  if (!(alpha > 0 && alpha < 1)) throw new DataError(`alpha must be between 0 and 1 (for example 0.05); got ${alpha}.`);
  return alpha;
}

/** The verdict for a p-value and which side is ahead. */
export function decideVerdict(pValue: number | null, alpha: number, aAhead: boolean): ComparisonVerdict {
  if (pValue === null || pValue >= alpha) return 'no significant difference';
  return aAhead ? 'A better' : 'B better';
}

/** The closing clause: "so A is better" / "so the difference may be chance". */
export function concludeSentence(verdict: ComparisonVerdict, pValue: number, alpha: number): string {
  const chance = `a difference this large would arise by chance with probability ${formatNumber(pValue)}`;
  if (verdict === 'no significant difference') return `${chance} (not below ${alpha}), so it may be chance: no significant difference.`;
  return `${chance} (below ${alpha}), so model ${verdict === 'A better' ? 'A' : 'B'} is better.`;
}
