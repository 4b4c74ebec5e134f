import { describe, expect, it } from 'vitest';
import { countDistinctNumbers } from './count-distinct';

describe('countDistinctNumbers on many values', () => {
  it('counts exactly past the small set (partitioned path), with NaN, -0 and repeats', () => {
    // 30,000 distinct multiples of 0.001 (twice each), plus 0, -0 and NaN.
    const values = Float64Array.from({ length: 60_003 }, (_, i) => (i >= 60_000 ? [0, -0, NaN][i - 60_000] : ((i % 30_000) + 1) / 1000));
    expect([countDistinctNumbers(values), countDistinctNumbers(values.subarray(0, 5000))]).toEqual([30_001, 5000]);
  });

  it('counts whole numbers in a narrow span with a bit set, and wide or fractional ones hashed, alike', () => {
    // 100,000 ids 5..100,004 (each twice), NaN, -0/0 and -7; then one copy of id 5 made 1e15 (a wide span: hashed).
    const ids = Float64Array.from({ length: 200_004 }, (_, i) => (i >= 200_000 ? [NaN, -0, 0, -7][i - 200_000] : (i % 100_000) + 5));
    const wide = ids.slice();
    wide[0] = 1e15;
    expect([countDistinctNumbers(ids), countDistinctNumbers(wide), countDistinctNumbers(Float64Array.of(NaN, NaN))]).toEqual([100_002, 100_003, 0]);
  });
});
