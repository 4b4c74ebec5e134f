import { describe, expect, it } from 'vitest';
import { quantileSorted } from './quantile-sorted';

describe('quantileSorted', () => {
  it('interpolates linearly as numpy and is NaN for no values', () => {
    expect([0, 0.25, 0.5, 1].map((q) => quantileSorted([1, 2, 4, 8], q))).toEqual([1, 1.75, 3, 8]);
    expect(quantileSorted([], 0.5)).toEqual(Number.NaN);
  });
});
