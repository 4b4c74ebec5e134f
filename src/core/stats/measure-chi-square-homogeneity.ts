// Pearson's chi-square test of homogeneity between two category-count vectors, as scipy.stats.chi2_contingency
// computes it on the 2 × K table [reference; batch]: categories empty on both sides are dropped first (scipy refuses
// a zero expected count), categories present on one side only stay; Yates' continuity correction is applied only
// when dof = 1 (a 2 × 2 table), each cell moved by at most 0.5 and never past its expected count (scipy ≥ 1.7).

import { computeChiSquareSurvival } from './distribution-tails';
import { sumPairwise } from './numpy-stats';

/** The statistic, its upper-tail p-value and degrees of freedom (categories kept − 1); NaN when a side has no counts. */
export interface ChiSquareResult {
  readonly statistic: number;
  readonly pValue: number;
  readonly dof: number;
  /** True when Yates' correction was applied (dof = 1). */
  readonly yates: boolean;
}

/** Compares `reference[k]` with `batch[k]` (non-negative counts of the same category k). */
export function measureChiSquareHomogeneity(reference: readonly number[], batch: readonly number[]): ChiSquareResult {
  const kept = reference.map((_, k) => k).filter((k) => reference[k] + batch[k] > 0);
  const referenceTotal = kept.reduce((sum, k) => sum + reference[k], 0);
  const batchTotal = kept.reduce((sum, k) => sum + batch[k], 0);
  const dof = kept.length - 1;
  if (referenceTotal === 0 || batchTotal === 0) return { statistic: Number.NaN, pValue: Number.NaN, dof, yates: false };
  if (dof <= 0) return { statistic: 0, pValue: 1, dof: 0, yates: false };
  const total = referenceTotal + batchTotal;
  // Row-major terms of the 2 × K table, summed the way numpy sums them (pairwise), so the statistic matches to the bit.
  const terms = new Float64Array(2 * kept.length);
  const rows = [{ counts: reference, rowTotal: referenceTotal }, { counts: batch, rowTotal: batchTotal }];
  rows.forEach(({ counts, rowTotal }, row) => {
    kept.forEach((k, at) => {
      const expected = (rowTotal * (reference[k] + batch[k])) / total;
      let observed = counts[k];
      if (dof === 1) observed += Math.sign(expected - observed) * Math.min(0.5, Math.abs(expected - observed));
      terms[row * kept.length + at] = ((observed - expected) * (observed - expected)) / expected;
    });
  });
  const statistic = sumPairwise(terms);
  return { statistic, pValue: computeChiSquareSurvival(statistic, dof), dof, yates: dof === 1 };
}
