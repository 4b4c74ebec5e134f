// Node impurity for CART (as sklearn's Gini, Entropy and MSE criteria) from weighted sufficient statistics:
// class weights for classification, (Σw, Σwy, Σwy²) for regression.

/** 'gini' | 'entropy' for classification, 'squared_error' for regression. */
export type Criterion = 'gini' | 'entropy' | 'squared_error';

/** Impurity of class weights counts[offset … offset + K) summing to total. */
export function computeClassImpurity(criterion: Criterion, counts: Float64Array, offset: number, K: number, total: number): number {
  let out = criterion === 'gini' ? 1 : 0;
  for (let k = 0; k < K; k++) {
    const p = counts[offset + k] / total;
    if (criterion === 'gini') out -= p * p;
    else if (p > 0) out -= p * Math.log2(p);
  }
  return out;
}

/** Variance Σwy²/Σw − (Σwy/Σw)². */
export function computeVariance(total: number, sum: number, sumSquares: number): number {
  const mean = sum / total;
  return sumSquares / total - mean * mean;
}
