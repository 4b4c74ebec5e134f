// Mean and population standard deviation (ddof 0) of a short list of scores: CV folds, shuffle repeats. Plain
// left-to-right sums, as numpy's mean/std give them for such lengths to the last bit or two.

/** Mean and population std of `values` (no NaN expected); NaN for both when empty. */
export function measureMeanStd(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) * (v - mean), 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}
