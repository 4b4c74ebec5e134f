// Turning fractions into whole row counts (largest remainder), shared by holdout splits.

import { DataError } from '../errors';
import { DEFAULT_FRACTIONS, type SplitFractions } from './split-spec';

/** Validated fractions (defaults filled in); DataError when negative or not summing to 1. */
export function readFractions(fractions: SplitFractions | undefined): [number, number, number] {
  const f = fractions ?? DEFAULT_FRACTIONS;
  const values: [number, number, number] = [f.train, f.validation, f.test];
  if (values.some((v) => !Number.isFinite(v) || v < 0) || Math.abs(values[0] + values[1] + values[2] - 1) > 1e-9 || f.train <= 0) {
    throw new DataError(
      `Split fractions train ${f.train}, validation ${f.validation}, test ${f.test} must be ≥ 0, train > 0, and add up to 1.`,
    );
  }
  return values;
}

/** Whole counts adding up to `n`, each floor or ceil of n·fraction (largest remainder; ties favour train). */
export function allocateCounts(n: number, fractions: readonly number[]): number[] {
  const exact = fractions.map((f) => n * f);
  const counts = exact.map((x) => Math.floor(x + 1e-9));
  let left = n - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => i).sort((a, b) => exact[b] - counts[b] - (exact[a] - counts[a]) || a - b);
  for (let i = 0; left > 0; i = (i + 1) % order.length, left--) counts[order[i]]++;
  return counts;
}
