import { describe, expect, it } from 'vitest';
import { measureWasserstein } from './measure-wasserstein';
import { DRIFT_REFERENCE, readSortedSample } from './fixtures/read-drift-reference';
import { roundDeep } from './fixtures/read-reference';

describe('measureWasserstein', () => {
  it('equals scipy.stats.wasserstein_distance(reference, batch) on ties, empty bins, tiny and constant samples', () => {
    const ours = DRIFT_REFERENCE.numeric.map((c) => ({ name: c.name, w: measureWasserstein(readSortedSample(c.reference), readSortedSample(c.batch)) }));
    expect(roundDeep(ours)).toEqual(roundDeep(DRIFT_REFERENCE.numeric.map((c) => ({ name: c.name, w: c.wasserstein }))));
  });

  it('is the shift between a sample and its translate, 0 for equal samples, NaN for an empty one', () => {
    expect([measureWasserstein([1, 2, 3], [3, 4, 5]), measureWasserstein([1, 1, 2], [1, 1, 2]), measureWasserstein([], [1])]).toEqual([2, 0, Number.NaN]);
  });
});
