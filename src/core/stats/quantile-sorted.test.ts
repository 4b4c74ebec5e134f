import { describe, expect, it } from 'vitest';
import { mquantileSorted, quantileSorted } from './quantile-sorted';

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

describe('mquantileSorted', () => {
  it('is scipy.stats.mstats.mquantiles with alphap = betap = 0.4 (scipy 1.17: mquantiles([1, 2, 3, 4, 10], [0.05, 0.3, 0.5, 0.95]))', () => {
    const sorted = Float64Array.of(1, 2, 3, 4, 10);
    expect([0.05, 0.3, 0.5, 0.95].map((p) => mquantileSorted(sorted, p))).toEqual([1, 1.96, 3, 10]);
  });
});
