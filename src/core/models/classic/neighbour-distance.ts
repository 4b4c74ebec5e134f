// The distances kNN offers, in their "reduced" form (squared for Euclidean), summed feature by feature in
// column order everywhere: the brute-force tiles, the k-d tree's leaves and its box bounds add the same terms
// in the same order, so every search path sees bit-identical distances and breaks ties the same way.

export type DistanceMetric = 'euclidean' | 'manhattan';

/**
 * Reduced distance from row `a` at `aOffset` to row `b` at `bOffset` (both row-major, `cols` wide), or any value
 * > `bound` once the partial sum passes it (the row cannot be a neighbour then, so the rest is skipped; partial
 * sums of non-negative terms only grow, so the early value is still > bound).
 */
export function measureReduced(a: Float64Array, aOffset: number, b: Float64Array, bOffset: number, cols: number, manhattan: boolean, bound: number): number {
  let sum = 0;
  if (manhattan) {
    for (let j = 0; j < cols; j++) {
      sum += Math.abs(a[aOffset + j] - b[bOffset + j]);
      if (sum > bound) return sum;
    }
  } else {
    for (let j = 0; j < cols; j++) {
      const d = a[aOffset + j] - b[bOffset + j];
      sum += d * d;
      if (sum > bound) return sum;
    }
  }
  return sum;
}

/** The true distance of a reduced one (the square root for Euclidean). */
export function toDistance(reduced: number, metric: DistanceMetric): number {
  return metric === 'euclidean' ? Math.sqrt(reduced) : reduced;
}
