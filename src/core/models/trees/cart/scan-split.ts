// The split scan of one feature at one node (as sklearn's BestSplitter): rows sorted by rank, every boundary
// between distinct values (more than 1e-7 apart) with enough rows on each side scored by the children's
// weighted impurity. The arithmetic is cart-criterion.ts's, operation for operation, so splits stay bit-exact.
// Two classes have unrolled scans (scan-binary.ts); this one takes any number of classes, or regression.

import type { Criterion } from './cart-criterion';

export const FEATURE_THRESHOLD = 1e-7;

/** The best split so far (lower score is better): leftRank the highest rank going left, rightRank the lowest going right. */
export interface CartSplit { feature: number; score: number; leftRank: number; rightRank: number; threshold: number }

/**
 * A node's rows of one feature, sorted: keys[p] + offset is the rank (into levels) of the row at ids[p] (an
 * index into the node's weights and targets, or its class code); isSpaced: distinct levels lie > 1e-7 apart.
 */
export interface SortedFeature { feature: number; keys: Uint32Array; ids: Uint32Array; count: number; offset: number; levels: Float64Array; isSpaced: boolean }

/** The node's weights and targets (by position in the node), settings, and left / all / right sums (max(K, 2) long). */
export interface ScanContext {
  weights: Float64Array;
  y: Float64Array;
  classes: number;
  criterion: Criterion;
  minSamplesLeaf: number;
  left: Float64Array;
  all: Float64Array;
  right: Float64Array;
}

/** Scans one sorted feature, updating `best` when a split beats it (ties keep the earlier split). */
export function scanSortedFeature(s: SortedFeature, c: ScanContext, best: CartSplit): void {
  const { keys, ids, count, levels, isSpaced, offset } = s;
  const { weights, y, left, all, right, minSamplesLeaf } = c;
  const K = c.classes;
  const isGini = c.criterion === 'gini';
  left.fill(0);
  all.fill(0);
  let total = 0;
  for (let k = 0; k < count; k++) {
    const w = weights[ids[k]], v = y[ids[k]];
    total += w;
    if (K > 0) all[v] += w;
    else { all[0] += w * v; all[1] += w * v * v; }
  }
  let wl = 0;
  for (let p = 1; p < count; p++) {
    const id = ids[p - 1];
    const w = weights[id], v = y[id];
    wl += w;
    if (K > 0) left[v] += w;
    else { left[0] += w * v; left[1] += w * v * v; }
    const before = keys[p - 1], after = keys[p];
    // Readable form: value[p] <= value[p − 1] + 1e-7 (equal ranks are equal values; spaced levels never closer).
    if (after === before || (!isSpaced && levels[after + offset] <= levels[before + offset] + FEATURE_THRESHOLD)) continue;
    if (p < minSamplesLeaf || count - p < minSamplesLeaf) continue;
    const wr = total - wl;
    let score: number;
    if (K > 0) {
      for (let k = 0; k < K; k++) right[k] = all[k] - left[k];
      score = wl * computeImpurity(isGini, left, K, wl) + wr * computeImpurity(isGini, right, K, wr);
    } else {
      // Σwy² is the same for every split, so minimising Σ children variance = maximising sumL²/wl + sumR²/wr.
      score = -((left[0] * left[0]) / wl + ((all[0] - left[0]) * (all[0] - left[0])) / wr);
    }
    if (score < best.score) setBest(best, s.feature, score, before + offset, after + offset);
  }
}

/** Records a better split (its threshold is set once the node's search ends: setThreshold). */
export function setBest(best: CartSplit, feature: number, score: number, leftRank: number, rightRank: number): void {
  best.score = score;
  best.feature = feature;
  best.leftRank = leftRank;
  best.rightRank = rightRank;
}

/** The midpoint of the values either side of the split, or the lower one when the midpoint rounds up to the upper (or overflows). */
export function setThreshold(best: CartSplit, levels: Float64Array): void {
  const below = levels[best.leftRank], above = levels[best.rightRank];
  const threshold = (below + above) / 2;
  best.threshold = threshold === above || !Number.isFinite(threshold) ? below : threshold;
}

/** computeClassImpurity without the criterion string per class (same operations in the same order). */
function computeImpurity(isGini: boolean, counts: Float64Array, K: number, total: number): number {
  let out = isGini ? 1 : 0;
  for (let k = 0; k < K; k++) {
    const p = counts[k] / total;
    if (isGini) out -= p * p;
    else if (p > 0) out -= p * Math.log2(p);
  }
  return out;
}
