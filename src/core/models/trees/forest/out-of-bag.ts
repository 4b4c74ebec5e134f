// The out-of-bag score of a forest: accuracy (classification) or R² (regression) over the rows that at least
// one tree left out, from the summed predictions of those trees (as sklearn's oob_score_).

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
