// Exact SHAP values of a fitted tree model (decision tree, random forest = mean over trees, gradient boosting =
// sum over trees in margin space) for every row of a feature matrix, with the base value they add up from.

import { DataError } from '../errors';
import type { FeatureMatrix, SerializedModel } from '../models/types';
import { createCheckpoint } from '../time/create-checkpoint';
import { readShapEnsemble, computeTreeExpectation, measureTreeDepth, type ShapOutputSpace } from './shap-tree';
import { addTreeShap, createPathBuffer } from './tree-shap-path';
import { nowMs } from '../time/now-ms';

/** SHAP values of many rows: baseValue[k] + Σ_j values[(i·outputs + k)·features + j] = output k of row i. */
export interface ShapValues {
  rows: number;
  features: number;
  outputs: number;
  featureNames: string[];
  /** What output k is: a class probability (trees, forests), a raw margin (boosting: log-odds) or a value. */
  space: ShapOutputSpace;
  /** Per output: the model's expected output over its training rows (node cover weighted). */
  baseValue: number[];
  /** Row-major rows × outputs × features, in the units of `space`. */
  values: Float64Array;
}

/** Options for long runs; onProgress(rowsDone, rows) fires at most every ~50 ms. */
export interface ShapRunOptions {
  signal?: AbortSignal;
  onProgress?: (rowsDone: number, rows: number) => void;
}

/** Exact path-dependent TreeSHAP of every row of X (NaN follows the model's missing-value rule). */
export async function computeTreeShap(model: SerializedModel, X: FeatureMatrix, options: ShapRunOptions = {}): Promise<ShapValues> {
  const ensemble = readShapEnsemble(model);
  const M = ensemble.featureNames.length;
  if (X.cols !== M) throw new DataError(`The model was trained on ${M} features but the rows to explain have ${X.cols}; pass the same prepared columns.`);
  const K = ensemble.outputs;
  const baseValue = Array.from(ensemble.offset);
  for (const tree of ensemble.trees) {
    for (let k = 0; k < tree.outputs; k++) baseValue[tree.outputOffset + k] += tree.weight * computeTreeExpectation(tree, k);
  }
  const depth = ensemble.trees.reduce((max, tree) => Math.max(max, measureTreeDepth(tree)), 0);
  const buffer = createPathBuffer(depth);
  const values = new Float64Array(X.rows * K * M);
  const checkpoint = createCheckpoint(options.signal);
  let lastReport = nowMs();
  for (let i = 0; i < X.rows; i++) {
    await checkpoint();
    const phi = values.subarray(i * K * M, (i + 1) * K * M);
    for (const tree of ensemble.trees) addTreeShap(tree, X.values, i * X.cols, phi, M, buffer);
    if (options.onProgress && nowMs() - lastReport >= 50) {
      options.onProgress(i + 1, X.rows);
      lastReport = nowMs();
    }
  }
  options.onProgress?.(X.rows, X.rows);
  return { rows: X.rows, features: M, outputs: K, featureNames: ensemble.featureNames, space: ensemble.space, baseValue, values };
}
