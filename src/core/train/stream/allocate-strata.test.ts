import { describe, expect, it } from 'vitest';
import { allocateStrata, STRATUM_FLOOR_ROWS } from './allocate-strata';

describe('allocateStrata', () => {
  it('gives each class its floor, the rest in proportion, summing to the sample', () => {
    // 1,000 rows from 9,000 / 900 / 100: floors of 33 (a tenth of 1,000 over 3 classes), then shares of the rest.
    const taken = allocateStrata([9000, 900, 100], 1000);
    expect(taken.reduce((s, v) => s + v, 0)).toBe(1000);
    expect(taken[2]).toBeGreaterThanOrEqual(33);
    expect(taken[0]).toBeGreaterThan(taken[1]);
    expect(taken[1]).toBeGreaterThan(taken[2]);
  });

  it('never takes more rows of a class than it has, giving the rest to the others', () => {
    expect(allocateStrata([5, 1000], 200)).toEqual([5, 195]);
    expect(allocateStrata([3, 4], 7)).toEqual([3, 4]);
  });

  it('caps the floor at STRATUM_FLOOR_ROWS (a tenth of the sample would be 3,333 here) and handles no classes', () => {
    const taken = allocateStrata([1_000_000, 1_000_000, 1_000], 100_000);
    // The floor (50) plus the class's share of the rest: 99,850 × 1,000 / 2,001,000 ≈ 49.9.
    expect(taken[2]).toBeGreaterThanOrEqual(STRATUM_FLOOR_ROWS + 49);
    expect(taken[2]).toBeLessThanOrEqual(STRATUM_FLOOR_ROWS + 50);
    expect(taken.reduce((s, v) => s + v, 0)).toBe(100_000);
    expect(allocateStrata([100, 100, 100], 300)).toEqual([100, 100, 100]);
    expect(allocateStrata([], 10)).toEqual([]);
  });
});
