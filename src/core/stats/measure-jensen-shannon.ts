// The Jensen–Shannon distance between two frequency vectors, as scipy.spatial.distance.jensenshannon(p, q, base=2)
// computes it: each vector normalised to sum 1, m = (p + q) / 2, √((KL(p‖m) + KL(q‖m)) / 2) with base-2 logarithms,
// so the distance lies in [0, 1] (0: the same proportions; 1: no category or bin in common).

import { sumPairwise } from './numpy-stats';

/** The base-2 JS distance between counts (or proportions) `p` and `q` over the same categories or bins; NaN when a side sums to 0. */
export function measureJensenShannon(p: readonly number[], q: readonly number[]): number {
  const pTotal = sumPairwise(p);
  const qTotal = sumPairwise(q);
  if (!(pTotal > 0 && qTotal > 0)) return Number.NaN;
  const left = new Float64Array(p.length);
  const right = new Float64Array(p.length);
  for (let k = 0; k < p.length; k++) {
    const pk = p[k] / pTotal;
    const qk = q[k] / qTotal;
    const mk = (pk + qk) / 2;
    left[k] = relativeEntropy(pk, mk);
    right[k] = relativeEntropy(qk, mk);
  }
  const js = (sumPairwise(left) + sumPairwise(right)) / Math.log(2);
  // Equal vectors give 0 exactly; the clamp only keeps a rounding of −1e-17 from becoming NaN under the root.
  return Math.sqrt(Math.max(0, js / 2));
}

/** scipy.special.rel_entr: x·ln(x/y), 0 when x = 0. */
function relativeEntropy(x: number, y: number): number {
  if (x === 0) return 0;
  return x * Math.log(x / y);
}
