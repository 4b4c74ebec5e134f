import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseHistogramEdges, countBinsPerCode, countHistogram, countHistogramSorted, findBin } from './bin-histogram';

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

describe('countHistogramSorted', () => {
  it('equals countHistogram on sorted values, values outside the edges and on them included', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { maxLength: 80 }), fc.double({ min: -20, max: 0, noNaN: true }), fc.double({ min: 0.001, max: 30, noNaN: true }), fc.integer({ min: 1, max: 12 }), (cells, start, span, bins) => {
        const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? start + span : start + (i * span) / bins));
        const sorted = Float64Array.from([...cells, start, start + span, edges[1]]).sort();
        expect(countHistogramSorted(sorted, edges)).toEqual(countHistogram(sorted, edges));
      }),
      { numRuns: 500 },
    );
  });
});

describe('countBinsPerCode', () => {
  it('counts each code\'s rows per bin as findBin bins them, skipping code −1, NaN and values outside the edges', () => {
    const edges = [0, 0.1, 0.2, 0.30000000000000004, 0.4];
    const values = Float64Array.from([0, 0.1, 0.3, 0.30000000000000004, 0.4, -1, NaN, 0.25, 0.05, 0.4]);
    const codes = Int32Array.from([0, 1, 1, 0, 1, 0, 1, -1, 1, 0]);
    expect(Array.from(countBinsPerCode(values, edges, codes, 2))).toEqual([1, 0, 0, 2, 1, 1, 1, 1]);
    const bins = Array.from(values, (value) => findBin(value, edges));
    expect(bins).toEqual([0, 1, 2, 3, 3, -1, -1, 2, 0, 3]);
  });
});
