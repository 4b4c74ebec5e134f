// The 'random_forest' family (as sklearn's RandomForestClassifier / Regressor): CART trees on bootstrap
// samples (drawn counts become row weights) with a random feature subset per split; probabilities are the
// mean of the trees'; the out-of-bag score (accuracy or R²) comes from each row's trees that never saw it.
// Each tree's randomness comes from (seed, tree index) only (forest-chunks.ts), so trees can be fitted in parts.

import type { FeatureMatrix, FitContext, FittedModel, Hyperparameters, HyperparameterSpec, ModelFamily, Target } from '../../types';
import { createCartEnsembleModel } from '../cart/cart-ensemble-model';
import { fitForestTrees, mergeForestTrees, readForestSetup } from './forest-chunks';
import { createOutOfBagSums } from './out-of-bag';

const KIND = 'random_forest';

/** Forest hyperparameters; maxFeatures 'auto' = sqrt for classification, all for regression (sklearn 1.2). */
export const FOREST_PARAMS: readonly HyperparameterSpec[] = [
  { kind: 'int', name: 'nEstimators', label: 'Trees', min: 1, max: 2000, default: 100, log: true, tune: { min: 10, max: 500, log: true, lowCost: 10 } },
  { kind: 'bool', name: 'bootstrap', label: 'Bootstrap samples', default: true },
  { kind: 'choice', name: 'maxFeatures', label: 'Features per split', options: ['auto', 'sqrt', 'log2', 'all', 'fraction'], default: 'auto', tune: ['sqrt', 'log2', 'all', 'fraction'] },
  { kind: 'float', name: 'maxFeaturesFraction', label: 'Feature fraction', min: 0.01, max: 1, default: 0.5, help: 'Used when features per split is "fraction".', when: { param: 'maxFeatures', in: ['fraction'] }, tune: { min: 0.1, max: 1 } },
  { kind: 'int', name: 'maxDepth', label: 'Max depth (0 = none)', min: 0, max: 100, default: 0, tune: { min: 4, max: 32, log: true, lowCost: 4 } },
  { kind: 'int', name: 'minSamplesSplit', label: 'Min rows to split', min: 2, max: 10000, default: 2, log: true },
  { kind: 'int', name: 'minSamplesLeaf', label: 'Min rows per leaf', min: 1, max: 10000, default: 1, log: true, tune: { min: 1, max: 32, log: true } },
  { kind: 'choice', name: 'criterion', label: 'Split criterion', options: ['gini', 'entropy'], default: 'gini', help: 'Classification only.' },
];

/** Random forest; NaN features must be imputed first. */
export const randomForestFamily: ModelFamily = {
  kind: KIND,
  label: 'Random forest',
  group: 'ensemble',
  tasks: ['binary', 'multiclass', 'regression'],
  params: FOREST_PARAMS,
  needs: () => ({ acceptsMissing: false, categorical: 'ordinal', scaled: false }),
  capabilities: { treeEnsemble: 'averaged', fitsInParts: { countParam: 'nEstimators' }, budgetParam: 'nEstimators' },
  async fit(X: FeatureMatrix, y: Target, params: Hyperparameters, ctx: FitContext): Promise<FittedModel> {
    // One chunk of every tree: the same model as the chunks fitted across the training workers and merged.
    // Its out-of-bag sums are those the merge would replay (same trees, same order): handed over, not redone.
    const setup = readForestSetup(FOREST_PARAMS, X, y, params);
    const oob = createOutOfBagSums(X.rows, setup.settings.classes);
    const trees = await fitForestTrees(X, y, setup, ctx, 0, setup.trees, true, oob);
    return mergeForestTrees(X, y, setup, ctx.seed, [trees], undefined, oob);
  },
  fromJSON: createCartEnsembleModel,
};
