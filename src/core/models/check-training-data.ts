// The training-data checks every model family runs before a fit: rows, the target (finite values, class indices,
// at least two classes present) and NaN features for families that cannot take them. Each failure is a
// ModelSpecError that names the bad value (rows counted from 1) and says what to do.

import { ModelSpecError } from '../errors';
import type { FeatureMatrix, Target } from './types';

/** Throws naming the first feature column that holds NaN (families that cannot take missing values). */
export function assertNoMissing(kind: string, X: FeatureMatrix): void {
  const at = X.values.findIndex((v) => Number.isNaN(v));
  if (at < 0) return;
  const name = X.featureNames[at % X.cols];
  throw new ModelSpecError(`${kind} cannot take missing values, but feature "${name}" has one (row ${Math.floor(at / X.cols) + 1}); add an impute step in Prepare, or use gradient boosting, which takes missing values as they are.`);
}

/** Throws when the target and matrix disagree in rows, there are no rows, or fewer than two classes are present. */
export function assertTarget(kind: string, X: FeatureMatrix, y: Target): void {
  if (X.rows === 0) throw new ModelSpecError(`${kind}: the training set has no rows; check the split and filters.`);
  if (y.values.length !== X.rows) throw new ModelSpecError(`${kind}: ${y.values.length} target values for ${X.rows} feature rows; they must match.`);
  const bad = y.values.findIndex((v) => !Number.isFinite(v) || (y.classes !== undefined && (!Number.isInteger(v) || v < 0 || v >= y.classes.length)));
  if (bad >= 0) throw new ModelSpecError(`${kind}: target value ${y.values[bad]} at row ${bad + 1} is missing or not a class index; filter out or impute rows with a missing target.`);
  if (y.classes === undefined) return;
  const present = new Set(y.values).size;
  if (present < 2) {
    const only = y.classes[y.values[0]] ?? String(y.values[0]);
    throw new ModelSpecError(`${kind}: the target has one class ("${only}") in the training rows; a classifier needs at least two. Check the filter or the split.`);
  }
}
