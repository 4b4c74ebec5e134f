import { describe, expect, it } from 'vitest';
import { readJsonFixture } from '../../test-support/model-fixtures';
import { testMcNemar, testMcNemarCounts } from './test-mcnemar';

interface McNemarCase { b: number; c: number; method: 'exact' | 'chi-square'; statistic: number; pValue: number }
const fixture = readJsonFixture<{ mcnemar: McNemarCase[] }>(new URL('./fixtures/compare.json', import.meta.url));

describe('testMcNemar', () => {
  it('matches statsmodels’ formulas (scipy binom / chi2, scripts/reference/explain_reference.py) to 1e-12', () => {
    for (const ref of fixture.mcnemar) {
      const result = testMcNemarCounts(ref.b, ref.c);
      expect(result.test).toBe(ref.method === 'exact' ? 'mcnemar-exact' : 'mcnemar-chi-square');
      expect(Math.abs(result.statistic! - ref.statistic)).toBeLessThan(1e-12);
      expect(Math.abs(result.pValue! - ref.pValue)).toBeLessThan(1e-12);
    }
  });

  it('counts discordant rows from predictions and says which model is better in a sentence', () => {
    const yTrue = Array.from({ length: 40 }, (_, i) => i % 2);
    const predA = yTrue.slice();
    const predB = yTrue.map((y, i) => (i < 14 ? 1 - y : y));
    expect(testMcNemar(yTrue, predA, predB)).toEqual({
      test: 'mcnemar-exact', statistic: 0, pValue: 2 * 0.5 ** 14, alpha: 0.05, verdict: 'A better',
      sentence: 'Where the models disagree, A alone is right on 14 rows and B alone on 0; by McNemar\'s exact binomial test, a difference this large would arise by chance with probability 1.2e-4 (below 0.05), so model A is better.',
    });
    expect(testMcNemarCounts(40, 22).verdict).toBe('A better');
    expect(testMcNemarCounts(22, 40, { alpha: 0.01 })).toMatchObject({ verdict: 'no significant difference', df: 1 });
  });

  it('says when nothing separates the models, and names mismatched inputs', () => {
    expect(testMcNemar([0, 1], [0, 0], [0, 0])).toEqual({
      test: 'mcnemar-exact', statistic: 0, pValue: 1, alpha: 0.05, verdict: 'no significant difference',
      sentence: 'The two models are right and wrong on exactly the same rows, so nothing tells them apart: no significant difference.',
      reason: 'the two models are right and wrong on exactly the same rows',
    });
    expect(() => testMcNemar([0, 1, 1], [0, 1], [0, 1, 1])).toThrow('McNemar needs both models\' predictions on the same 3 rows; got 2 and 3.');
    expect(() => testMcNemarCounts(1, 2, { alpha: 5 })).toThrow('alpha must be between 0 and 1 (for example 0.05); got 5.');
  });
});
