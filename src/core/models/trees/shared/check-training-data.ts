// Input checks of the tree families: at least one feature, then the checks every family runs
// (core/models/check-training-data.ts); each failure is a ModelSpecError that names the bad value.

import { ModelSpecError } from '../../../errors';
import { assertNoMissing, assertTarget } from '../../check-training-data';
import type { FeatureMatrix, Target } from '../../types';

/** Throws ModelSpecError for no features, no rows, a target of the wrong length or values, or NaN when not allowed. */
export function checkTrainingData(kind: string, X: FeatureMatrix, y: Target, acceptsMissing: boolean): void {
  if (X.cols === 0) throw new ModelSpecError(`${kind}: every feature was dropped; keep at least one feature column.`);
  assertTarget(kind, X, y);
  if (!acceptsMissing) assertNoMissing(kind, X);
}

/** Throws ModelSpecError when a prediction matrix does not have the training features. */
export function checkPredictShape(kind: string, X: FeatureMatrix, cols: number): void {
  if (X.cols !== cols) throw new ModelSpecError(`${kind}: the model was trained on ${cols} features but got ${X.cols}; transform the data with the same pipeline.`);
}
