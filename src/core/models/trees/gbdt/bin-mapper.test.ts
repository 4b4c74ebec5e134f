import { describe, expect, it } from 'vitest';
import { binMatrix, findMissingFeatures, fitBinMapper, MISSING_BIN } from './bin-mapper';

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

  it('rejects a categorical feature with 255 or more categories', () => {
    const X = { values: Float64Array.of(0, 300), rows: 2, cols: 1, featureNames: ['zip'], categorical: [true] };
    expect(() => fitBinMapper(X, 255)).toThrow('gradient_boosting: categorical feature "zip" has code 300; at most 255 categories are supported — group rare levels first.');
  });
});
