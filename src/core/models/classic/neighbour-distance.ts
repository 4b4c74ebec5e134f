// The distances kNN offers, in their "reduced" form (squared for Euclidean), summed in one fixed order on every
// path: even features into one running sum and odd ones into another, added at the end (the two lanes of the
// WebAssembly kernel's f64x2 sums). The kernel, the k-d tree's leaves and its box bounds add the same terms in the
// same order, so every search path sees bit-identical distances and breaks ties the same way.

export type DistanceMetric = 'euclidean' | 'manhattan';

/**
 * Reduced distance from row `a` at `aOffset` to row `b` at `bOffset` (both row-major, `cols` wide), or any value
 * > `bound` once the partial sum passes it (the row cannot be a neighbour then, so the rest is skipped; partial
 * sums of non-negative terms only grow, so the early value is still > bound).
 */
export function measureReduced(a: Float64Array, aOffset: number, b: Float64Array, bOffset: number, cols: number, manhattan: boolean, bound: number): number {
  let even = 0;
  let odd = 0;
  const pairsEnd = cols - (cols % 2);
  if (manhattan) {
    for (let j = 0; j < pairsEnd; j += 2) {
      even += Math.abs(a[aOffset + j] - b[bOffset + j]);
      odd += Math.abs(a[aOffset + j + 1] - b[bOffset + j + 1]);
      if (even + odd > bound) return even + odd;
    }
    if (pairsEnd < cols) even += Math.abs(a[aOffset + pairsEnd] - b[bOffset + pairsEnd]);
  } else {
    for (let j = 0; j < pairsEnd; j += 2) {
      const d0 = a[aOffset + j] - b[bOffset + j];
      const d1 = a[aOffset + j + 1] - b[bOffset + j + 1];
      even += d0 * d0;
      odd += d1 * d1;
      if (even + odd > bound) return even + odd;
    }
    if (pairsEnd < cols) {
      const d = a[aOffset + pairsEnd] - b[bOffset + pairsEnd];
      even += d * d;
    }
  }
  return even + odd;
}

/** The true distance of a reduced one (the square root for Euclidean). */
export function toDistance(reduced: number, metric: DistanceMetric): number {
  return metric === 'euclidean' ? Math.sqrt(reduced) : reduced;
}
