// The one tree shape TreeSHAP walks: child links, split feature, node cover and leaf values, plus how a row
// chooses a child. Built from the fitted JSON of the families that declare the treeEnsemble capability (CART and
// random forest trees averaged, gradient-boosted trees summed on a margin).

import { DataError } from '../errors';
import { findFamilyInfo, MODEL_CATALOG } from '../models/catalog';
import type { SerializedModel } from '../models/types';
import { deserializeCartTree, type CartTree } from '../models/trees/cart/cart-tree';
import { deserializeTree, stepRaw, type BoostedTree } from '../models/trees/gbdt/boosted-tree';

/** One tree; `value` is row-major nodes × outputs and is added, times `weight`, to outputs from `outputOffset`. */
export interface ShapTree {
  left: Int32Array;
  right: Int32Array;
  feature: Int32Array;
  cover: Float64Array;
  value: Float64Array;
  outputs: number;
  outputOffset: number;
  weight: number;
  /** The child of internal node `node` that the row starting at values[offset] goes to. */
  nextNode(node: number, values: Float64Array, offset: number): number;
}

/** What the explained outputs are: class probabilities (CART, forest), raw margins (boosting) or values. */
export type ShapOutputSpace = 'probability' | 'margin' | 'value';

/** A tree ensemble as TreeSHAP sees it: output = offset[k] + Σ weight × tree value. */
export interface ShapEnsemble {
  trees: ShapTree[];
  outputs: number;
  offset: Float64Array;
  space: ShapOutputSpace;
  featureNames: string[];
}

/** Reads a fitted tree ensemble's JSON (a family with the treeEnsemble capability); throws a DataError for other kinds or models saved without node cover. */
export function readShapEnsemble(model: SerializedModel): ShapEnsemble {
  const featureNames = [...model.featureNames];
  const ensemble = findFamilyInfo(model.kind)?.capabilities.treeEnsemble;
  if (ensemble === 'averaged') {
    const trees = (model.state as { trees: Record<string, number | number[]>[] }).trees.map(deserializeCartTree);
    const outputs = trees[0].outputs;
    const space = model.task === 'regression' ? 'value' : 'probability';
    return { trees: trees.map((t) => fromCartTree(t, 1 / trees.length)), outputs, offset: new Float64Array(outputs), space, featureNames };
  }
  if (ensemble === 'boosted') {
    const state = model.state as { baseline: number[]; trees: Record<string, number[] | number[][]>[][] };
    const trees = state.trees.flatMap((round) => round.map((json, k) => fromBoostedTree(deserializeTree(json), k)));
    const space = model.task === 'regression' ? 'value' : 'margin';
    return { trees, outputs: state.baseline.length, offset: Float64Array.from(state.baseline), space, featureNames };
  }
  const trees = MODEL_CATALOG.filter((family) => family.capabilities.treeEnsemble).map((family) => family.kind);
  throw new DataError(`TreeSHAP explains tree ensembles (${trees.join(', ')}), not "${model.kind}"; use Kernel SHAP (estimateKernelShap) for it.`);
}

function requireCover(cover: Float64Array | undefined): Float64Array {
  if (!cover) throw new DataError('This tree model was saved without node cover (training rows per node); retrain it to explain it with TreeSHAP.');
  return cover;
}

function fromCartTree(tree: CartTree, weight: number): ShapTree {
  return {
    left: tree.left, right: tree.right, feature: tree.feature, cover: requireCover(tree.cover), value: tree.value,
    outputs: tree.outputs, outputOffset: 0, weight,
    nextNode: (node, values, offset) => (values[offset + tree.feature[node]] <= tree.threshold[node] ? tree.left[node] : tree.right[node]),
  };
}

function fromBoostedTree(tree: BoostedTree, output: number): ShapTree {
  const cover = requireCover(tree.cover);
  const nextNode = (node: number, values: Float64Array, offset: number): number => stepRaw(tree, node, values, offset);
  return { left: tree.left, right: tree.right, feature: tree.feature, cover, value: tree.value, outputs: 1, outputOffset: output, weight: 1, nextNode };
}

/** Depth of the deepest leaf (the root alone has depth 0). */
export function measureTreeDepth(tree: ShapTree, node = 0): number {
  if (tree.feature[node] < 0) return 0;
  return 1 + Math.max(measureTreeDepth(tree, tree.left[node]), measureTreeDepth(tree, tree.right[node]));
}

/** Cover-weighted mean leaf value of output k (the tree's expected value under path-dependent perturbation). */
export function computeTreeExpectation(tree: ShapTree, k: number, node = 0): number {
  if (tree.feature[node] < 0) return tree.value[node * tree.outputs + k];
  const l = tree.left[node], r = tree.right[node];
  return (tree.cover[l] * computeTreeExpectation(tree, k, l) + tree.cover[r] * computeTreeExpectation(tree, k, r)) / tree.cover[node];
}
