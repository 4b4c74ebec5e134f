import { describe, expect, it } from 'vitest';
import { measureChiSquareHomogeneity } from './measure-chi-square-homogeneity';
import { DRIFT_REFERENCE } from './fixtures/read-drift-reference';
import { roundDeep } from './fixtures/read-reference';

describe('measureChiSquareHomogeneity', () => {
  it('equals scipy.stats.chi2_contingency([reference, batch]) with levels on one side only, Yates on 2 × 2, dof 0', () => {
    const ours = DRIFT_REFERENCE.categories.map((c) => {
      const { statistic, pValue, dof } = measureChiSquareHomogeneity(c.referenceCounts, c.batchCounts);
      return { name: c.name, chiSquare: statistic, pValue, dof };
    });
    expect(roundDeep(ours)).toEqual(roundDeep(DRIFT_REFERENCE.categories.map(({ name, chiSquare, pValue, dof }) => ({ name, chiSquare, pValue, dof }))));
  });

  it('applies Yates only to a 2 × 2 table, and is NaN when a side has no counts', () => {
    expect([[30, 10], [30, 10, 1]].map((r) => measureChiSquareHomogeneity(r, r.map(() => 5)).yates)).toEqual([true, false]);
    expect(measureChiSquareHomogeneity([3, 4], [0, 0])).toEqual({ statistic: Number.NaN, pValue: Number.NaN, dof: 1, yates: false });
  });
});
