// Quantiles of an ascending array, exactly as numpy's default method ('linear', type 7):
// virtual index h = (n − 1)·q written as numpy does, then numpy's two-sided lerp between neighbours.

/** The q-quantile (0 ≤ q ≤ 1) of `sorted` (ascending, no NaN); NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  // numpy: n·q + (α + q·(1 − α − β)) − 1 with α = β = 1; kept in this form so the floor matches.
  const virtual = n * q + (1 + q * (1 - 1 - 1)) - 1;
  const below = Math.floor(virtual);
  const lo = Math.min(Math.max(below, 0), n - 1);
  const hi = Math.min(Math.max(below + 1, 0), n - 1);
  const gamma = virtual - below;
  return lerp(sorted[lo], sorted[hi], gamma);
}

/** numpy's _lerp: a + (b − a)·t, computed from b's side when t ≥ 0.5 so that t = 1 gives b exactly. */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
