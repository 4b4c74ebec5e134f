// The two-sample Kolmogorov–Smirnov test: D = the largest gap between the two empirical distribution
// functions (scipy.stats.ks_2samp's statistic) and its asymptotic two-sided p-value from the Kolmogorov
// distribution, Q(D·√(nm/(n+m))) = scipy.stats.kstwobign.sf — close to exact for parts of a few dozen rows up.

/** KS statistic D in [0, 1] and its p-value; NaN for both when a sample is empty. */
export interface KsResult {
  readonly statistic: number;
  readonly pValue: number;
}

/** Compares two ascending samples (no NaN). */
export function measureKs(a: ArrayLike<number>, b: ArrayLike<number>): KsResult {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return { statistic: Number.NaN, pValue: Number.NaN };
  let i = 0;
  let j = 0;
  let statistic = 0;
  // Step both distribution functions past each distinct value (ties move together), then compare them.
  while (i < n && j < m) {
    const x = a[i] <= b[j] ? a[i] : b[j];
    while (i < n && a[i] === x) i++;
    while (j < m && b[j] === x) j++;
    statistic = Math.max(statistic, Math.abs(i / n - j / m));
  }
  return { statistic, pValue: surviveKolmogorov(statistic * Math.sqrt((n * m) / (n + m))) };
}

/**
 * P(K > λ) for the Kolmogorov distribution: 2·Σ (−1)^(k−1)·exp(−2k²λ²) for λ ≥ 1, and for small λ (where that
 * series converges slowly) 1 − √(2π)/λ·Σ exp(−(2k−1)²π²/(8λ²)).
 */
export function surviveKolmogorov(lambda: number): number {
  if (!(lambda > 0)) return 1;
  let sum = 0;
  if (lambda < 1) {
    const factor = (Math.PI * Math.PI) / (8 * lambda * lambda);
    for (let k = 1; k <= 20; k++) sum += Math.exp(-(2 * k - 1) * (2 * k - 1) * factor);
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * sum));
  }
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += k % 2 === 1 ? term : -term;
    if (term < 1e-300) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}
