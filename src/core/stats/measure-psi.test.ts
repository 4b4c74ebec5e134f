import { describe, expect, it } from 'vitest';
import { choosePsiCuts, countPsiBins, measurePsi, PSI_BINS, PSI_FLOOR } from './measure-psi';
import { DRIFT_REFERENCE, readSortedSample } from './fixtures/read-drift-reference';
import { roundDeep } from './fixtures/read-reference';

describe('PSI', () => {
  it('uses the binning the reference script documents (10 quantile bins, floor 1e-4)', () => {
    expect(DRIFT_REFERENCE.psi).toEqual({ bins: PSI_BINS, floor: PSI_FLOOR });
  });

  it('cuts, counts and PSI equal the numpy reference: ties collapse cut points, empty bins are floored, tiny and constant samples', () => {
    const ours = DRIFT_REFERENCE.numeric.map((c) => {
      const cuts = choosePsiCuts(readSortedSample(c.reference));
      const referenceCounts = countPsiBins(c.reference, cuts);
      const batchCounts = countPsiBins(c.batch, cuts);
      return { name: c.name, cuts, referenceCounts, batchCounts, psi: measurePsi(referenceCounts, batchCounts) };
    });
    expect(roundDeep(ours)).toEqual(roundDeep(DRIFT_REFERENCE.numeric.map(({ name, cuts, referenceCounts, batchCounts, psi }) => ({ name, cuts, referenceCounts, batchCounts, psi }))));
  });

  it('over categories equals the reference (a category on one side only counts as 1e-4 on the other)', () => {
    const ours = DRIFT_REFERENCE.categories.map((c) => measurePsi(c.referenceCounts, c.batchCounts));
    expect(roundDeep(ours)).toEqual(roundDeep(DRIFT_REFERENCE.categories.map((c) => c.psi)));
  });

  it('closes bins on the right: a value equal to a cut point falls below it; NaN is left out', () => {
    expect(countPsiBins([1, 1.5, 2, 2.5, 3, Number.NaN], [1, 2])).toEqual([1, 2, 2]); // (−∞, 1] ∋ 1; (1, 2] ∋ 1.5, 2; (2, ∞) ∋ 2.5, 3
    expect(choosePsiCuts([5, 5, 5])).toEqual([5]);
    expect(measurePsi([1, 2], [0, 0])).toBeNaN();
  });
});
