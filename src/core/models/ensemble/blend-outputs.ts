// The ensemble's one blend: a weighted mean of its members' outputs — class probabilities for a classifier (its
// label the class of the largest blended probability), values for a regression. Prediction and selection share it.

import { ModelSpecError } from '../../errors';
import type { ModelOutputs } from '../types';

/**
 * Σ weights[m] · outputs[m] row by row (weights as given: pass shares that sum to 1). Classification (`classCount` > 0):
 * each member's probabilities (rows × classCount; a member without them counts as a one-hot of its class), the
 * prediction the argmax, the first class on ties as every family's. Regression (`classCount` 0): the values. A row
 * any member left NaN is NaN.
 */
export function blendOutputs(outputs: readonly ModelOutputs[], weights: readonly number[], classCount: number): ModelOutputs {
  if (outputs.length === 0 || outputs.length !== weights.length) {
    throw new ModelSpecError(`An ensemble blends one weight per member; got ${outputs.length} outputs and ${weights.length} weights.`);
  }
  const rows = outputs[0].predictions.length;
  if (classCount === 0) {
    const predictions = new Float64Array(rows);
    outputs.forEach((output, m) => addScaled(predictions, output.predictions, weights[m]));
    return { predictions, proba: null };
  }
  const proba = new Float64Array(rows * classCount);
  outputs.forEach((output, m) => addScaled(proba, output.proba ?? oneHot(output.predictions, classCount), weights[m]));
  return { predictions: argmaxRows(proba, rows, classCount), proba };
}

function addScaled(into: Float64Array, values: Float64Array, weight: number): void {
  if (values.length !== into.length) throw new ModelSpecError(`An ensemble member gave ${values.length} outputs where ${into.length} were expected; every member must score the same rows.`);
  for (let i = 0; i < into.length; i++) into[i] += weight * values[i];
}

/** Class indices as rows × classCount indicator rows (NaN rows stay NaN). */
function oneHot(predictions: Float64Array, classCount: number): Float64Array {
  const out = new Float64Array(predictions.length * classCount);
  predictions.forEach((p, i) => {
    if (Number.isNaN(p)) out.fill(NaN, i * classCount, (i + 1) * classCount);
    else out[i * classCount + p] = 1;
  });
  return out;
}

/** The index of each row's largest value (first on ties); NaN when the row has a NaN. */
function argmaxRows(proba: Float64Array, rows: number, classCount: number): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let k = 0; k < classCount; k++) {
      const p = proba[i * classCount + k];
      if (Number.isNaN(p)) {
        best = NaN;
        break;
      }
      if (p > proba[i * classCount + best]) best = k;
    }
    out[i] = best;
  }
  return out;
}
