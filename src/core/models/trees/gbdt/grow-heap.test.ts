import { describe, expect, it } from 'vitest';
import { HIST_BINS } from './histogram';
import { createGrowHeap } from './grow-heap';
import { KERNEL_BYTES } from './kernel-code';
import { encodeSigned, encodeUnsigned } from '../../../wasm/wasm-module';

// 5 rows × 2 features, column-major: feature 0 bins [0, 2, 2, 255, 0], feature 1 bins [1, 1, 0, 3, 255].
const BINNED = Uint8Array.of(0, 2, 2, 255, 0, 1, 1, 0, 3, 255);
const GRAD_HESS = Float64Array.of(0.5, 0.25, -1, 0.5, 2, 1, -0.125, 0.75, 4, 2);

/** The non-empty bins of a histogram as [feature, bin, g, h, count]. */
function listBins(hist: Float64Array, cols: number): number[][] {
  const out: number[][] = [];
  for (let f = 0; f < cols; f++) {
    for (let b = 0; b < HIST_BINS; b++) {
      const at = (f * HIST_BINS + b) * 3;
      if (hist[at + 2] !== 0) out.push([f, b, hist[at], hist[at + 1], hist[at + 2]]);
    }
  }
  return out;
}

function buildBoth(kind: 'wasm' | 'js'): { root: number[][]; child: number[][] } {
  const heap = createGrowHeap(BINNED, 5, 2, kind);
  expect(heap.kind).toBe(kind);
  heap.gradHess.set(GRAD_HESS);
  heap.rows.set([4, 1, 3, 0, 2]);
  const hist = heap.acquireHistogram();
  heap.histogram(hist).fill(7); // stale values from a pooled buffer must not leak into the result
  heap.buildChild(hist, 1, 4);
  const child = listBins(heap.histogram(hist), 2);
  heap.buildRoot(hist);
  return { root: listBins(heap.histogram(hist), 2), child };
}

