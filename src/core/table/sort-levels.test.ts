import { describe, expect, it } from 'vitest';
import { compareLabels, sortLevels } from './sort-levels';

describe('sortLevels', () => {
  it('sorts levels in code-unit order and renumbers codes, keeping −1 missing', () => {
    const { codes, levels } = sortLevels(Int32Array.from([0, 1, 2, -1, 0, 3]), ['b', 'a', 'c', 'B']);
    expect([levels, Array.from(codes)]).toEqual([['B', 'a', 'b', 'c'], [2, 1, 3, -1, 2, 0]]);
  });

  it('returns the same codes when the levels are already sorted', () => {
    const input = Int32Array.from([1, 0]);
    expect(sortLevels(input, ['x', 'y']).codes).toBe(input);
  });

  it('orders numbers written as text the way Python sorts strings ("10" before "9")', () => {
    expect(['9', '10', '1'].sort(compareLabels)).toEqual(['1', '10', '9']);
  });
});
