// Quantiles of an ascending array exactly as numpy's default method ('linear', type 7) computes them in numpy
// 1.23+ (virtual index h = (n − 1)·q, then numpy's two-sided lerp between the neighbours), and as scipy's
// mstats.mquantiles does with its defaults (partial dependence grids, as sklearn).

/** The q-quantile (0 ≤ q ≤ 1) of `sorted` (ascending, no NaN); NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const virtual = (n - 1) * q;
  const below = Math.floor(virtual);
  const lo = Math.min(Math.max(below, 0), n - 1);
  const hi = Math.min(Math.max(below + 1, 0), n - 1);
  return lerp(sorted[lo], sorted[hi], virtual - below);
}

/** numpy's _lerp: a + (b − a)·t, computed from b's side when t ≥ 0.5 so that t = 1 gives b exactly. */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** scipy.stats.mstats.mquantiles with its defaults alphap = betap = 0.4, on sorted values. */
export function mquantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const aleph = n * p + 0.4 + p * (1 - 0.8);
  const k = Math.floor(Math.min(Math.max(aleph, 1), n - 1));
  const gamma = Math.min(Math.max(aleph - k, 0), 1);
  return (1 - gamma) * sorted[k - 1] + gamma * sorted[k];
}
