import { describe, expect, it } from 'vitest';
import { readJsonFixture } from '../../test-support/model-fixtures';
import { testPairedErrors } from './test-paired-errors';

interface ErrorCase { yTrue: number[]; predA: number[]; predB: number[]; statistic: number; pValue: number; df: number }
const fixture = readJsonFixture<{ cases: ErrorCase[] }>(new URL('./fixtures/paired-errors.json', import.meta.url));

describe('testPairedErrors', () => {
  it('matches scipy ttest_rel on |y − a| vs |y − b| (fixtures/paired_errors_reference.py) to 1e-9', () => {
    expect(fixture.cases.length).toBe(3);
    for (const ref of fixture.cases) {
      const got = testPairedErrors(ref.yTrue, ref.predA, ref.predB);
      expect(Math.abs(got.statistic! - ref.statistic)).toBeLessThan(1e-9);
      expect(Math.abs(got.pValue! - ref.pValue)).toBeLessThan(1e-9);
      expect(got.df).toBe(ref.df);
    }
  });

  it('says the smaller error wins, in rows rather than folds', () => {
    const yTrue = [1, 2, 3, 4, 5, 6];
    const predA = [1.1, 2.1, 2.9, 4.2, 5.1, 5.9];
    const predB = [2, 3.5, 1.8, 5.1, 6.4, 4.6];
    const result = testPairedErrors(yTrue, predA, predB);
    expect({ test: result.test, verdict: result.verdict, df: result.df }).toEqual({ test: 'paired-t', verdict: 'A better', df: 5 });
    expect(result.sentence).toBe("Over 6 validation rows model A's absolute error is 1.15 smaller than model B's on average; by a paired t-test of per-row absolute errors, a difference this large would arise by chance with probability 4.8e-5 (below 0.05), so model A is better.");
  });

  it('gives a reason instead of NaN, and names mismatched inputs', () => {
    expect(testPairedErrors([1], [1.5], [2])).toEqual({
      test: 'paired-t', statistic: null, pValue: null, alpha: 0.05, verdict: 'no significant difference',
      sentence: 'Cannot test: a paired t-test needs at least 2 rows; got 1.', reason: 'a paired t-test needs at least 2 rows; got 1',
    });
    expect(testPairedErrors([1, 2], [1.5, 2.5], [0.5, 1.5]).reason).toBe('the two models have the same absolute error on every row');
    expect(testPairedErrors([1, 2], [1.5, 2.5], [2, 3]).reason).toBe("model A's absolute error differs from B's by -0.5 on every row, so there is no spread to judge it against");
    expect(() => testPairedErrors([1, 2], [1], [1, 2])).toThrow("The error test needs both models' predictions on the same 2 rows; got 1 and 2.");
    expect(() => testPairedErrors([1, NaN], [1, 2], [1, 2])).toThrow('A prediction or target is missing or not finite');
  });
});
