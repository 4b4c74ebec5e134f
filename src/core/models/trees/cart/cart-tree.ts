// A fitted CART tree in flat arrays: node i splits on feature[i] at threshold[i] (x ≤ threshold goes left);
// leaves (feature −1) hold `outputs` values: class probabilities, or the mean for regression.

import { checkTreeLinks } from '../check-tree-links';

/** Flat CART tree; value is row-major nodes × outputs. */
export interface CartTree {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  outputs: number;
  /** Per node: the training weight that reached it (sklearn's weighted_n_node_samples); absent in older models. */
  cover?: Float64Array;
}

/** The leaf index reached by the row starting at values[offset]. */
export function findCartLeaf(tree: CartTree, values: Float64Array, offset: number): number {
  let node = 0;
  while (tree.feature[node] >= 0) node = values[offset + tree.feature[node]] <= tree.threshold[node] ? tree.left[node] : tree.right[node];
  return node;
}

/** Adds `scale` × the leaf values of every row of a row-major matrix into out (rows × outputs). */
export function addTreePredictions(tree: CartTree, values: Float64Array, rows: number, cols: number, out: Float64Array, scale: number): void {
  const K = tree.outputs;
  for (let i = 0; i < rows; i++) {
    const leaf = findCartLeaf(tree, values, i * cols);
    for (let k = 0; k < K; k++) out[i * K + k] += scale * tree.value[leaf * K + k];
  }
}

/** Plain JSON arrays. */
export function serializeCartTree(tree: CartTree): Record<string, number | number[]> {
  const json: Record<string, number | number[]> = {
    outputs: tree.outputs, feature: [...tree.feature], threshold: [...tree.threshold],
    left: [...tree.left], right: [...tree.right], value: [...tree.value],
  };
  if (tree.cover) json.cover = [...tree.cover];
  return json;
}

/** Inverse of serializeCartTree. */
export function deserializeCartTree(json: Record<string, number | number[]>): CartTree {
  const tree = {
    outputs: json.outputs as number, feature: Int32Array.from(json.feature as number[]),
    threshold: Float64Array.from(json.threshold as number[]), left: Int32Array.from(json.left as number[]),
    right: Int32Array.from(json.right as number[]), value: Float64Array.from(json.value as number[]),
    cover: json.cover ? Float64Array.from(json.cover as number[]) : undefined,
  };
  checkTreeLinks(tree.feature, tree.left, tree.right, 'decision tree');
  return tree;
}
