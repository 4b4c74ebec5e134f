// The fitted model shared by the decision tree (one tree) and the random forest (many): predictions are the
// mean of the trees' leaf values (class probabilities or regression means), as sklearn averages them.

import type { FeatureMatrix, FittedModel, SerializedModel } from '../../types';
import { checkPredictShape } from '../shared/check-training-data';
import { addTreePredictions, deserializeCartTree, serializeCartTree, type CartTree } from './cart-tree';

/** Learned state: serialised trees and info extras (importances, OOB score…). */
export interface CartEnsembleState {
  trees: ReturnType<typeof serializeCartTree>[];
  info: Record<string, unknown>;
}

/** Serialisable state from fitted trees. */
export function createCartEnsembleState(trees: CartTree[], info: Record<string, unknown>): CartEnsembleState {
  return { trees: trees.map(serializeCartTree), info };
}

/** Mean of the trees' outputs for every row, row-major rows × outputs. */
export function predictTreesMean(trees: CartTree[], X: FeatureMatrix): Float64Array {
  const K = trees[0].outputs;
  const out = new Float64Array(X.rows * K);
  for (const tree of trees) addTreePredictions(tree, X.values, X.rows, X.cols, out, 1 / trees.length);
  return out;
}

/** A FittedModel over a CART ensemble, from its serialised form. */
export function createCartEnsembleModel(json: SerializedModel): FittedModel {
  const state = json.state as CartEnsembleState;
  const trees = state.trees.map(deserializeCartTree);
  const cols = json.featureNames.length;
  const isClassifier = json.task !== 'regression';
  const predictProba = (X: FeatureMatrix): Float64Array => {
    checkPredictShape(json.kind, X, cols);
    return predictTreesMean(trees, X);
  };
  return {
    kind: json.kind,
    task: json.task,
    predict(X) {
      const mean = predictProba(X);
      if (!isClassifier) return mean;
      const K = trees[0].outputs;
      const out = new Float64Array(X.rows);
      for (let i = 0; i < X.rows; i++) {
        let best = 0;
        for (let k = 1; k < K; k++) if (mean[i * K + k] > mean[i * K + best]) best = k;
        out[i] = best;
      }
      return out;
    },
    predictProba: isClassifier ? predictProba : undefined,
    info: state.info,
    toJSON: () => json,
  };
}

/** Normalised importances (sum 1; all 0 when no split was made), keyed by feature name. */
export function normaliseImportances(decrease: Float64Array, featureNames: readonly string[]): Record<string, number> {
  const total = decrease.reduce((a, b) => a + b, 0);
  return Object.fromEntries(featureNames.map((name, f) => [name, total > 0 ? decrease[f] / total : 0]));
}

/** Features tried per split: 'sqrt', 'log2', 'all', 'fraction' (of cols), or 'auto' (sqrt for classifiers). */
export function resolveMaxFeatures(choice: string, fraction: number, cols: number, isClassifier: boolean): number {
  if (choice === 'auto') return resolveMaxFeatures(isClassifier ? 'sqrt' : 'all', fraction, cols, isClassifier);
  if (choice === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(cols)));
  if (choice === 'log2') return Math.max(1, Math.floor(Math.log2(cols)));
  if (choice === 'fraction') return Math.max(1, Math.floor(fraction * cols));
  return cols;
}
