import { describe, expect, it } from 'vitest';
import { countDistinctNumbers } from './count-distinct';

describe('countDistinctNumbers on many values', () => {
  it('counts exactly past the small set (partitioned path), with NaN, -0 and repeats', () => {
    // 30,000 distinct multiples of 0.001 (twice each), plus 0, -0 and NaN.
    const values = Float64Array.from({ length: 60_003 }, (_, i) => (i >= 60_000 ? [0, -0, NaN][i - 60_000] : ((i % 30_000) + 1) / 1000));
    expect([countDistinctNumbers(values), countDistinctNumbers(values.subarray(0, 5000))]).toEqual([30_001, 5000]);
  });
});
