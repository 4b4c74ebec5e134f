import { describe, expect, it } from 'vitest';
import { measureKsTwoSample } from './measure-ks-two-sample';
import { DRIFT_REFERENCE, readSortedSample, type FormulaSample } from './fixtures/read-drift-reference';
import { roundDeep } from './fixtures/read-reference';

type KsCase = { name: string; a: number[] | FormulaSample; b: number[] | FormulaSample; statistic: number; pValue: number; method: string; kolmogorovLimitPValue?: number };
const CASES = DRIFT_REFERENCE.ks as KsCase[];

describe('measureKsTwoSample', () => {
  it('equals scipy.stats.ks_2samp(a, b) (exact: ties, n = m, 300 × 800, equal, separated, 1 × 3 and 2 × 2 samples) to 12 digits', () => {
    const exact = CASES.filter((c) => c.method === 'exact');
    const ours = exact.map((c) => ({ name: c.name, ...measureKsTwoSample(readSortedSample(c.a), readSortedSample(c.b)) }));
    expect(roundDeep(ours)).toEqual(roundDeep(exact.map(({ name, statistic, pValue, method }) => ({ name, statistic, pValue, method }))));
  });

  it('above 10,000 rows a side uses the Kolmogorov limit (scipy kstwobign.sf(D·√en)); scipy’s own default there differs by ~2 %', () => {
    const large = CASES.find((c) => c.method === 'asymptotic') as KsCase;
    const ours = measureKsTwoSample(readSortedSample(large.a), readSortedSample(large.b));
    expect(roundDeep(ours)).toEqual(roundDeep({ statistic: large.statistic, pValue: large.kolmogorovLimitPValue, method: 'asymptotic' }));
    // scipy 1.10 ks_2samp default: kstwo.sf(0.0315, 923) = 0.31243; the limit gives 0.31892.
    expect(Math.abs(ours.pValue / large.pValue - 1)).toBeCloseTo(0.0208, 3);
  });

  it('is NaN for an empty sample', () => {
    expect(measureKsTwoSample([], [1, 2])).toEqual({ statistic: Number.NaN, pValue: Number.NaN, method: 'asymptotic' });
  });
});
