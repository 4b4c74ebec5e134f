import { describe, expect, it } from 'vitest';
import { findBestSplit, type SplitSettings } from './find-split';
import { createGrowHeap } from './grow-heap';
import { MISSING_BIN } from './bin-mapper';

describe('numeric split kernel', () => {
  it('chooses the same split as the JavaScript scan, field for field, on 200 seeded node histograms', () => {
    let state = 99;
    const random = (): number => (state = (state * 16807) % 2147483647) / 2147483647;
    const cols = 3;
    const heap = createGrowHeap(new Uint8Array(cols), 1, cols);
    expect(heap.kind).toBe('wasm');
    const id = heap.acquireHistogram();
    let withMissingLeft = 0;
    let found = 0;
    for (let trial = 0; trial < 200; trial++) {
      const hist = heap.histogram(id);
      hist.fill(0);
      let g = 0, h = 0, count = 0;
      const binCounts = Int32Array.of(2 + (trial % 40), 255, 7);
      const hasMissing = Uint8Array.of(trial % 2, (trial >> 1) % 2, 1);
      for (let f = 0; f < cols; f++) {
        for (const b of [...Array.from({ length: binCounts[f] }, (_, i) => i), ...(hasMissing[f] ? [MISSING_BIN] : [])]) {
          if (random() < 0.2) continue; // empty bins, as deep nodes have
          const c = 1 + Math.floor(random() * 30);
          const at = (f * 256 + b) * 3;
          hist[at] = (random() - 0.45) * c;
          hist[at + 1] = random() * 0.25 * c;
          hist[at + 2] = c;
          if (f === 0) { g += hist[at]; h += hist[at + 1]; count += c; }
        }
      }
      // The node's sums are feature 0's; the other features need not add up to them (both scans see the same input).
      const s: SplitSettings = { minSamplesLeaf: 1 + (trial % 25), l2: trial % 3 === 0 ? 0 : 0.5, minHessian: 1e-3, binCounts, hasMissing, categorical: [false, false, false] };
      const fromJs = findBestSplit(hist, g, h, count, s);
      const fromKernel = findBestSplit(hist, g, h, count, s, (f, parentScore, best) => heap.scanNumeric(id, f, g, h, count, parentScore, s, best));
      expect(fromKernel).toEqual(fromJs);
      if (fromJs.missingLeft) withMissingLeft++;
      if (fromJs.gain > 0) found++;
    }
    expect([found > 150, withMissingLeft > 10]).toEqual([true, true]);
  });
});
