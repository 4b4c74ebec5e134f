import { describe, expect, it } from 'vitest';
import { MISSING_BIN } from './bin-mapper';
import { findBestSplit, type SplitSettings } from './find-split';
import { createHistogram } from './histogram';

/** A one-feature histogram from [bin, gradient sum, hessian sum, count] entries. */
function histogramOf(entries: [number, number, number, number][]): Float64Array {
  const hist = createHistogram(1);
  for (const [bin, g, h, c] of entries) hist.set([g, h, c], bin * 3);
  return hist;
}

const settings = (over: Partial<SplitSettings>): SplitSettings => ({
  minSamplesLeaf: 1, l2: 0, minHessian: 1e-3, binCounts: Int32Array.of(3), hasMissing: Uint8Array.of(0), categorical: [false], ...over,
});

describe('findBestSplit', () => {
  it('splits where the gradient sign changes; gain = GL²/HL + GR²/HR − G²/H', () => {
    const hist = histogramOf([[0, -4, 2, 2], [1, -2, 2, 2], [2, 6, 2, 2]]);
    const split = findBestSplit(hist, 0, 6, 6, settings({}));
    expect(split).toEqual({ gain: 36 / 4 + 36 / 2, feature: 0, bin: 1, missingLeft: false, leftBins: null, gradLeft: -6, hessLeft: 4, countLeft: 4 });
  });

  it('sends missing values left when that gains more (right-to-left scan)', () => {
    const hist = histogramOf([[0, -3, 1, 1], [1, 3, 1, 1], [2, 3, 1, 1], [MISSING_BIN, -3, 1, 1]]);
    const split = findBestSplit(hist, 0, 4, 4, settings({ hasMissing: Uint8Array.of(1) }));
    expect([split.bin, split.missingLeft, split.gradLeft, split.countLeft, split.gain]).toEqual([0, true, -6, 2, 36 / 2 + 36 / 2]);
  });

  it('groups categories by gradient ratio: {0, 2} left against {1}', () => {
    const hist = histogramOf([[0, -20, 10, 10], [1, 30, 10, 10], [2, -10, 10, 10]]);
    const split = findBestSplit(hist, 0, 30, 30, settings({ categorical: [true] }));
    expect([...split.leftBins!].flatMap((bit, code) => (bit ? [code] : []))).toEqual([0, 2]);
    expect(split.countLeft).toBe(20);
  });

  it('finds no split when a leaf would get fewer than minSamplesLeaf rows', () => {
    const hist = histogramOf([[0, -4, 2, 2], [1, 4, 2, 2]]);
    expect(findBestSplit(hist, 0, 4, 4, settings({ minSamplesLeaf: 3, binCounts: Int32Array.of(2) })).gain).toBe(-1);
  });
});
