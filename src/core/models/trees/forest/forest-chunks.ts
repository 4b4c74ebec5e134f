// A random forest fitted as chunks of trees (on several workers) and merged: each tree's random draws come from
// (seed, tree index) only, so the merged model is the same JSON whatever the chunking; the importances and the
// out-of-bag score are summed in tree order after the merge (bootstrap counts replayed from each tree's seed).

import { createRandom, deriveSeed } from '../../../random/prng';
import type { FeatureMatrix, FitContext, FittedModel, Hyperparameters, Target } from '../../types';
import { buildCart, type CartSettings } from '../cart/build-cart';
import type { Criterion } from '../cart/cart-criterion';
import { createCartEnsembleModel, createCartEnsembleState, normaliseImportances, resolveMaxFeatures } from '../cart/cart-ensemble-model';
import type { CartTree } from '../cart/cart-tree';
import { rankColumns } from '../cart/rank-columns';
import { checkTrainingData } from '../shared/check-training-data';
import { createCheckpoint } from '../../../time/create-checkpoint';
import { inferTask, readParams } from '../../read-params';
import { addOutOfBag, createOutOfBagSums, scoreOutOfBag, type OutOfBagSums } from './out-of-bag';
import type { HyperparameterSpec } from '../../types';

const KIND = 'random_forest';

/** What every chunk of one forest shares: validated params, CART settings and the tree count. */
export interface ForestSetup {
  params: Hyperparameters;
  settings: CartSettings;
  trees: number;
  bootstrap: boolean;
}

/** One fitted tree of a chunk: its index in the forest, the tree, and its split-gain share per feature (sums to 1, or all 0). */
export interface ForestTree {
  index: number;
  tree: CartTree;
  importance: Float64Array;
}

/** Validates the data and params once and derives the CART settings (maxFeatures 'auto' = sqrt for classes, all for regression). */
export function readForestSetup(spec: readonly HyperparameterSpec[], X: FeatureMatrix, y: Target, params: Hyperparameters): ForestSetup {
  const p = readParams(KIND, spec, params);
  checkTrainingData(KIND, X, y, false);
  const classes = y.classes?.length ?? 0;
  const settings: CartSettings = {
    criterion: classes > 0 ? (p.criterion as Criterion) : 'squared_error', maxDepth: p.maxDepth as number,
    minSamplesSplit: p.minSamplesSplit as number, minSamplesLeaf: p.minSamplesLeaf as number,
    maxFeatures: resolveMaxFeatures(p.maxFeatures as string, p.maxFeaturesFraction as number, X.cols, classes > 0), classes,
  };
  return { params: p, settings, trees: p.nEstimators as number, bootstrap: p.bootstrap as boolean };
}

/** The random stream of tree `index`: seeded by (seed, index) only, independent of every other tree. */
export function createTreeRandom(seed: number, index: number): () => number {
  return createRandom(deriveSeed(seed, index));
}

/** The rows of positive weight, ascending (readable form: indices.filter((i) => weights[i] > 0)). */
function listWeightedRows(weights: Float64Array): Uint32Array {
  let m = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i] > 0) m++;
  const rows = new Uint32Array(m);
  for (let i = 0, k = 0; i < weights.length; i++) if (weights[i] > 0) rows[k++] = i;
  return rows;
}

/** Bootstrap draw counts per row (n draws with replacement), or 1 for every row without bootstrap. */
function drawCounts(random: () => number, n: number, bootstrap: boolean): Float64Array {
  const counts = new Float64Array(n).fill(bootstrap ? 0 : 1);
  if (bootstrap) for (let i = 0; i < n; i++) counts[Math.floor(random() * n)]++;
  return counts;
}

/**
 * Fits trees start … end − 1; progress fires per tree, with the out-of-bag score of this chunk's trees so far
 * (summed into `oob`) when `trackOob` (the forest's when the chunk is the whole forest). A stop request ends the chunk after the current tree.
 */
export async function fitForestTrees(
  X: FeatureMatrix, y: Target, setup: ForestSetup, ctx: FitContext, start: number, end: number, trackOob = true,
  oob = createOutOfBagSums(X.rows, setup.settings.classes),
): Promise<ForestTree[]> {
  const checkpoint = createCheckpoint(ctx.signal);
  const n = X.rows;
  const base = ctx.sampleWeights ?? new Float64Array(n).fill(1);
  const classes = setup.settings.classes;
  const fitted: ForestTree[] = [];
  // Ranked once for every tree of the chunk (the bootstrap only reweights rows).
  const ranked = rankColumns(X.values, n, X.cols);
  for (let t = start; t < end; t++) {
    await checkpoint();
    const random = createTreeRandom(ctx.seed, t);
    const counts = drawCounts(random, n, setup.bootstrap);
    const weights = counts.map((c, i) => c * base[i]);
    const rows = listWeightedRows(weights);
    const { tree, decrease } = buildCart({ values: X.values, cols: X.cols, y: y.values, weights, ranked }, rows, setup.settings, random);
    // As sklearn: each tree's importances normalised to sum 1, then averaged (normalised again at the end).
    const total = decrease.reduce((a, b) => a + b, 0);
    fitted.push({ index: t, tree, importance: total > 0 ? decrease.map((d) => d / total) : new Float64Array(X.cols) });
    const metrics: Record<string, number> = {};
    if (setup.bootstrap && trackOob) {
      addOutOfBag(tree, X, counts, oob.sum, oob.count);
      metrics.validationScore = scoreOutOfBag(oob.sum, oob.count, y.values, classes);
    }
    ctx.onProgress?.({ iteration: t - start + 1, total: end - start, metrics });
    if (ctx.shouldStop?.()) break;
  }
  return fitted;
}

/**
 * The forest of every chunk's trees in index order, with importances and the OOB score summed in that order;
 * `onProgress` gets the running OOB score per tree. `oob`: the sums fitForestTrees took over exactly these trees
 * (one chunk from tree 0, trackOob): the same numbers, so they are used instead of replaying every tree.
 */
export function mergeForestTrees(
  X: FeatureMatrix, y: Target, setup: ForestSetup, seed: number, chunks: readonly (readonly ForestTree[])[],
  onProgress?: FitContext['onProgress'], oob?: OutOfBagSums,
): FittedModel {
  const trees = chunks.flat().sort((a, b) => a.index - b.index);
  const decrease = new Float64Array(X.cols);
  for (const { importance } of trees) importance.forEach((share, f) => (decrease[f] += share));
  const info: Record<string, unknown> = { trees: trees.length, featureImportances: normaliseImportances(decrease, X.featureNames) };
  if (setup.bootstrap) {
    const classes = setup.settings.classes;
    const { sum, count } = oob ?? createOutOfBagSums(X.rows, classes);
    if (!oob) {
      trees.forEach(({ index, tree }, t) => {
        addOutOfBag(tree, X, drawCounts(createTreeRandom(seed, index), X.rows, true), sum, count);
        onProgress?.({ iteration: t + 1, total: trees.length, metrics: { validationScore: scoreOutOfBag(sum, count, y.values, classes) } });
      });
    }
    info.oobScore = scoreOutOfBag(sum, count, y.values, classes);
  }
  return createCartEnsembleModel({
    formatVersion: 1, kind: KIND, task: inferTask(y), params: setup.params, featureNames: [...X.featureNames],
    classes: y.classes ? [...y.classes] : undefined, state: createCartEnsembleState(trees.map((t) => t.tree), info),
  });
}
