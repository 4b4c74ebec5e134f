import { describe, expect, it } from 'vitest';
import { readJsonFixture } from '../../test-support/model-fixtures';
import { computeRegularisedBeta, computeStudentTwoSidedP } from '../stats/distribution-tails';
import { testCorrectedResampledT, testPairedScores } from './test-paired-scores';

interface Reference { statistic: number; pValue: number; df: number }
interface PairedCase { a: number[]; b: number[]; nTrain: number; nTest: number; pairedT: Reference; nadeauBengio: Reference }
const fixture = readJsonFixture<{ paired: PairedCase[] }>(new URL('./fixtures/compare.json', import.meta.url));

describe('paired score tests', () => {
  it('match scipy ttest_rel and the Nadeau–Bengio formula (scripts/reference/explain_reference.py) to 1e-9', () => {
    for (const ref of fixture.paired) {
      const plain = testPairedScores(ref.a, ref.b);
      const corrected = testCorrectedResampledT(ref.a, ref.b, { nTrain: ref.nTrain, nTest: ref.nTest });
      for (const [got, want] of [[plain, ref.pairedT], [corrected, ref.nadeauBengio]] as const) {
        expect(Math.abs(got.statistic! - want.statistic)).toBeLessThan(1e-9);
        expect(Math.abs(got.pValue! - want.pValue)).toBeLessThan(1e-9);
        expect(got.df).toBe(want.df);
      }
    }
  });

  it('reads the direction of the metric: lower RMSE for A means A is better', () => {
    const rmseA = [12.1, 11.8, 12.6, 12.0, 11.9], rmseB = [12.9, 12.2, 13.4, 12.7, 12.8];
    const result = testPairedScores(rmseA, rmseB, { direction: 'lower' });
    expect(result.verdict).toBe('A better');
    expect(result.sentence).toMatch(/^Over 5 folds model A scores 0\.72 less than model B on average; by a paired t-test, a difference this large would arise by chance with probability [0-9.e-]+ \(below 0\.05\), so model A is better\.$/);
    // The corrected test is more cautious on the same scores.
    expect(testCorrectedResampledT(rmseA, rmseB, { nTrain: 80, nTest: 20, direction: 'lower' }).pValue!).toBeGreaterThan(result.pValue!);
  });

  it('says what cannot be computed instead of NaN', () => {
    expect(testPairedScores([0.8], [0.7])).toEqual({
      test: 'paired-t', statistic: null, pValue: null, alpha: 0.05, verdict: 'no significant difference',
      sentence: 'Cannot test: a paired t-test needs at least 2 folds; got 1.', reason: 'a paired t-test needs at least 2 folds; got 1',
    });
    expect(testPairedScores([0.8, 0.9], [0.8, 0.9]).reason).toBe('the two models score the same on every fold');
    expect(testPairedScores([0.8, 0.9], [0.7, 0.8]).reason).toBe('the difference is 0.1 on every fold, so there is no spread to judge it against');
    expect(() => testPairedScores([0.8, NaN], [0.7, 0.8])).toThrow('A fold score is missing or not finite; compare models only on folds where both scores exist.');
    expect(() => testCorrectedResampledT([1, 2], [1, 3], { nTrain: 0, nTest: 5 })).toThrow('nTrain and nTest must be positive row counts; got 0 and 5.');
  });

  it('tail functions: t with 1 df is Cauchy, I_x(1, 1) = x', () => {
    expect(Math.abs(computeStudentTwoSidedP(1, 1) - 0.5)).toBeLessThan(1e-14);
    expect(Math.abs(computeRegularisedBeta(0.3, 1, 1) - 0.3)).toBeLessThan(1e-14);
  });
});
