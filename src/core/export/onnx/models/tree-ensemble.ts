// Writes trees as one ai.onnx.ml TreeEnsemble node (opset 5): double thresholds (`nodes_splits` as a double tensor,
// so a split compares exactly as the studio's doubles do), set-membership splits for categorical codes, and the
// missing-value direction per node. A tree node in `EnsembleTree` sends x to `left` when the test holds.

import type { OnnxGraphBuilder } from '../graph-builder';

/** One tree in flat arrays (node 0 the root; feature −1 a leaf), contributing `leafWeight(node)` to `target`. */
export interface EnsembleTree {
  readonly target: number;
  readonly feature: ArrayLike<number>;
  readonly threshold: ArrayLike<number>;
  readonly left: ArrayLike<number>;
  readonly right: ArrayLike<number>;
  leafWeight(node: number): number;
  /** True when a NaN feature goes left. */
  missingLeft(node: number): boolean;
  /** Categorical node: the codes sent left (others go right); null for `x ≤ threshold`. */
  leftCodes(node: number): readonly number[] | null;
}

// TreeEnsemble's node modes and aggregate functions (Operators-ml.md, ai.onnx.ml.TreeEnsemble-5).
const BRANCH_LEQ = 0;
const BRANCH_LT = 1;
const BRANCH_MEMBER = 6;
const AGGREGATE_SUM = 1;

/** Flat attribute arrays of the whole ensemble. */
class EnsembleArrays {
  readonly roots: number[] = [];
  readonly features: number[] = [];
  readonly modes: number[] = [];
  readonly splits: number[] = [];
  readonly trueIds: number[] = [];
  readonly trueLeafs: number[] = [];
  readonly falseIds: number[] = [];
  readonly falseLeafs: number[] = [];
  readonly missingTrue: number[] = [];
  /** Member sets by node id (ONNX lists them in node order, each closed by NaN). */
  readonly members = new Map<number, readonly number[]>();
  readonly leafTargets: number[] = [];
  readonly leafWeights: number[] = [];

  addLeaf(target: number, weight: number): number {
    this.leafTargets.push(target);
    this.leafWeights.push(weight);
    return this.leafTargets.length - 1;
  }

  /** Reserves a split node's slot; its fields are set by `setNode`. */
  reserveNode(): number {
    this.features.push(0), this.modes.push(BRANCH_LEQ), this.splits.push(0), this.missingTrue.push(0);
    this.trueIds.push(0), this.trueLeafs.push(0), this.falseIds.push(0), this.falseLeafs.push(0);
    return this.features.length - 1;
  }
}

/** Adds one TreeEnsemble node summing every tree's leaf weight per target: returns its [N, targets] double output. */
export function addTreeEnsemble(builder: OnnxGraphBuilder, features: string, trees: readonly EnsembleTree[], targets: number, hint: string): string {
  const arrays = new EnsembleArrays();
  for (const tree of trees) arrays.roots.push(writeTree(arrays, tree));
  const members = [...arrays.members.keys()].sort((a, b) => a - b).flatMap((id) => [...arrays.members.get(id)!, NaN]);
  const attributes = {
    aggregate_function: { i: AGGREGATE_SUM },
    n_targets: { i: targets },
    post_transform: { i: 0 },
    tree_roots: { ints: arrays.roots },
    nodes_featureids: { ints: arrays.features },
    nodes_modes: { t: { type: 'uint8' as const, dims: [arrays.modes.length], values: arrays.modes } },
    nodes_splits: { t: { type: 'double' as const, dims: [arrays.splits.length], values: arrays.splits } },
    nodes_truenodeids: { ints: arrays.trueIds },
    nodes_trueleafs: { ints: arrays.trueLeafs },
    nodes_falsenodeids: { ints: arrays.falseIds },
    nodes_falseleafs: { ints: arrays.falseLeafs },
    nodes_missing_value_tracks_true: { ints: arrays.missingTrue },
    leaf_targetids: { ints: arrays.leafTargets },
    leaf_weights: { t: { type: 'double' as const, dims: [arrays.leafWeights.length], values: arrays.leafWeights } },
    ...(members.length > 0 ? { membership_values: { t: { type: 'double' as const, dims: [members.length], values: members } } } : {}),
  };
  return builder.node('TreeEnsemble', [features], [hint], attributes, 'ai.onnx.ml')[0];
}

/** Writes one tree depth-first; returns its root's node id. A tree that is one leaf gets a split whose both sides reach it. */
function writeTree(arrays: EnsembleArrays, tree: EnsembleTree): number {
  if (tree.feature[0] < 0) {
    const id = arrays.reserveNode();
    const leaf = arrays.addLeaf(tree.target, tree.leafWeight(0));
    arrays.trueIds[id] = arrays.falseIds[id] = leaf;
    arrays.trueLeafs[id] = arrays.falseLeafs[id] = 1;
    return id;
  }
  const stack: { node: number; id: number }[] = [{ node: 0, id: arrays.reserveNode() }];
  const rootId = stack[0].id;
  while (stack.length > 0) {
    const { node, id } = stack.pop()!;
    writeTest(arrays, tree, node, id);
    for (const [child, isTrue] of [[tree.left[node], true], [tree.right[node], false]] as const) {
      const isLeaf = tree.feature[child] < 0;
      const childId = isLeaf ? arrays.addLeaf(tree.target, tree.leafWeight(child)) : arrays.reserveNode();
      (isTrue ? arrays.trueIds : arrays.falseIds)[id] = childId;
      (isTrue ? arrays.trueLeafs : arrays.falseLeafs)[id] = isLeaf ? 1 : 0;
      if (!isLeaf) stack.push({ node: child, id: childId });
    }
  }
  return rootId;
}

function writeTest(arrays: EnsembleArrays, tree: EnsembleTree, node: number, id: number): void {
  arrays.features[id] = tree.feature[node];
  arrays.missingTrue[id] = tree.missingLeft(node) ? 1 : 0;
  const codes = tree.leftCodes(node);
  if (codes === null) {
    arrays.modes[id] = BRANCH_LEQ;
    arrays.splits[id] = tree.threshold[node];
  } else if (codes.length === 0) {
    // No code goes left: x < −∞ never holds, NaN still follows the missing direction.
    arrays.modes[id] = BRANCH_LT;
    arrays.splits[id] = -Infinity;
  } else {
    arrays.modes[id] = BRANCH_MEMBER;
    arrays.splits[id] = NaN;
    arrays.members.set(id, codes);
  }
}
