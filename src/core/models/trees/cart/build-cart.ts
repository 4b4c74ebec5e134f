// Depth-first CART growth (as sklearn's DepthFirstTreeBuilder + BestSplitter): at each node, features in a
// seeded random order, up to maxFeatures non-constant ones, each sorted and scanned for the threshold that
// most lowers the weighted impurity of the children; impurity decreases are summed into importances.

import { sortPairs } from '../shared/sort-pairs';
import { computeClassImpurity, computeVariance, type Criterion } from './cart-criterion';
import type { CartTree } from './cart-tree';

/** Growth settings; maxDepth 0 means unlimited; classes 0 means regression. */
export interface CartSettings {
  criterion: Criterion;
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  maxFeatures: number;
  classes: number;
}

/** Training data: row-major X, target (class index or value), per-row weights; rows = rows with weight > 0. */
export interface CartData {
  values: Float64Array;
  cols: number;
  y: Float64Array;
  weights: Float64Array;
}

const FEATURE_THRESHOLD = 1e-7;

interface Best { feature: number; threshold: number; score: number; position: number }

/** Grows a tree on the given rows (reordered in place); returns it with the unnormalised impurity decreases. */
export function buildCart(data: CartData, rows: Uint32Array, s: CartSettings, random: () => number): { tree: CartTree; decrease: Float64Array } {
  const K = s.classes > 0 ? s.classes : 1;
  const nodes = { feature: [] as number[], threshold: [] as number[], left: [] as number[], right: [] as number[], value: [] as number[], cover: [] as number[] };
  const decrease = new Float64Array(data.cols);
  const keys = new Float64Array(rows.length);
  const ids = new Uint32Array(rows.length);
  const order = Uint32Array.from({ length: data.cols }, (_, f) => f);
  const stats = new Float64Array(K + 2);
  const grow = (start: number, end: number, depth: number): number => {
    const id = nodes.feature.length;
    const { total, impurity } = summarise(data, rows, start, end, s, stats);
    nodes.feature.push(-1); nodes.threshold.push(0); nodes.left.push(-1); nodes.right.push(-1); nodes.cover.push(total);
    for (let k = 0; k < K; k++) nodes.value.push(s.classes > 0 ? stats[k] / total : stats[0] / total);
    const count = end - start;
    const isLeaf = (s.maxDepth > 0 && depth >= s.maxDepth) || count < s.minSamplesSplit || count < 2 * s.minSamplesLeaf || impurity <= 1e-12;
    if (isLeaf) return id;
    const best = findBestCartSplit(data, rows, start, end, s, random, order, keys, ids);
    if (best.feature < 0) return id;
    const mid = partitionRows(data, rows, start, end, best);
    const leftStats = summarise(data, rows, start, mid, s, stats);
    const rightStats = summarise(data, rows, mid, end, s, stats);
    decrease[best.feature] += total * impurity - leftStats.total * leftStats.impurity - rightStats.total * rightStats.impurity;
    nodes.feature[id] = best.feature;
    nodes.threshold[id] = best.threshold;
    nodes.left[id] = grow(start, mid, depth + 1);
    nodes.right[id] = grow(mid, end, depth + 1);
    return id;
  };
  grow(0, rows.length, 0);
  const tree: CartTree = {
    feature: Int32Array.from(nodes.feature), threshold: Float64Array.from(nodes.threshold), left: Int32Array.from(nodes.left),
    right: Int32Array.from(nodes.right), value: Float64Array.from(nodes.value), outputs: K, cover: Float64Array.from(nodes.cover),
  };
  return { tree, decrease };
}

