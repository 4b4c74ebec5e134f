// The correlation ratio η between a category and a number: η = √(SS_between / SS_total) over rows where
// the code is present and the number finite; SS_between = Σ n_k (mean_k − mean)², SS_total = Σ (x − mean)².

/** η in [0, 1]; NaN when no rows are complete or the number does not vary on them. */
export function measureCorrelationRatio(codes: Int32Array, levels: number, values: Float64Array): number {
  const sums = new Float64Array(levels);
  const counts = new Float64Array(levels);
  let n = 0;
  let total = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    const value = values[i];
    if (code < 0 || value - value !== 0) continue;
    sums[code] += value;
    counts[code]++;
    total += value;
    n++;
  }
  if (n === 0) return Number.NaN;
  const mean = total / n;
  let ssTotal = 0;
  for (let i = 0; i < codes.length; i++) {
    const value = values[i];
    if (codes[i] < 0 || value - value !== 0) continue;
    ssTotal += (value - mean) ** 2;
  }
  let ssBetween = 0;
  for (let k = 0; k < levels; k++) if (counts[k] > 0) ssBetween += counts[k] * (sums[k] / counts[k] - mean) ** 2;
  if (ssTotal === 0) return Number.NaN;
  return Math.min(1, Math.sqrt(ssBetween / ssTotal));
}
