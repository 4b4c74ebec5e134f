import { describe, expect, it } from 'vitest';
import type { MetricFunction } from '../evaluate/bootstrap-metric';
import { bootstrapDifference, countRepeats } from './bootstrap-difference';

/** Accuracy of predicted labels (other holds one label per row); undefined on no rows. */
const accuracy: MetricFunction = (yTrue, predicted) => {
  if (yTrue.length === 0) return { value: null, reason: 'no rows' };
  let right = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === predicted[i]) right++;
  return { value: right / yTrue.length };
};

const side = (yTrue: number[], predicted: number[]) => ({ yTrue: Float64Array.from(yTrue), other: Float64Array.from(predicted), width: 1 });
const OPTIONS = { repeats: 400, level: 0.95, seed: 7 };

describe('bootstrapDifference', () => {
  it('paired on the same rows: two identical sides differ by exactly 0 in every resample', () => {
    const a = side([1, 0, 1, 1, 0, 1, 0, 0], [1, 0, 0, 1, 0, 1, 1, 0]);
    expect(bootstrapDifference(a, a, accuracy, { ...OPTIONS, paired: true })).toEqual({ value: 0, low: 0, high: 0, level: 0.95, repeats: 400 });
  });

  it('unpaired: a challenger right on every row beats a champion right on half, the interval above 0 and holding the difference', () => {
    const champion = side(Array.from({ length: 40 }, (_, i) => i % 2), Array.from({ length: 40 }, () => 0));
    const challenger = side(Array.from({ length: 30 }, (_, i) => i % 2), Array.from({ length: 30 }, (_, i) => i % 2));
    const interval = bootstrapDifference(champion, challenger, accuracy, { ...OPTIONS, paired: false });
    expect(interval.value).toBe(0.5);
    expect(interval.low! > 0 && interval.low! <= 0.5 && interval.high! >= 0.5 && interval.high! <= 1).toBe(true);
  });

  it('says nothing when the metric is undefined on a side, and resamples less as the sides grow', () => {
    expect(bootstrapDifference(side([], []), side([1], [1]), accuracy, { ...OPTIONS, paired: false })).toEqual({ value: null, low: null, high: null, level: 0.95, repeats: 0 });
    expect([countRepeats(100), countRepeats(40_000), countRepeats(10_000_000)]).toEqual([1000, 500, 200]);
  });
});
