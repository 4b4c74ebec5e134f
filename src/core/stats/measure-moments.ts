// Mean, sample standard deviation, skewness and kurtosis of finite values, as pandas computes them:
// two passes; std with ddof = 1; skew = adjusted Fisher–Pearson G1 = n·√(n−1)/(n−2) · m3/m2^1.5 and
// kurt = n(n+1)(n−1)·m4 / ((n−2)(n−3)·m2²) − 3(n−1)²/((n−2)(n−3)), with m_k = Σ(x − mean)^k.

export interface Moments {
  mean: number;
  std: number;
  skewness: number;
  kurtosis: number;
}

/** Moments of `values` (finite numbers only); NaN where undefined (n < 2 std, n < 3 skew, n < 4 kurt, m2 = 0 skew/kurt). */
export function measureMoments(values: ArrayLike<number>): Moments {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, std: Number.NaN, skewness: Number.NaN, kurtosis: Number.NaN };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const std = n < 2 ? Number.NaN : Math.sqrt(m2 / (n - 1));
  // pandas zeroes sums below 1e-14 (floating-point noise of a constant column) before dividing.
  m2 = Math.abs(m2) < 1e-14 ? 0 : m2;
  m3 = Math.abs(m3) < 1e-14 ? 0 : m3;
  const skewness = n < 3 || m2 === 0 ? Number.NaN : ((n * Math.sqrt(n - 1)) / (n - 2)) * (m3 / m2 ** 1.5);
  const kurtosis =
    n < 4 || m2 === 0
      ? Number.NaN
      : (n * (n + 1) * (n - 1) * m4) / ((n - 2) * (n - 3) * m2 * m2) - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
  return { mean, std, skewness, kurtosis };
}
