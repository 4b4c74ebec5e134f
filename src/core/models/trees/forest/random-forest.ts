// The 'random_forest' family (as sklearn's RandomForestClassifier / Regressor): CART trees on bootstrap
// samples (drawn counts become row weights) with a random feature subset per split; probabilities are the
// mean of the trees'; the out-of-bag score (accuracy or R²) comes from each row's trees that never saw it.

import { createRandom } from '../../../split/prng';
import type { FeatureMatrix, FitContext, FittedModel, Hyperparameters, HyperparameterSpec, ModelFamily, Target } from '../../types';
import { buildCart, type CartSettings } from '../cart/build-cart';
import type { Criterion } from '../cart/cart-criterion';
import { createCartEnsembleModel, createCartEnsembleState, normaliseImportances, resolveMaxFeatures } from '../cart/cart-ensemble-model';
import { addTreePredictions, type CartTree } from '../cart/cart-tree';
import { checkTrainingData } from '../shared/check-training-data';
import { createCheckpoint } from '../shared/fit-loop';
import { inferTask, readParams } from '../../read-params';
import { scoreOutOfBag } from './out-of-bag';

const KIND = 'random_forest';

/** Forest hyperparameters; maxFeatures 'auto' = sqrt for classification, all for regression (sklearn 1.2). */
export const FOREST_PARAMS: readonly HyperparameterSpec[] = [
  { kind: 'int', name: 'nEstimators', label: 'Trees', min: 1, max: 2000, default: 100, log: true },
  { kind: 'bool', name: 'bootstrap', label: 'Bootstrap samples', default: true },
  { kind: 'choice', name: 'maxFeatures', label: 'Features per split', options: ['auto', 'sqrt', 'log2', 'all', 'fraction'], default: 'auto' },
  { kind: 'float', name: 'maxFeaturesFraction', label: 'Feature fraction', min: 0.01, max: 1, default: 0.5, help: 'Used when features per split is "fraction".' },
  { kind: 'int', name: 'maxDepth', label: 'Max depth (0 = none)', min: 0, max: 100, default: 0 },
  { kind: 'int', name: 'minSamplesSplit', label: 'Min rows to split', min: 2, max: 10000, default: 2, log: true },
  { kind: 'int', name: 'minSamplesLeaf', label: 'Min rows per leaf', min: 1, max: 10000, default: 1, log: true },
  { kind: 'choice', name: 'criterion', label: 'Split criterion', options: ['gini', 'entropy'], default: 'gini', help: 'Classification only.' },
];

/** Random forest; NaN features must be imputed first. */
export const randomForestFamily: ModelFamily = {
  kind: KIND,
  label: 'Random forest',
  group: 'ensemble',
  tasks: ['binary', 'multiclass', 'regression'],
  params: FOREST_PARAMS,
  acceptsMissing: false,
  async fit(X: FeatureMatrix, y: Target, params: Hyperparameters, ctx: FitContext): Promise<FittedModel> {
    const p = readParams(KIND, FOREST_PARAMS, params);
    checkTrainingData(KIND, X, y, false);
    const task = inferTask(y);
    const classes = y.classes?.length ?? 0;
    const settings: CartSettings = {
      criterion: classes > 0 ? (p.criterion as Criterion) : 'squared_error', maxDepth: p.maxDepth as number,
      minSamplesSplit: p.minSamplesSplit as number, minSamplesLeaf: p.minSamplesLeaf as number,
      maxFeatures: resolveMaxFeatures(p.maxFeatures as string, p.maxFeaturesFraction as number, X.cols, classes > 0), classes,
    };
    const random = createRandom(ctx.seed);
    const checkpoint = createCheckpoint(ctx.signal);
    const n = X.rows;
    const base = ctx.sampleWeights ?? new Float64Array(n).fill(1);
    const oobSum = new Float64Array(n * Math.max(1, classes));
    const oobCount = new Float64Array(n);
    const trees: CartTree[] = [];
    const decrease = new Float64Array(X.cols);
    const counts = new Float64Array(n);
    for (let t = 0; t < (p.nEstimators as number); t++) {
      await checkpoint();
      counts.fill(p.bootstrap ? 0 : 1);
      if (p.bootstrap) for (let i = 0; i < n; i++) counts[Math.floor(random() * n)]++;
      const weights = counts.map((c, i) => c * base[i]);
      const rows = Uint32Array.from({ length: n }, (_, i) => i).filter((i) => weights[i] > 0);
      const fitted = buildCart({ values: X.values, cols: X.cols, y: y.values, weights }, rows, settings, random);
      trees.push(fitted.tree);
      // As sklearn: each tree's importances normalised to sum 1, then averaged (normalised again at the end).
      const treeTotal = fitted.decrease.reduce((a, b) => a + b, 0);
      if (treeTotal > 0) fitted.decrease.forEach((d, f) => (decrease[f] += d / treeTotal));
      if (p.bootstrap) addOutOfBag(fitted.tree, X, counts, oobSum, oobCount);
      const metrics: Record<string, number> = {};
      if (p.bootstrap) metrics.validationScore = scoreOutOfBag(oobSum, oobCount, y.values, classes);
      ctx.onProgress?.({ iteration: t + 1, total: p.nEstimators as number, metrics });
      if (ctx.shouldStop?.()) break;
    }
    const info: Record<string, unknown> = { trees: trees.length, featureImportances: normaliseImportances(decrease, X.featureNames) };
    if (p.bootstrap) info.oobScore = scoreOutOfBag(oobSum, oobCount, y.values, classes);
    return createCartEnsembleModel({
      formatVersion: 1, kind: KIND, task, params: p, featureNames: [...X.featureNames],
      classes: y.classes ? [...y.classes] : undefined, state: createCartEnsembleState(trees, info),
    });
  },
  fromJSON: createCartEnsembleModel,
};

/** Adds the tree's outputs for rows it did not see (count 0) to the out-of-bag sums. */
function addOutOfBag(tree: CartTree, X: FeatureMatrix, counts: Float64Array, sum: Float64Array, seen: Float64Array): void {
  const K = tree.outputs;
  const row = new Float64Array(K);
  for (let i = 0; i < X.rows; i++) {
    if (counts[i] > 0) continue;
    row.fill(0);
    addTreePredictions(tree, X.values.subarray(i * X.cols, (i + 1) * X.cols), 1, X.cols, row, 1);
    for (let k = 0; k < K; k++) sum[i * K + k] += row[k];
    seen[i]++;
  }
}
