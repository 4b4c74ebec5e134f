import { describe, expect, it } from 'vitest';
import { isLargeForProfile, PARALLEL_PROFILE_MIN_CELLS } from './large-table';

describe('isLargeForProfile', () => {
  it('is true from 200,000 cells on', () => {
    expect(PARALLEL_PROFILE_MIN_CELLS).toBe(200_000);
    expect([isLargeForProfile(19_999, 10), isLargeForProfile(20_000, 10), isLargeForProfile(1_000_000, 1), isLargeForProfile(0, 5000)]).toEqual([false, true, true, false]);
  });
});
