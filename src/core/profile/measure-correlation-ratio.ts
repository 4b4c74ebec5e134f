// The correlation ratio η between a category and a number: η = √(SS_between / SS_total) over rows where
// the code is present and the number finite; SS_between = Σ n_k (mean_k − mean)², SS_total = Σ (x − mean)².
// Several categories against one number share two passes over the rows (each one's sums still in row order).

/** η in [0, 1]; NaN when no rows are complete or the number does not vary on them. */
export function measureCorrelationRatio(codes: Int32Array, levels: number, values: Float64Array): number {
  return measureCorrelationRatios([{ codes, levels }], values)[0];
}

/** η of each category (codes, −1 missing, into `levels` levels) against `values`, as measureCorrelationRatio each. */
export function measureCorrelationRatios(categories: readonly { codes: Int32Array; levels: number }[], values: Float64Array): number[] {
  const m = categories.length;
  const codes = categories.map((c) => c.codes);
  const sums = categories.map((c) => new Float64Array(c.levels));
  const counts = categories.map((c) => new Float64Array(c.levels));
  const n = new Float64Array(m);
  const totals = new Float64Array(m);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value - value !== 0) continue;
    for (let c = 0; c < m; c++) {
      const code = codes[c][i];
      if (code < 0) continue;
      sums[c][code] += value;
      counts[c][code]++;
      totals[c] += value;
      n[c]++;
    }
  }
  const means = Array.from(totals, (total, c) => total / n[c]);
  const ssTotal = new Float64Array(m);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value - value !== 0) continue;
    for (let c = 0; c < m; c++) if (codes[c][i] >= 0) ssTotal[c] += (value - means[c]) ** 2;
  }
  return categories.map((category, c) => {
    if (n[c] === 0 || ssTotal[c] === 0) return Number.NaN;
    let ssBetween = 0;
    for (let k = 0; k < category.levels; k++) if (counts[c][k] > 0) ssBetween += counts[c][k] * (sums[c][k] / counts[c][k] - means[c]) ** 2;
    return Math.min(1, Math.sqrt(ssBetween / ssTotal[c]));
  });
}
