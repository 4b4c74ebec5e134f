import { describe, expect, it } from 'vitest';
import { createGrowHeap } from './grow-heap';

/** The JavaScript form (boosting-loss.ts's binomial gradients) for one raw score. */
function referenceGradients(raw: number, y: number): [number, number] {
  const p = 1 / (1 + Math.exp(-raw));
  return [p - y, p * (1 - p)];
}

describe('logistic gradient kernel', () => {
  it('gives exact values at raw 0 and saturates beyond ±708 (odd row count: the padding row is not read back)', () => {
    const raw = Float64Array.of(0, 0, 800, -800, -Infinity);
    const y = Float64Array.of(0, 1, 1, 0, 0);
    const heap = createGrowHeap(new Uint8Array(5), 5, 1);
    expect(heap.loadLogisticGradients(raw, y)).toBe(true);
    // Beyond ±708 the exponent is clamped: p = 1 / (1 + e^708) ≈ 3.3e−308 where Math.exp's form gives 0.
    const tiny = 3.3075530036384083e-308;
    expect([...heap.gradHess]).toEqual([0.5, 0.25, -0.5, 0.25, 0, 0, tiny, tiny, tiny, tiny]);
  });

  it('stays within 4 ulp of the Math.exp form over raw scores from −40 to 40', () => {
    const n = 8001;
    const raw = Float64Array.from({ length: n }, (_, i) => (i - 4000) / 100 + 1 / 3);
    const y = Float64Array.from({ length: n }, (_, i) => i % 2);
    const heap = createGrowHeap(new Uint8Array(n), n, 1);
    heap.loadLogisticGradients(raw, y);
    let worstUlp = 0;
    for (let i = 0; i < n; i++) {
      const [g, h] = referenceGradients(raw[i], y[i]);
      const ulp = (v: number): number => Math.max(Number.MIN_VALUE, Math.abs(v) * Number.EPSILON);
      worstUlp = Math.max(worstUlp, Math.abs(heap.gradHess[2 * i] - g) / ulp(g), Math.abs(heap.gradHess[2 * i + 1] - h) / ulp(h));
    }
    expect(worstUlp).toBeLessThanOrEqual(4); // measured: 3.14
  });

  it('the JavaScript heap has no kernel: the caller computes the gradients', () => {
    expect(createGrowHeap(new Uint8Array(2), 2, 1, 'js').loadLogisticGradients(Float64Array.of(0, 1), Float64Array.of(0, 1))).toBe(false);
  });
});
