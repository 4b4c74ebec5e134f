// The 'decision_tree' family: one CART tree (gini / entropy for classification, squared error for
// regression) with exact splits on sorted values, as sklearn's DecisionTreeClassifier / Regressor.

import { createAbortError } from '../../../errors';
import { createRandom } from '../../../random/prng';
import type { FeatureMatrix, FitContext, FittedModel, Hyperparameters, HyperparameterSpec, ModelFamily, Target } from '../../types';
import { checkTrainingData } from '../shared/check-training-data';
import { inferTask, readParams } from '../../read-params';
import { buildCart } from './build-cart';
import type { Criterion } from './cart-criterion';
import { createCartEnsembleModel, createCartEnsembleState, normaliseImportances, resolveMaxFeatures } from './cart-ensemble-model';

const KIND = 'decision_tree';

/** Decision tree hyperparameters; maxDepth 0 means unlimited; criterion applies to classification only. */
export const TREE_PARAMS: readonly HyperparameterSpec[] = [
  { kind: 'choice', name: 'criterion', label: 'Split criterion', options: ['gini', 'entropy'], default: 'gini', help: 'Classification only; regression uses squared error.' },
  { kind: 'int', name: 'maxDepth', label: 'Max depth (0 = none)', min: 0, max: 100, default: 0, tune: { min: 2, max: 24, log: true, lowCost: 2 } },
  { kind: 'int', name: 'minSamplesSplit', label: 'Min rows to split', min: 2, max: 10000, default: 2, log: true, tune: { min: 2, max: 64, log: true } },
  { kind: 'int', name: 'minSamplesLeaf', label: 'Min rows per leaf', min: 1, max: 10000, default: 1, log: true, tune: { min: 1, max: 64, log: true } },
  { kind: 'choice', name: 'maxFeatures', label: 'Features per split', options: ['all', 'sqrt', 'log2', 'fraction'], default: 'all' },
  { kind: 'float', name: 'maxFeaturesFraction', label: 'Feature fraction', min: 0.01, max: 1, default: 0.5, help: 'Used when features per split is "fraction".', when: { param: 'maxFeatures', in: ['fraction'] }, tune: { min: 0.1, max: 1 } },
];

/** A single CART tree; NaN features must be imputed first. */
export const decisionTreeFamily: ModelFamily = {
  kind: KIND,
  label: 'Decision tree',
  group: 'tree',
  tasks: ['binary', 'multiclass', 'regression'],
  params: TREE_PARAMS,
  needs: () => ({ acceptsMissing: false, categorical: 'ordinal', scaled: false }),
  capabilities: { treeEnsemble: 'averaged' },
  async fit(X: FeatureMatrix, y: Target, params: Hyperparameters, ctx: FitContext): Promise<FittedModel> {
    const p = readParams(KIND, TREE_PARAMS, params);
    checkTrainingData(KIND, X, y, false);
    if (ctx.signal?.aborted) throw createAbortError();
    const task = inferTask(y);
    const classes = y.classes?.length ?? 0;
    const weights = ctx.sampleWeights ?? new Float64Array(X.rows).fill(1);
    const rows = Uint32Array.from({ length: X.rows }, (_, i) => i).filter((i) => weights[i] > 0);
    const { tree, decrease } = buildCart({ values: X.values, cols: X.cols, y: y.values, weights }, rows, {
      criterion: classes > 0 ? (p.criterion as Criterion) : 'squared_error', maxDepth: p.maxDepth as number,
      minSamplesSplit: p.minSamplesSplit as number, minSamplesLeaf: p.minSamplesLeaf as number,
      maxFeatures: resolveMaxFeatures(p.maxFeatures as string, p.maxFeaturesFraction as number, X.cols, classes > 0), classes,
    }, createRandom(ctx.seed));
    ctx.onProgress?.({ iteration: 1, total: 1, metrics: {} });
    const info = { nodes: tree.feature.length, leaves: tree.feature.filter((f) => f < 0).length, featureImportances: normaliseImportances(decrease, X.featureNames) };
    return createCartEnsembleModel({
      formatVersion: 1, kind: KIND, task, params: p, featureNames: [...X.featureNames],
      classes: y.classes ? [...y.classes] : undefined, state: createCartEnsembleState([tree], info),
    });
  },
  fromJSON: createCartEnsembleModel,
};
