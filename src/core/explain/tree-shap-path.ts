// Exact TreeSHAP for one tree and one row: Lundberg et al. 2018, "Algorithm 2" (path-dependent feature
// perturbation), as shap's tree_shap_recursive. The unique path of features met so far lives in flat arrays;
// each recursion level copies its parent's path to the next free slot, so no allocation happens per node.

import type { ShapTree } from './shap-tree';

/** Reusable buffers for paths up to `maxDepth` splits deep. */
export interface PathBuffer {
  feature: Int32Array;
  zero: Float64Array;
  one: Float64Array;
  weight: Float64Array;
}

/** Buffers for trees of depth ≤ maxDepth (shap sizes them (d + 2)(d + 3) / 2). */
export function createPathBuffer(maxDepth: number): PathBuffer {
  const d = maxDepth + 2;
  const size = ((d + 1) * (d + 2)) / 2 + d;
  return { feature: new Int32Array(size), zero: new Float64Array(size), one: new Float64Array(size), weight: new Float64Array(size) };
}

/**
 * Adds the tree's SHAP values for the row at values[offset] into phi (layout output × M + feature), each
 * scaled by tree.weight; outputs go to tree.outputOffset + k.
 */
export function addTreeShap(tree: ShapTree, values: Float64Array, offset: number, phi: Float64Array, M: number, p: PathBuffer): void {
  recurse(tree, values, offset, phi, M, p, 0, 0, 0, 1, 1, -1);
}

function recurse(
  tree: ShapTree, values: Float64Array, offset: number, phi: Float64Array, M: number, p: PathBuffer,
  node: number, parentAt: number, depth: number, parentZero: number, parentOne: number, parentFeature: number,
): void {
  const at = parentAt + depth + 1;
  // A plain loop: copyWithin's call overhead dominates for paths this short.
  for (let i = 0; i <= depth; i++) {
    p.feature[at + i] = p.feature[parentAt + i];
    p.zero[at + i] = p.zero[parentAt + i];
    p.one[at + i] = p.one[parentAt + i];
    p.weight[at + i] = p.weight[parentAt + i];
  }
  extendPath(p, at, depth, parentZero, parentOne, parentFeature);
  const split = tree.feature[node];
  if (split < 0) {
    const K = tree.outputs;
    for (let i = 1; i <= depth; i++) {
      const scale = sumUnwoundPath(p, at, depth, i) * (p.one[at + i] - p.zero[at + i]) * tree.weight;
      const f = p.feature[at + i];
      for (let k = 0; k < K; k++) phi[(tree.outputOffset + k) * M + f] += scale * tree.value[node * K + k];
    }
    return;
  }
  const hot = tree.nextNode(node, values, offset);
  const cold = hot === tree.left[node] ? tree.right[node] : tree.left[node];
  const cover = tree.cover[node];
  let incomingZero = 1, incomingOne = 1;
  let index = 0;
  while (index <= depth && p.feature[at + index] !== split) index++;
  if (index <= depth) {
    // The feature was split on above: undo that split so this node redoes it with both fractions combined.
    incomingZero = p.zero[at + index];
    incomingOne = p.one[at + index];
    unwindPath(p, at, depth, index);
    depth -= 1;
  }
  recurse(tree, values, offset, phi, M, p, hot, at, depth + 1, (tree.cover[hot] / cover) * incomingZero, incomingOne, split);
  recurse(tree, values, offset, phi, M, p, cold, at, depth + 1, (tree.cover[cold] / cover) * incomingZero, 0, split);
}

/** Adds a feature to the path, updating the permutation weights of every subset size. */
function extendPath(p: PathBuffer, at: number, depth: number, zero: number, one: number, feature: number): void {
  p.feature[at + depth] = feature;
  p.zero[at + depth] = zero;
  p.one[at + depth] = one;
  p.weight[at + depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    p.weight[at + i + 1] += (one * p.weight[at + i] * (i + 1)) / (depth + 1);
    p.weight[at + i] = (zero * p.weight[at + i] * (depth - i)) / (depth + 1);
  }
}

/** Removes path element `index`, inverting extendPath. */
function unwindPath(p: PathBuffer, at: number, depth: number, index: number): void {
  const one = p.one[at + index], zero = p.zero[at + index];
  let next = p.weight[at + depth];
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = p.weight[at + i];
      p.weight[at + i] = (next * (depth + 1)) / ((i + 1) * one);
      next = tmp - (p.weight[at + i] * zero * (depth - i)) / (depth + 1);
    } else {
      p.weight[at + i] = (p.weight[at + i] * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = index; i < depth; i++) {
    p.feature[at + i] = p.feature[at + i + 1];
    p.zero[at + i] = p.zero[at + i + 1];
    p.one[at + i] = p.one[at + i + 1];
  }
}

/** The total permutation weight the path would have without element `index` (unwindPath without writing). */
function sumUnwoundPath(p: PathBuffer, at: number, depth: number, index: number): number {
  const one = p.one[at + index], zero = p.zero[at + index];
  let next = p.weight[at + depth];
  let total = 0;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = (next * (depth + 1)) / ((i + 1) * one);
      total += tmp;
      next = p.weight[at + i] - tmp * zero * ((depth - i) / (depth + 1));
    } else if (zero !== 0) {
      total += p.weight[at + i] / zero / ((depth - i) / (depth + 1));
    }
  }
  return total;
}
