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

  it('counts decimals of up to 6 fraction digits on the bit set, and values that need more hashed, alike', () => {
    // Prices 0.00–999.99 (100,000 distinct, each twice) and NaN; then one price made 1e-7 (7 digits: hashed).
    const prices = Float64Array.from({ length: 200_001 }, (_, i) => (i === 200_000 ? NaN : (i % 100_000) / 100));
    const finer = prices.slice();
    finer[0] = 1e-7;
    expect([countDistinctNumbers(prices), countDistinctNumbers(finer), countDistinctNumbers(Float64Array.of(0.1, 0.2, 0.30000000000000004, 0.3))]).toEqual([100_000, 100_001, 4]);
  });
});
