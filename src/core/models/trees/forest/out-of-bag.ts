// The out-of-bag score of a forest: accuracy (classification) or R² (regression) over the rows that at least
// one tree left out, from the summed predictions of those trees (as sklearn's oob_score_).

import type { FeatureMatrix } from '../../types';
import { findCartLeaf, type CartTree } from '../cart/cart-tree';

/** Accuracy or R² from OOB sums (rows × K, K = classes or 1) and per-row tree counts; NaN when no row is OOB. */
export function scoreOutOfBag(sum: Float64Array, count: Float64Array, y: Float64Array, classes: number): number {
  const K = Math.max(1, classes);
  let used = 0, hits = 0, residual = 0, mean = 0;
  for (let i = 0; i < y.length; i++) if (count[i] > 0) { used++; mean += y[i]; }
  if (used === 0) return NaN;
  mean /= used;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    if (count[i] === 0) continue;
    if (classes > 0) {
      let best = 0;
      for (let k = 1; k < K; k++) if (sum[i * K + k] > sum[i * K + best]) best = k;
      hits += best === y[i] ? 1 : 0;
    } else {
      residual += (y[i] - sum[i] / count[i]) ** 2;
      total += (y[i] - mean) ** 2;
    }
  }
  return classes > 0 ? hits / used : 1 - residual / total;
}

/** Out-of-bag sums of trees in index order: each row's summed outputs (rows × max(1, classes)) and its number of trees. */
export interface OutOfBagSums {
  sum: Float64Array;
  count: Float64Array;
}

/** Zero sums for `rows` rows. */
export function createOutOfBagSums(rows: number, classes: number): OutOfBagSums {
  return { sum: new Float64Array(rows * Math.max(1, classes)), count: new Float64Array(rows) };
}

/** Adds the tree's outputs for rows it did not see (count 0) to the out-of-bag sums. */
export function addOutOfBag(tree: CartTree, X: FeatureMatrix, counts: Float64Array, sum: Float64Array, seen: Float64Array): void {
  const K = tree.outputs;
  for (let i = 0; i < X.rows; i++) {
    if (counts[i] > 0) continue;
    // Readable form: addTreePredictions on row i alone, scale 1 (0 + v is v).
    const leaf = findCartLeaf(tree, X.values, i * X.cols);
    for (let k = 0; k < K; k++) sum[i * K + k] += tree.value[leaf * K + k];
    seen[i]++;
  }
}
