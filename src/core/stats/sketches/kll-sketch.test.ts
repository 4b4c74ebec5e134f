import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random/prng';
import { addKll, countKllItems, createKll, estimateQuantiles, KLL_RANK_ERROR, mergeKll } from './kll-sketch';

const QS = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

/** A seeded skewed stream: lognormal-ish values from a Box–Muller normal. */
function makeStream(n: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: n }, () => Math.exp(Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())));
}

/** The largest |rank(estimate)/n − q| over QS, ranks counted in the sorted exact values. */
function measureRankError(sorted: Float64Array, estimates: readonly number[]): number {
  let worst = 0;
  estimates.forEach((x, i) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] <= x) lo = mid + 1; else hi = mid; }
    worst = Math.max(worst, Math.abs(lo / sorted.length - QS[i]));
  });
  return worst;
}

function feed(values: Float64Array, chunkRows = 65_536, seed = 7) {
  const sketch = createKll(undefined, seed);
  for (let at = 0; at < values.length; at += chunkRows) addKll(sketch, values.subarray(at, at + chunkRows));
  return sketch;
}

describe('KLL sketch', () => {
  const values = makeStream(1_000_000, 42);
  const sorted = Float64Array.from(values).sort();

  it('keeps the rank error of 99 quantiles of 1M values within ±1.33 % with few items', () => {
    const sketch = feed(values);
    expect(sketch.n).toBe(1_000_000);
    expect(measureRankError(sorted, estimateQuantiles(sketch, QS))).toBeLessThan(KLL_RANK_ERROR);
    expect(countKllItems(sketch)).toBeLessThan(1_000);
    expect(estimateQuantiles(sketch, [0, 1])).toEqual([sorted[0], sorted[sorted.length - 1]]);
  });

  it('keeps the bound when two halves are sketched apart and merged', () => {
    const merged = mergeKll(feed(values.subarray(0, 400_000), 10_000, 1), feed(values.subarray(400_000), 65_536, 2));
    expect(merged.n).toBe(1_000_000);
    expect(measureRankError(sorted, estimateQuantiles(merged, QS))).toBeLessThan(KLL_RANK_ERROR);
  });

  it('is exact while the values fit, skips NaN, and survives JSON', () => {
    const sketch = createKll();
    addKll(sketch, [5, NaN, 1, 3, 2, 4]);
    expect(sketch.n).toBe(5);
    expect(estimateQuantiles(JSON.parse(JSON.stringify(sketch)), [0, 0.5, 1])).toEqual([1, 3, 5]);
    expect(estimateQuantiles(createKll(), [0.5])).toEqual([NaN]);
  });
});
