// The correlation ratio η between a category and a number: η = √(SS_between / SS_total) over rows where
// the code is present and the number finite; SS_between = Σ n_k (mean_k − mean)², SS_total = Σ (x − mean)².
// One pass: SS_total from sums shifted by s, the mean of the first 16 complete values: Σ(x − s)² − (Σ(x − s))² / n;
// when that cancels below half of Σ(x − s)² (s far from the mean, or no variation) a centred second pass recomputes it.

/** η in [0, 1]; NaN when no rows are complete or the number does not vary on them. */
export function measureCorrelationRatio(codes: Int32Array, levels: number, values: Float64Array): number {
  const sums = new Float64Array(levels);
  const counts = new Float64Array(levels);
  let n = 0;
  let total = 0;
  const shift = estimateCentre(codes, values);
  let shiftedSum = 0;
  let shiftedSquares = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    const value = values[i];
    if (code < 0 || value - value !== 0) continue;
    sums[code] += value;
    counts[code]++;
    total += value;
    n++;
    const d = value - shift;
    shiftedSum += d;
    shiftedSquares += d * d;
  }
  if (n === 0) return Number.NaN;
  const mean = total / n;
  let ssTotal = shiftedSquares - (shiftedSum * shiftedSum) / n;
  if (!(ssTotal > 0.5 * shiftedSquares)) ssTotal = sumSquaredDeviations(codes, values, mean);
  let ssBetween = 0;
  for (let k = 0; k < levels; k++) if (counts[k] > 0) ssBetween += counts[k] * (sums[k] / counts[k] - mean) ** 2;
  if (ssTotal === 0) return Number.NaN;
  return Math.min(1, Math.sqrt(ssBetween / ssTotal));
}

/** Σ (x − mean)² over rows where the code is present and the number finite (the centred second pass). */
function sumSquaredDeviations(codes: Int32Array, values: Float64Array, mean: number): number {
  let ssTotal = 0;
  for (let i = 0; i < codes.length; i++) {
    const value = values[i];
    if (codes[i] < 0 || value - value !== 0) continue;
    ssTotal += (value - mean) ** 2;
  }
  return ssTotal;
}

/** The mean of the first (up to) 16 values whose code is present and number finite; 0 when there are none. */
function estimateCentre(codes: Int32Array, values: Float64Array): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < codes.length && count < 16; i++) {
    const value = values[i];
    if (codes[i] < 0 || value - value !== 0) continue;
    sum += value;
    count++;
  }
  return count === 0 ? 0 : sum / count;
}
