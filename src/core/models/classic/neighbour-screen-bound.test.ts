// The screen's threshold is never below the float32 distance of a row whose exact distance is the bound: pairs of
// rows at many scales (near 0, offset by 1e6, spread to 1e12, differing below float32's step), both metrics.

import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random/prng';
import { measureReduced } from './neighbour-distance';
import { computeScreenThreshold, measureScreenNorm } from './neighbour-screen-bound';

/** The kernel's sum (distance-kernel-f32.test.ts checks the kernel against it). */
function screenInJs(a: Float64Array, b: Float64Array, manhattan: boolean): number {
  const f = Math.fround;
  const lanes = [0, 0, 0, 0];
  for (let j = 0; j < a.length; j++) {
    const d = f(f(a[j]) - f(b[j]));
    lanes[j % 4] = f(lanes[j % 4] + (manhattan ? Math.abs(d) : f(d * d)));
  }
  return f(f(lanes[0] + lanes[2]) + f(lanes[1] + lanes[3]));
}

describe('computeScreenThreshold', () => {
  it.each(['euclidean', 'manhattan'] as const)('covers the float32 distance of every row at the bound (%s)', (metric) => {
    const random = createRandom(5);
    const misses: string[] = [];
    for (let trial = 0; trial < 3000; trial++) {
      const cols = 1 + Math.floor(random() * 60);
      const scale = 10 ** Math.floor(random() * 13 - 6);
      const offset = random() < 0.3 ? 1e6 : 0;
      const a = Float64Array.from({ length: cols }, () => offset + (random() - 0.5) * scale);
      const b = Float64Array.from(a, (v) => (random() < 0.5 ? v : v + (random() - 0.5) * scale * 10 ** -Math.floor(random() * 9)));
      const exact = measureReduced(a, 0, b, 0, cols, metric === 'manhattan', Infinity);
      const threshold = computeScreenThreshold(exact, measureScreenNorm(a, 0, cols, metric), measureScreenNorm(b, 0, cols, metric), cols, metric);
      const screened = screenInJs(a, b, metric === 'manhattan');
      if (!(screened <= threshold)) misses.push(`trial ${trial}: ${screened} > ${threshold}`);
    }
    expect(misses).toEqual([]);
  });

  it('is Infinity while the bound is, and a norm is Infinity past 2^48', () => {
    expect([computeScreenThreshold(Infinity, 1, 1, 3, 'euclidean'), measureScreenNorm(Float64Array.of(1, 2 ** 49), 0, 2, 'euclidean')]).toEqual([Infinity, Infinity]);
  });
});