describe('grow heap (WebAssembly kernels and JavaScript loops)', () => {
  it('the assembled module is valid WebAssembly, under the 4 kB Chrome compiles synchronously on the main thread', () => {
    expect([WebAssembly.validate(KERNEL_BYTES), KERNEL_BYTES.length < 4096]).toEqual([true, true]);
  });

  it('LEB128 encodings', () => {
    expect([encodeUnsigned(0), encodeUnsigned(127), encodeUnsigned(128), encodeUnsigned(6144)]).toEqual([[0], [127], [128, 1], [128, 48]]);
    expect([encodeSigned(-1), encodeSigned(63), encodeSigned(64), encodeSigned(24)]).toEqual([[127], [63], [192, 0], [24]]);
  });

  it('WebAssembly and JavaScript histograms hold the same sums (root: all rows; child: rows 1, 3, 0)', () => {
    const expected = {
      root: [
        [0, 0, 4.5, 2.25, 2], [0, 2, 1, 1.5, 2], [0, 255, -0.125, 0.75, 1],
        [1, 0, 2, 1, 1], [1, 1, -0.5, 0.75, 2], [1, 3, -0.125, 0.75, 1], [1, 255, 4, 2, 1],
      ],
      child: [[0, 0, 0.5, 0.25, 1], [0, 2, -1, 0.5, 1], [0, 255, -0.125, 0.75, 1], [1, 1, -0.5, 0.75, 2], [1, 3, -0.125, 0.75, 1]],
    };
    expect(buildBoth('wasm')).toEqual(expected);
    expect(buildBoth('js')).toEqual(expected);
  });

  it('the heap starts with the identity partition and a row-major copy of the bins', () => {
    const heap = createGrowHeap(BINNED, 5, 2);
    expect([...heap.rows]).toEqual([0, 1, 2, 3, 4]);
    expect([...heap.rowMajor]).toEqual([0, 1, 2, 1, 2, 0, 255, 3, 0, 255]);
    expect([...heap.binned]).toEqual([...BINNED]);
  });

  it('partitions a node\'s rows stably, the same in both implementations', () => {
    for (const kind of ['wasm', 'js'] as const) {
      const heap = createGrowHeap(BINNED, 5, 2, kind);
      const goesLeft = new Uint8Array(256);
      goesLeft[0] = 1;
      goesLeft[255] = 1;
      // Feature 0 over rows 1 … 4 (bins 2, 2, 255, 0): rows 3 and 4 go left.
      expect(heap.partition(0, goesLeft, 1, 5)).toBe(2);
      expect([...heap.rows]).toEqual([0, 3, 4, 1, 2]);
      // Feature 1 over rows 0, 3, 4, 1 (bins 1, 3, 255, 1): row 4 goes left.
      expect(heap.partition(1, goesLeft, 0, 4)).toBe(1);
      expect([...heap.rows]).toEqual([4, 0, 3, 1, 2]);
    }
  });

  it('with 5 features (4 per unrolled step + 1) both implementations give the same histograms', () => {
    const binned = Uint8Array.from({ length: 30 }, (_, i) => (i * 37) % 11);
    const build = (kind: 'wasm' | 'js'): number[][] => {
      const heap = createGrowHeap(binned, 6, 5, kind);
      heap.gradHess.set(Float64Array.from({ length: 12 }, (_, i) => (i % 5) - 1.5));
      heap.rows.set([5, 2, 0, 4, 1, 3]);
      const hist = heap.acquireHistogram();
      heap.buildChild(hist, 1, 5);
      const child = listBins(heap.histogram(hist), 5);
      heap.buildRoot(hist);
      return [...child, ...listBins(heap.histogram(hist), 5)];
    };
    const wasm = build('wasm');
    expect(wasm.length).toBe(50); // 4 child rows and 6 rows × 5 features, no two rows sharing a bin
    // Feature 0 of child rows 0, 1, 4 (bins 0, 4, 5): (g, h) of row i = ((2i mod 5) − 1.5, ((2i + 1) mod 5) − 1.5).
    expect(wasm.slice(0, 3)).toEqual([[0, 0, -1.5, -0.5, 1], [0, 4, 0.5, 1.5, 1], [0, 5, 1.5, 2.5, 1]]);
    expect(wasm).toEqual(build('js'));
  });

  it('subtracts histograms and keeps bins and rows readable while the pool grows past its first memory', () => {
    for (const kind of ['wasm', 'js'] as const) {
      const heap = createGrowHeap(BINNED, 5, 2, kind);
      heap.gradHess.set(GRAD_HESS);
      const ids = Array.from({ length: 20 }, () => heap.acquireHistogram());
      expect(new Set(ids).size).toBe(20);
      const [parent, child] = [ids[19], ids[0]];
      heap.buildRoot(parent);
      heap.buildChild(child, 0, 2); // rows 0 and 1
      heap.subtract(parent, child);
      expect(listBins(heap.histogram(parent), 2)).toEqual([
        [0, 0, 4, 2, 1], [0, 2, 2, 1, 1], [0, 255, -0.125, 0.75, 1], [1, 0, 2, 1, 1], [1, 3, -0.125, 0.75, 1], [1, 255, 4, 2, 1],
      ]);
      expect([...heap.binned]).toEqual([...BINNED]);
      expect([...heap.rows]).toEqual([0, 1, 2, 3, 4]);
      heap.releaseHistogram(child);
      expect(heap.acquireHistogram()).toBe(child);
    }
  });

  it('adds leaf values to the raw scores of each leaf\'s rows, in both implementations', () => {
    for (const kind of ['wasm', 'js'] as const) {
      const heap = createGrowHeap(BINNED, 5, 2, kind);
      heap.rows.set([3, 0, 4, 1, 2]);
      const raw = Float64Array.of(1, 2, 3, 4, 5);
      heap.addLeafValues(raw, [{ start: 0, end: 2, value: 0.5 }, { start: 2, end: 5, value: -0.25 }, { start: 4, end: 4, value: 9 }]);
      expect([...raw]).toEqual([1.5, 1.75, 2.75, 4.5, 4.75]);
    }
  });
});
