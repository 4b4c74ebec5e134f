// Depth-first CART growth (as sklearn's DepthFirstTreeBuilder + BestSplitter): at each node, features in a
// seeded random order, up to maxFeatures non-constant ones, each sorted and scanned for the threshold that
// most lowers the weighted impurity of the children (find-cart-split.ts); impurity decreases are summed into
// importances. Rows are sorted by rank (rank-columns.ts), kept in node order with their data (node-rows.ts).

import { computeClassImpurity, computeVariance, type Criterion } from './cart-criterion';
import type { CartTree } from './cart-tree';
import { createSplitFinder } from './find-cart-split';
import { gatherNodeRows, partitionNodeRows, type NodeRows } from './node-rows';
import { rankColumns, type RankedColumns } from './rank-columns';

/** Growth settings; maxDepth 0 means unlimited; classes 0 means regression. */
export interface CartSettings {
  criterion: Criterion;
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  maxFeatures: number;
  classes: number;
}

/** Training data: row-major X, target (class index or value), per-row weights; `ranked` (rankColumns of X) may be shared by many trees. */
export interface CartData {
  values: Float64Array;
  cols: number;
  y: Float64Array;
  weights: Float64Array;
  ranked?: RankedColumns;
}

/** A node's total weight, impurity and sums (class weights, or [Σwy, Σwy²]). */
interface NodeStats { total: number; impurity: number; sums: Float64Array }

/** Grows a tree on the given rows (reordered in place); returns it with the unnormalised impurity decreases. */
export function buildCart(data: CartData, rows: Uint32Array, s: CartSettings, random: () => number): { tree: CartTree; decrease: Float64Array } {
  const K = s.classes > 0 ? s.classes : 1;
  const ranked = data.ranked ?? rankColumns(data.values, data.values.length / data.cols, data.cols);
  const nodes = { feature: [] as number[], threshold: [] as number[], left: [] as number[], right: [] as number[], value: [] as number[], cover: [] as number[] };
  const decrease = new Float64Array(data.cols);
  const at = gatherNodeRows(ranked, data.weights, data.y, rows);
  const findSplit = createSplitFinder(ranked, at, s, random);
  const grow = (start: number, end: number, depth: number, known: NodeStats): number => {
    const id = nodes.feature.length;
    // The parent summed these rows in this order already: the same stats as summarising them again here.
    const { total, impurity, sums } = known;
    nodes.feature.push(-1); nodes.threshold.push(0); nodes.left.push(-1); nodes.right.push(-1); nodes.cover.push(total);
    for (let k = 0; k < K; k++) nodes.value.push(s.classes > 0 ? sums[k] / total : sums[0] / total);
    const count = end - start;
    const isLeaf = (s.maxDepth > 0 && depth >= s.maxDepth) || count < s.minSamplesSplit || count < 2 * s.minSamplesLeaf || impurity <= 1e-12;
    if (isLeaf) return id;
    const best = findSplit(start, end);
    if (best.feature < 0) return id;
    const mid = partitionNodeRows(at, start, end, best.feature, best.leftRank);
    const leftStats = summarise(at, start, mid, s);
    const rightStats = summarise(at, mid, end, s);
    decrease[best.feature] += total * impurity - leftStats.total * leftStats.impurity - rightStats.total * rightStats.impurity;
    nodes.feature[id] = best.feature;
    nodes.threshold[id] = best.threshold;
    nodes.left[id] = grow(start, mid, depth + 1, leftStats);
    nodes.right[id] = grow(mid, end, depth + 1, rightStats);
    return id;
  };
  grow(0, rows.length, 0, summarise(at, 0, rows.length, s));
  const tree: CartTree = {
    feature: Int32Array.from(nodes.feature), threshold: Float64Array.from(nodes.threshold), left: Int32Array.from(nodes.left),
    right: Int32Array.from(nodes.right), value: Float64Array.from(nodes.value), outputs: K, cover: Float64Array.from(nodes.cover),
  };
  return { tree, decrease };
}

/** The stats of positions start … end − 1, summed in that order (the rows' order). */
function summarise(at: NodeRows, start: number, end: number, s: CartSettings): NodeStats {
  const stats = new Float64Array(Math.max(s.classes, 2));
  let total = 0;
  for (let i = start; i < end; i++) {
    const w = at.weights[i], y = at.y[i];
    total += w;
    if (s.classes > 0) stats[y] += w;
    else { stats[0] += w * y; stats[1] += w * y * y; }
  }
  const impurity = s.classes > 0 ? computeClassImpurity(s.criterion, stats, 0, s.classes, total) : computeVariance(total, stats[0], stats[1]);
  return { total, impurity, sums: stats };
}
