// Pearson's r over pairwise-complete rows (both values finite), two passes (means, then centred sums),
// as pandas DataFrame.corr(method='pearson') and scipy.stats.pearsonr on those rows.

/** r of x and y over rows where both are finite; NaN with fewer than 2 such rows or zero variance. */
export function correlatePearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let n = 0;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (a - a !== 0 || b - b !== 0) continue;
    n++;
    sumX += a;
    sumY += b;
  }
  if (n < 2) return Number.NaN;
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (a - a !== 0 || b - b !== 0) continue;
    const dx = a - meanX;
    const dy = b - meanY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (sxx === 0 || syy === 0) return Number.NaN;
  // Clamp: rounding can push |r| a hair above 1 for perfectly linear data.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
