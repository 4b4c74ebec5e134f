// Global views of SHAP values for one output: mean |SHAP| per feature (the bar chart), beeswarm points
// (per row φ with the feature's value, for colour) and one row's waterfall.

import { DataError } from '../errors';
import type { FeatureMatrix } from '../models/types';
import type { ShapValues } from './compute-tree-shap';

/** One bar: mean |φ| over rows, in the units of the explained output. */
export interface ShapImportance {
  feature: string;
  meanAbs: number;
}

/** One feature's beeswarm strip: φ per row and the row's feature value (NaN = missing). */
export interface ShapBeeswarmStrip {
  feature: string;
  shap: Float64Array;
  featureValues: Float64Array;
}

/** One row's waterfall: base value, then contributions largest |φ| first, ending at the prediction. */
export interface ShapWaterfall {
  baseValue: number;
  prediction: number;
  contributions: { feature: string; value: number; shap: number }[];
}

function checkOutput(shap: ShapValues, output: number): void {
  if (!Number.isInteger(output) || output < 0 || output >= shap.outputs) {
    throw new DataError(`Output ${output} does not exist; this model explains outputs 0 to ${shap.outputs - 1}.`);
  }
}

/** Mean |φ| per feature for one output, largest first (ties keep feature order). */
export function rankShapImportance(shap: ShapValues, output = 0): ShapImportance[] {
  checkOutput(shap, output);
  const { features: M, outputs: K } = shap;
  const sums = new Float64Array(M);
  for (let i = 0; i < shap.rows; i++) for (let j = 0; j < M; j++) sums[j] += Math.abs(shap.values[(i * K + output) * M + j]);
  return shap.featureNames
    .map((feature, j) => ({ feature, meanAbs: shap.rows > 0 ? sums[j] / shap.rows : 0 }))
    .sort((a, b) => b.meanAbs - a.meanAbs);
}

/** Beeswarm strips for one output, in rankShapImportance order; X holds the explained rows. */
export function collectShapBeeswarm(shap: ShapValues, X: FeatureMatrix, output = 0): ShapBeeswarmStrip[] {
  checkOutput(shap, output);
  if (X.rows !== shap.rows || X.cols !== shap.features) throw new DataError(`Beeswarm needs the ${shap.rows} explained rows × ${shap.features} features; got ${X.rows} × ${X.cols}.`);
  const { features: M, outputs: K } = shap;
  const order = rankShapImportance(shap, output).map((r) => shap.featureNames.indexOf(r.feature));
  return order.map((j) => ({
    feature: shap.featureNames[j],
    shap: Float64Array.from({ length: shap.rows }, (_, i) => shap.values[(i * K + output) * M + j]),
    featureValues: Float64Array.from({ length: shap.rows }, (_, i) => X.values[i * X.cols + j]),
  }));
}

/** The waterfall of explained row `row` for one output; `values` is that row's feature values. */
export function buildShapWaterfall(shap: ShapValues, row: number, values: ArrayLike<number>, output = 0): ShapWaterfall {
  checkOutput(shap, output);
  if (!Number.isInteger(row) || row < 0 || row >= shap.rows) throw new DataError(`Row ${row} was not explained; pick a row from 0 to ${shap.rows - 1}.`);
  const { features: M, outputs: K } = shap;
  const contributions = shap.featureNames
    .map((feature, j) => ({ feature, value: values[j], shap: shap.values[(row * K + output) * M + j] }))
    .sort((a, b) => Math.abs(b.shap) - Math.abs(a.shap));
  const prediction = contributions.reduce((s, c) => s + c.shap, shap.baseValue[output]);
  return { baseValue: shap.baseValue[output], prediction, contributions };
}
