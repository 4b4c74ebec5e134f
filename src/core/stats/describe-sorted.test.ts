import { describe, expect, it } from 'vitest';
import { describeSorted, sortPresentAt } from './describe-sorted';
import { readSample, roundDeep, STATS_REFERENCE } from './fixtures/read-reference';

describe('describeSorted', () => {
  it('equals pandas describe (5/25/50/75/95 %) on every reference sample, NaN left out', () => {
    const samples = STATS_REFERENCE.samples as Record<string, (number | null)[]>;
    const ours = Object.fromEntries(Object.entries(samples).map(([name, values]) => {
      const all = readSample(values);
      return [name, describeSorted(sortPresentAt(all, Uint32Array.from(all.keys())))];
    }));
    expect(roundDeep(ours)).toEqual(roundDeep(STATS_REFERENCE.describe));
  });

  it('is null for no values and reads only the rows asked for', () => {
    expect([describeSorted([]), Array.from(sortPresentAt([5, Number.NaN, 1, 3], [3, 1, 0]))]).toEqual([null, [3, 5]]);
  });
});
