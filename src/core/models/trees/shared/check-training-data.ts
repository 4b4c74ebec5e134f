// Input checks shared by the tree families: shapes, the target, NaN for families that cannot take it; each
// failure is a ModelSpecError that names the bad value and says what to do.

import { ModelSpecError } from '../../../errors';
import type { FeatureMatrix, Target } from '../../types';

/** Throws ModelSpecError for an empty matrix, a target of the wrong length or values, or NaN when not allowed. */
export function checkTrainingData(kind: string, X: FeatureMatrix, y: Target, acceptsMissing: boolean): void {
  if (X.cols === 0) throw new ModelSpecError(`${kind}: every feature was dropped; keep at least one feature column.`);
  if (X.rows === 0) throw new ModelSpecError(`${kind}: there are no training rows; check the split and filters.`);
  if (y.values.length !== X.rows) {
    throw new ModelSpecError(`${kind}: the target has ${y.values.length} values for ${X.rows} rows; they must match.`);
  }
  checkTarget(kind, y);
  if (!acceptsMissing) checkNoMissing(kind, X);
}

function checkTarget(kind: string, y: Target): void {
  const classes = y.classes;
  if (!classes) {
    const bad = y.values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new ModelSpecError(`${kind}: the target is ${y.values[bad]} at row ${bad}; drop or impute rows with a missing target.`);
    return;
  }
  if (classes.length < 2) {
    throw new ModelSpecError(`${kind}: the target has ${classes.length} class${classes.length === 1 ? ` ("${classes[0]}")` : 'es'}; a classifier needs at least two.`);
  }
  const seen = new Uint8Array(classes.length);
  for (let i = 0; i < y.values.length; i++) {
    const c = y.values[i];
    if (!Number.isInteger(c) || c < 0 || c >= classes.length) {
      throw new ModelSpecError(`${kind}: target value ${c} at row ${i} is not a class index 0…${classes.length - 1}.`);
    }
    seen[c] = 1;
  }
  const present = seen.reduce((sum, s) => sum + s, 0);
  if (present < 2) {
    throw new ModelSpecError(`${kind}: the training rows hold only one class ("${classes[seen.indexOf(1)]}"); a classifier needs at least two.`);
  }
}

function checkNoMissing(kind: string, X: FeatureMatrix): void {
  const { values, rows, cols } = X;
  for (let i = 0; i < rows * cols; i++) {
    if (Number.isNaN(values[i])) {
      const name = X.featureNames[i % cols];
      throw new ModelSpecError(`${kind}: feature "${name}" has missing values (row ${Math.floor(i / cols)}); this model cannot take NaN — add an impute step or use gradient boosting.`);
    }
  }
}

/** Throws ModelSpecError when a prediction matrix does not have the training features. */
export function checkPredictShape(kind: string, X: FeatureMatrix, cols: number): void {
  if (X.cols !== cols) throw new ModelSpecError(`${kind}: the model was trained on ${cols} features but got ${X.cols}; transform the data with the same pipeline.`);
}
