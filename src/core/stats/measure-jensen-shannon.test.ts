import { describe, expect, it } from 'vitest';
import { measureJensenShannon } from './measure-jensen-shannon';
import { DRIFT_REFERENCE } from './fixtures/read-drift-reference';
import { roundDeep } from './fixtures/read-reference';

describe('measureJensenShannon', () => {
  it('equals scipy jensenshannon(reference, batch, base=2) on category counts (one side only included) and on PSI bins', () => {
    const ours = [
      ...DRIFT_REFERENCE.categories.map((c) => measureJensenShannon(c.referenceCounts, c.batchCounts)),
      ...DRIFT_REFERENCE.numeric.map((c) => measureJensenShannon(c.referenceCounts, c.batchCounts)),
    ];
    const scipy = [...DRIFT_REFERENCE.categories, ...DRIFT_REFERENCE.numeric].map((c) => c.jensenShannon);
    expect(roundDeep(ours)).toEqual(roundDeep(scipy));
  });

  it('is 0 for the same proportions, 1 with nothing in common (base 2), NaN for an empty side', () => {
    expect([measureJensenShannon([1, 2], [2, 4]), measureJensenShannon([1, 0], [0, 3]), measureJensenShannon([0, 0], [1, 1])]).toEqual([0, 1, Number.NaN]);
  });
});
