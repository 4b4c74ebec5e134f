// A k-d tree over the training rows (scikit-learn's KDTree: leaves of ≤ ~30 rows, each node split at the
// median of its widest feature, nodes in one implicit binary heap with a bounding box each), and its exact
// k-nearest search: depth first, nearer child first, a node skipped only when its box is strictly farther
// than the k-th neighbour so far, so rows tied with the k-th are still met and the lower row wins.

import { measureReduced, type DistanceMetric } from './neighbour-distance';
import type { NeighbourHeaps } from './neighbour-heaps';

/** Rows per leaf, at most about this many (scikit-learn's default leaf_size). */
const KD_LEAF_SIZE = 30;

export interface KdTree {
  cols: number;
  /** Training rows in tree order (row-major copy, so a leaf is contiguous) and the original row of each. */
  points: Float64Array;
  order: Uint32Array;
  /** Per node: first and past-last position in `order`. Node i's children are 2i + 1 and 2i + 2. */
  start: Uint32Array;
  end: Uint32Array;
  /** Per node: the box of its rows, nodes × cols (lowest and highest value of each feature). */
  lower: Float64Array;
  upper: Float64Array;
  /** Nodes from this index on are leaves. */
  firstLeaf: number;
  levels: number;
}

/** Builds the tree over `rows` × `cols` row-major training values (no NaN). */
export function buildKdTree(train: Float64Array, rows: number, cols: number, leafSize = KD_LEAF_SIZE): KdTree {
  const levels = Math.floor(Math.log2(Math.max(1, (rows - 1) / leafSize))) + 1;
  const nodes = 2 ** levels - 1;
  const firstLeaf = 2 ** (levels - 1) - 1;
  const order = Uint32Array.from({ length: rows }, (_, i) => i);
  const tree: KdTree = {
    cols, points: new Float64Array(rows * cols), order, start: new Uint32Array(nodes), end: new Uint32Array(nodes),
    lower: new Float64Array(nodes * cols), upper: new Float64Array(nodes * cols), firstLeaf, levels,
  };
  tree.end[0] = rows;
  // Parents come before children in index order, so one pass splits every node after its parent.
  for (let node = 0; node < nodes; node++) {
    measureBox(train, tree, node);
    if (node >= firstLeaf) continue;
    const from = tree.start[node];
    const to = tree.end[node];
    const mid = from + ((to - from) >> 1);
    selectNth(train, cols, widestFeature(tree, node), order, from, to, mid);
    tree.start[2 * node + 1] = from;
    tree.end[2 * node + 1] = mid;
    tree.start[2 * node + 2] = mid;
    tree.end[2 * node + 2] = to;
  }
  for (let p = 0; p < rows; p++) tree.points.set(train.subarray(order[p] * cols, order[p] * cols + cols), p * cols);
  return tree;
}

/** Offers query q (row `q` of `queries`) its nearest rows of the tree, in heap slot `slot`. */
export function searchKdTree(tree: KdTree, queries: Float64Array, q: number, metric: DistanceMetric, heaps: NeighbourHeaps, slot: number, stack: KdStack): void {
  const { cols, points, order, start, end, firstLeaf } = tree;
  const manhattan = metric === 'manhattan';
  const offset = q * cols;
  let top = 0;
  stack.nodes[0] = 0;
  stack.bounds[0] = measureBoxGap(tree, 0, queries, offset, manhattan);
  while (top >= 0) {
    const node = stack.nodes[top];
    const gap = stack.bounds[top--];
    if (gap > heaps.bound[slot]) continue;
    if (node >= firstLeaf) {
      for (let p = start[node]; p < end[node]; p++) {
        const d = measureReduced(queries, offset, points, p * cols, cols, manhattan, heaps.bound[slot]);
        if (d <= heaps.bound[slot]) heaps.offer(slot, d, order[p]);
      }
      continue;
    }
    const left = 2 * node + 1;
    const leftGap = measureBoxGap(tree, left, queries, offset, manhattan);
    const rightGap = measureBoxGap(tree, left + 1, queries, offset, manhattan);
    // Push the farther child first so the nearer one is searched first and tightens the bound.
    const nearLeft = leftGap <= rightGap;
    stack.nodes[++top] = nearLeft ? left + 1 : left;
    stack.bounds[top] = nearLeft ? rightGap : leftGap;
    stack.nodes[++top] = nearLeft ? left : left + 1;
    stack.bounds[top] = nearLeft ? leftGap : rightGap;
  }
}

/** Work space of one search: a node stack as deep as the tree needs. */
export interface KdStack {
  nodes: Uint32Array;
  bounds: Float64Array;
}

export function createKdStack(tree: KdTree): KdStack {
  return { nodes: new Uint32Array(2 * tree.levels + 2), bounds: new Float64Array(2 * tree.levels + 2) };
}

/**
 * Reduced distance from the query to the node's box: the per-feature gaps summed in measureReduced's order
 * (even and odd features apart, then added), so it is never above the distance to any row inside: each gap is
 * at most that row's difference and rounding is monotone.
 */
function measureBoxGap(tree: KdTree, node: number, queries: Float64Array, offset: number, manhattan: boolean): number {
  const { cols, lower, upper } = tree;
  let even = 0;
  let odd = 0;
  for (let j = 0; j < cols; j++) {
    const x = queries[offset + j];
    const lo = lower[node * cols + j];
    const hi = upper[node * cols + j];
    const gap = x < lo ? lo - x : x > hi ? x - hi : 0;
    const term = manhattan ? gap : gap * gap;
    if (j % 2 === 0) even += term;
    else odd += term;
  }
  return even + odd;
}

/** Fills node's box from its rows. */
function measureBox(train: Float64Array, tree: KdTree, node: number): void {
  const { cols, order, lower, upper } = tree;
  lower.fill(Infinity, node * cols, node * cols + cols);
  upper.fill(-Infinity, node * cols, node * cols + cols);
  for (let p = tree.start[node]; p < tree.end[node]; p++) {
    for (let j = 0; j < cols; j++) {
      const v = train[order[p] * cols + j];
      if (v < lower[node * cols + j]) lower[node * cols + j] = v;
      if (v > upper[node * cols + j]) upper[node * cols + j] = v;
    }
  }
}

/** The feature with the widest spread in node's box (the first on ties). */
function widestFeature(tree: KdTree, node: number): number {
  let best = 0;
  let widest = -Infinity;
  for (let j = 0; j < tree.cols; j++) {
    const spread = tree.upper[node * tree.cols + j] - tree.lower[node * tree.cols + j];
    if (spread > widest) (widest = spread), (best = j);
  }
  return best;
}

/**
 * Reorders order[from … to − 1] so that position nth holds the row whose `feature` value would be there in
 * sorted order, with no larger value before it and no smaller after (Hoare's selection; equal values may
 * sit on both sides, which keeps runs of duplicates balanced).
 */
function selectNth(train: Float64Array, cols: number, feature: number, order: Uint32Array, from: number, to: number, nth: number): void {
  const value = (p: number) => train[order[p] * cols + feature];
  let left = from;
  let right = to - 1;
  while (right > left) {
    const pivot = medianOfThree(value(left), value((left + right) >> 1), value(right));
    let i = left;
    let j = right;
    while (i <= j) {
      while (value(i) < pivot) i++;
      while (value(j) > pivot) j--;
      if (i <= j) {
        const swap = order[i];
        order[i++] = order[j];
        order[j--] = swap;
      }
    }
    if (nth <= j) right = j;
    else if (nth >= i) left = i;
    else return;
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}
