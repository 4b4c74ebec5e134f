// Early stopping for boosting: the internal validation split (stratified for classifiers, seeded) and
// sklearn's patience rule on the validation loss.

import { createRandom, shuffleInPlace } from '../../../random/prng';
import type { FeatureMatrix } from '../../types';

/** Sorted train and validation row indices: `fraction` of each class (or of all rows) held out. */
export function splitValidationRows(y: Float64Array, classes: number, fraction: number, seed: number): { train: Uint32Array; validation: Uint32Array } {
  const random = createRandom(seed);
  const groups: number[][] = Array.from({ length: Math.max(1, classes) }, () => []);
  for (let i = 0; i < y.length; i++) groups[classes > 0 ? y[i] : 0].push(i);
  const train: number[] = [];
  const validation: number[] = [];
  for (const group of groups) {
    const rows = shuffleInPlace(Uint32Array.from(group), random);
    const held = Math.round(group.length * fraction);
    for (let i = 0; i < rows.length; i++) (i < held ? validation : train).push(rows[i]);
  }
  return { train: Uint32Array.from(train).sort(), validation: Uint32Array.from(validation).sort() };
}

/** The rows of X as a new matrix. */
export function selectRows(X: FeatureMatrix, rows: Uint32Array): FeatureMatrix {
  const values = new Float64Array(rows.length * X.cols);
  for (let i = 0; i < rows.length; i++) values.set(X.values.subarray(rows[i] * X.cols, (rows[i] + 1) * X.cols), i * X.cols);
  return { ...X, values, rows: rows.length };
}

/**
 * sklearn's _should_stop on losses: stop when none of the last `patience` losses beat the loss `patience`
 * rounds before them by more than `tol`. `losses[0]` is the baseline's.
 */
export function shouldStopEarly(losses: readonly number[], patience: number, tol: number): boolean {
  if (losses.length < patience + 1) return false;
  const reference = losses[losses.length - patience - 1] - tol;
  for (let i = losses.length - patience; i < losses.length; i++) if (losses[i] < reference) return false;
  return true;
}
