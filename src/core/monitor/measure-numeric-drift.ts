// Drift of one number or date column: the batch's present values against the contract's reference sample — KS
// (scipy's default method), PSI on the reference's decile bins, Wasserstein-1, Jensen–Shannon on the same bins.

import { measureJensenShannon } from '../stats/measure-jensen-shannon';
import { measureKsTwoSample } from '../stats/measure-ks-two-sample';
import { choosePsiCuts, countPsiBins, measurePsi } from '../stats/measure-psi';
import { measureWasserstein } from '../stats/measure-wasserstein';
import type { NumericFeatureDrift } from './drift-types';
import { countOverlay } from './overlay-histogram';

export type NumericMeasures = Pick<NumericFeatureDrift, 'ks' | 'psi' | 'wasserstein' | 'jensenShannon' | 'psiBins' | 'overlay'>;

/** Measures `batch` against `reference`, both ascending, finite and non-empty (epoch ms for dates). */
export function measureNumericDrift(reference: Float64Array, batch: Float64Array): NumericMeasures {
  const cuts = choosePsiCuts(reference);
  const referenceCounts = countPsiBins(reference, cuts);
  const batchCounts = countPsiBins(batch, cuts);
  return {
    ks: measureKsTwoSample(reference, batch),
    psi: measurePsi(referenceCounts, batchCounts),
    wasserstein: measureWasserstein(reference, batch),
    jensenShannon: measureJensenShannon(referenceCounts, batchCounts),
    psiBins: { cuts, referenceCounts, batchCounts },
    overlay: countOverlay(reference, batch),
  };
}
