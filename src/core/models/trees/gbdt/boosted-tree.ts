// One fitted boosting tree in flat arrays (node i: feature, threshold, children, value), its prediction on raw
// or binned rows, and its plain-JSON form. Leaves have feature −1; values already include the learning rate.

import { checkTreeLinks } from '../check-tree-links';
import { MISSING_BIN } from './bin-mapper';

/** A boosting tree; for categorical nodes `leftCategories[i]` lists the codes sent left (MISSING_BIN = missing). */
export interface BoostedTree {
  feature: Int32Array;
  /** Raw-value threshold: x ≤ threshold goes left (numeric nodes). */
  threshold: Float64Array;
  /** Binned threshold: bin ≤ binThreshold goes left (numeric nodes). */
  binThreshold: Uint8Array;
  missingLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  /** Per node: null, or a 256-entry lookup (1 = left) for categorical splits. */
  leftCategories: (Uint8Array | null)[];
  /** Per node: training rows that reached it (sklearn's node count), for TreeSHAP; absent in older models. */
  cover?: Float64Array;
}

/** The child of split `node` that a raw row (values at offset) goes to; NaN and unknown categories follow missingLeft. */
export function stepRaw(tree: BoostedTree, node: number, values: Float64Array, offset: number): number {
  const x = values[offset + tree.feature[node]];
  const cats = tree.leftCategories[node];
  let goLeft: boolean;
  if (Number.isNaN(x)) goLeft = tree.missingLeft[node] === 1;
  else if (cats) goLeft = Number.isInteger(x) && x >= 0 && x < MISSING_BIN ? cats[x] === 1 : tree.missingLeft[node] === 1;
  else goLeft = x <= tree.threshold[node];
  return goLeft ? tree.left[node] : tree.right[node];
}

/** Leaf reached by one raw row (values at row * cols). */
export function findLeafRaw(tree: BoostedTree, values: Float64Array, offset: number): number {
  let node = 0;
  while (tree.feature[node] >= 0) node = stepRaw(tree, node, values, offset);
  return node;
}

/** Leaf reached by row i of a column-major binned matrix with n rows. */
export function findLeafBinned(tree: BoostedTree, binned: Uint8Array, n: number, i: number): number {
  let node = 0;
  while (tree.feature[node] >= 0) {
    const b = binned[tree.feature[node] * n + i];
    const cats = tree.leftCategories[node];
    const goLeft = cats ? cats[b] === 1 : b === MISSING_BIN ? tree.missingLeft[node] === 1 : b <= tree.binThreshold[node];
    node = goLeft ? tree.left[node] : tree.right[node];
  }
  return node;
}

/** Plain JSON: arrays of numbers; categorical nodes as [node, codes…]. */
export function serializeTree(tree: BoostedTree): Record<string, number[] | number[][]> {
  const categories: number[][] = [];
  tree.leftCategories.forEach((cats, node) => {
    if (!cats) return;
    const codes: number[] = [];
    cats.forEach((bit, code) => bit && codes.push(code));
    categories.push([node, ...codes]);
  });
  const json: Record<string, number[] | number[][]> = {
    feature: [...tree.feature], threshold: [...tree.threshold], binThreshold: [...tree.binThreshold],
    missingLeft: [...tree.missingLeft], left: [...tree.left], right: [...tree.right], value: [...tree.value], categories,
  };
  if (tree.cover) json.cover = [...tree.cover];
  return json;
}

/** Inverse of serializeTree. */
export function deserializeTree(json: Record<string, number[] | number[][]>): BoostedTree {
  const feature = Int32Array.from(json.feature as number[]);
  const leftCategories: (Uint8Array | null)[] = Array.from({ length: feature.length }, () => null);
  for (const [node, ...codes] of json.categories as number[][]) {
    const cats = new Uint8Array(256);
    for (const code of codes) cats[code] = 1;
    leftCategories[node] = cats;
  }
  const tree = {
    feature, threshold: Float64Array.from(json.threshold as number[]), binThreshold: Uint8Array.from(json.binThreshold as number[]),
    missingLeft: Uint8Array.from(json.missingLeft as number[]), left: Int32Array.from(json.left as number[]),
    right: Int32Array.from(json.right as number[]), value: Float64Array.from(json.value as number[]), leftCategories,
    cover: json.cover ? Float64Array.from(json.cover as number[]) : undefined,
  };
  checkTreeLinks(tree.feature, tree.left, tree.right, 'boosted tree');
  return tree;
}
