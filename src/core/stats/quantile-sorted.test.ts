import { describe, expect, it } from 'vitest';
import { quantileSorted } from './quantile-sorted';

describe('quantileSorted', () => {
  it('interpolates linearly as numpy and is NaN for no values', () => {
    expect([0, 0.25, 0.5, 1].map((q) => quantileSorted([1, 2, 4, 8], q))).toEqual([1, 1.75, 3, 8]);
    expect(quantileSorted([], 0.5)).toEqual(Number.NaN);
  });
});

describe('quantileSorted against numpy 1.24', () => {
  it('takes the virtual index as (n − 1)·q: np.percentile([14, 31], 5) = 14.85, not 14.850000000000001', () => {
    expect([quantileSorted([14, 31], 0.05), quantileSorted([14, 31], 0.95)]).toEqual([14.85, 30.15]);
  });
});
