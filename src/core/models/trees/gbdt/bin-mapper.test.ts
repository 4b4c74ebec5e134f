import { describe, expect, it } from 'vitest';
import { binMatrix, findBin, findMissingFeatures, fitBinMapper, MISSING_BIN } from './bin-mapper';

describe('bin mapper', () => {
  it('cuts few distinct values at midpoints, maps NaN to the missing bin and keeps category codes', () => {
    const X = {
      values: Float64Array.of(1, 0, 2, 1, 2, 2, NaN, 0, 4, 3), rows: 5, cols: 2, featureNames: ['x', 'c'], categorical: [false, true],
    };
    const mapper = fitBinMapper(X, 255);
    expect(mapper.thresholds.map((t) => [...t])).toEqual([[1.5, 3], []]);
    expect([...mapper.binCounts]).toEqual([3, 4]);
    const binned = binMatrix(mapper, X);
    expect([...binned]).toEqual([0, 1, 1, MISSING_BIN, 2, 0, 1, 2, 0, 3]);
    expect([...findMissingFeatures(binned, 5, 2)]).toEqual([1, 0]);
  });

  it('uses numpy midpoint percentiles when values outnumber the bins (0…9 into 4 bins)', () => {
    const X = { values: Float64Array.from({ length: 10 }, (_, i) => i), rows: 10, cols: 1, featureNames: ['x'] };
    // np.percentile(range(10), [25, 50, 75], method='midpoint') = [2.5, 4.5, 6.5]
    expect([...fitBinMapper(X, 4).thresholds[0]]).toEqual([2.5, 4.5, 6.5]);
  });

  it('bins values on, between and beyond the cuts (x ≤ cut goes left), ±∞ included', () => {
    const mapper = fitBinMapper({ values: Float64Array.from({ length: 10 }, (_, i) => i), rows: 10, cols: 1, featureNames: ['x'] }, 4);
    const values = Float64Array.of(-Infinity, 2.5, 2.5000001, 4.5, 6.5, 7, Infinity, NaN);
    expect([...binMatrix(mapper, { values, rows: 8, cols: 1, featureNames: ['x'] })]).toEqual([0, 0, 1, 1, 2, 3, 3, MISSING_BIN]);
  });

  it('the branch-free binning agrees with findBin with the full 254 cuts', () => {
    const X = { values: Float64Array.from({ length: 600 }, (_, i) => (i * 7919) % 600 / 2), rows: 600, cols: 1, featureNames: ['x'] };
    const mapper = fitBinMapper(X, 255);
    expect(mapper.thresholds[0].length).toBe(254);
    const probes = Float64Array.from({ length: 1300 }, (_, i) => i / 4 - 10);
    const binned = binMatrix(mapper, { values: probes, rows: probes.length, cols: 1, featureNames: ['x'] });
    expect([...binned]).toEqual(Array.from(probes, (v) => findBin(mapper, 0, v)));
    // The first cut is 1.25 (midpoint of the sorted values at positions 2 and 3, of 599 · 1/255 ≈ 2.35).
    expect([binned[0], binned[45], binned[46], binned[1299]]).toEqual([0, 0, 1, 254]);
  });

  it('rejects a categorical feature with 255 or more categories', () => {
    const X = { values: Float64Array.of(0, 300), rows: 2, cols: 1, featureNames: ['zip'], categorical: [true] };
    expect(() => fitBinMapper(X, 255)).toThrow('gradient_boosting: categorical feature "zip" has code 300; at most 255 categories are supported — group rare levels first.');
  });
});
