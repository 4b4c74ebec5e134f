import { describe, expect, it } from 'vitest';
import { chooseHistogramEdges, countHistogram, findBin } from './bin-histogram';
import { quantileSorted } from './quantile-sorted';

describe('chooseHistogramEdges', () => {
  it('caps the number of bins at 100 (numpy would give more)', () => {
    const sorted = Float64Array.from({ length: 10_000 }, (_, i) => i);
    sorted[9_999] = 1e9;
    const edges = chooseHistogramEdges(sorted);
    expect([edges.length, edges[0], edges[100]]).toEqual([101, 0, 1e9]);
  });

  it('counts the right edge into the last bin and ignores values outside', () => {
    expect(countHistogram([0, 1, 2, 2, 3, -1, 4], [0, 1, 2, 3])).toEqual([1, 1, 3]);
    expect([findBin(Number.NaN, [0, 1]), findBin(1, [0, 1])]).toEqual([-1, 0]);
  });
});

describe('quantileSorted', () => {
  it('interpolates linearly as numpy and is NaN for no values', () => {
    expect([0, 0.25, 0.5, 1].map((q) => quantileSorted([1, 2, 4, 8], q))).toEqual([1, 1.75, 3, 8]);
    expect(quantileSorted([], 0.5)).toEqual(Number.NaN);
  });
});