/** Fills stats (class weights, or [Σwy, Σwy²]) for rows[start … end); returns total weight and impurity. */
function summarise(data: CartData, rows: Uint32Array, start: number, end: number, s: CartSettings, stats: Float64Array) {
  stats.fill(0);
  let total = 0;
  for (let i = start; i < end; i++) {
    const row = rows[i], w = data.weights[row], y = data.y[row];
    total += w;
    if (s.classes > 0) stats[y] += w;
    else { stats[0] += w * y; stats[1] += w * y * y; }
  }
  const impurity = s.classes > 0 ? computeClassImpurity(s.criterion, stats, 0, s.classes, total) : computeVariance(total, stats[0], stats[1]);
  return { total, impurity };
}

function findBestCartSplit(
  data: CartData, rows: Uint32Array, start: number, end: number, s: CartSettings, random: () => number,
  order: Uint32Array, keys: Float64Array, ids: Uint32Array,
): Best {
  const best: Best = { feature: -1, threshold: 0, score: Infinity, position: 0 };
  const count = end - start;
  let visited = 0;
  for (let i = 0; i < order.length && visited < s.maxFeatures; i++) {
    // Partial Fisher–Yates: the next feature in a fresh random order.
    const j = i + Math.floor(random() * (order.length - i));
    const f = order[j]; order[j] = order[i]; order[i] = f;
    for (let k = 0; k < count; k++) {
      ids[k] = rows[start + k];
      keys[k] = data.values[ids[k] * data.cols + f];
    }
    sortPairs(keys, ids, 0, count);
    if (keys[count - 1] <= keys[0] + FEATURE_THRESHOLD) continue;
    visited++;
    scanFeature(data, keys, ids, count, f, s, best);
  }
  return best;
}

/** Scans the sorted values of feature f; best.score is the children's weighted impurity (lower is better). */
function scanFeature(data: CartData, keys: Float64Array, ids: Uint32Array, count: number, f: number, s: CartSettings, best: Best): void {
  const K = s.classes;
  const left = new Float64Array(Math.max(K, 2));
  const all = new Float64Array(Math.max(K, 2));
  let total = 0;
  for (let k = 0; k < count; k++) {
    const w = data.weights[ids[k]], y = data.y[ids[k]];
    total += w;
    if (K > 0) all[y] += w;
    else { all[0] += w * y; all[1] += w * y * y; }
  }
  const right = new Float64Array(all.length);
  let wl = 0;
  for (let p = 1; p < count; p++) {
    const w = data.weights[ids[p - 1]], y = data.y[ids[p - 1]];
    wl += w;
    if (K > 0) left[y] += w;
    else { left[0] += w * y; left[1] += w * y * y; }
    if (keys[p] <= keys[p - 1] + FEATURE_THRESHOLD) continue;
    if (p < s.minSamplesLeaf || count - p < s.minSamplesLeaf) continue;
    const wr = total - wl;
    let score: number;
    if (K > 0) {
      for (let k = 0; k < K; k++) right[k] = all[k] - left[k];
      score = wl * computeClassImpurity(s.criterion, left, 0, K, wl) + wr * computeClassImpurity(s.criterion, right, 0, K, wr);
    } else {
      // Σwy² is the same for every split, so minimising Σ children variance = maximising sumL²/wl + sumR²/wr.
      score = -((left[0] * left[0]) / wl + ((all[0] - left[0]) * (all[0] - left[0])) / wr);
    }
    if (score < best.score) {
      best.score = score;
      best.feature = f;
      best.position = p;
      const threshold = (keys[p - 1] + keys[p]) / 2;
      best.threshold = threshold === keys[p] || !Number.isFinite(threshold) ? keys[p - 1] : threshold;
    }
  }
}

/** Moves rows with x[feature] ≤ threshold to the front; returns the first right position. */
function partitionRows(data: CartData, rows: Uint32Array, start: number, end: number, best: Best): number {
  let mid = start;
  for (let i = start; i < end; i++) {
    const row = rows[i];
    if (data.values[row * data.cols + best.feature] <= best.threshold) {
      rows[i] = rows[mid];
      rows[mid++] = row;
    }
  }
  return mid;
}
