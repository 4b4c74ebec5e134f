import { describe, expect, it } from 'vitest';
import { hashBytes, hashNumber } from './hash-values';
import { addHash, createHyperLogLog, estimateDistinct, HLL_STANDARD_ERROR, mergeHyperLogLog, parseHyperLogLog, serializeHyperLogLog } from './hyper-log-log';

function sketchNumbers(from: number, to: number, step = 1) {
  const sketch = createHyperLogLog();
  const add = (high: number, low: number) => addHash(sketch, high, low);
  for (let x = from; x < to; x += step) hashNumber(x * 0.5, add);
  return sketch;
}

describe('HyperLogLog (precision 14)', () => {
  it('states ±0.81 % standard error', () => {
    expect(HLL_STANDARD_ERROR).toBeCloseTo(0.008125, 6);
  });

  it.each([100, 10_000, 1_000_000])('estimates %i distinct numbers within 3σ, repeats not counted', (n) => {
    const sketch = sketchNumbers(0, n);
    const add = (high: number, low: number) => addHash(sketch, high, low);
    for (let x = 0; x < Math.min(n, 1000); x++) hashNumber(x * 0.5, add); // repeats
    expect(Math.abs(estimateDistinct(sketch) / n - 1)).toBeLessThan(3 * HLL_STANDARD_ERROR);
  });

  it('estimates 100,000 distinct byte strings within 3σ', () => {
    const sketch = createHyperLogLog();
    const encoder = new TextEncoder();
    const add = (high: number, low: number) => addHash(sketch, high, low);
    for (let i = 0; i < 100_000; i++) {
      const bytes = encoder.encode(`id-${i}`);
      hashBytes(bytes, 0, bytes.length, add);
    }
    expect(Math.abs(estimateDistinct(sketch) / 100_000 - 1)).toBeLessThan(3 * HLL_STANDARD_ERROR);
  });

  it('merges by register maximum: overlapping halves count once', () => {
    const merged = mergeHyperLogLog(sketchNumbers(0, 600_000), sketchNumbers(400_000, 1_000_000));
    expect(Math.abs(estimateDistinct(merged) / 1_000_000 - 1)).toBeLessThan(3 * HLL_STANDARD_ERROR);
    expect(merged.registers).toEqual(sketchNumbers(0, 1_000_000).registers);
  });

  it('round-trips through plain JSON', () => {
    const sketch = sketchNumbers(0, 5_000);
    const json = JSON.parse(JSON.stringify(serializeHyperLogLog(sketch)));
    expect(parseHyperLogLog(json).registers).toEqual(sketch.registers);
    expect(() => parseHyperLogLog({ precision: 12, registers: '' })).toThrow(/precision 14/);
  });
});
