// The k-selection of a kNN search: one bounded max-heap per query of a block, in flat typed arrays, so a
// query keeps its k nearest rows in O(log k) per accepted row and never sorts all n. Order is (distance, row):
// at equal distance the lower training row is nearer, whatever order the search meets the rows in.

import { toDistance, type DistanceMetric } from './neighbour-distance';

/** The k nearest rows so far of up to `capacity` queries; `bound[q]` is what a row must beat to enter. */
export class NeighbourHeaps {
  readonly k: number;
  readonly distances: Float64Array;
  readonly rows: Uint32Array;
  readonly sizes: Uint32Array;
  /** Per query: the k-th reduced distance once k rows are in, Infinity before. */
  readonly bound: Float64Array;

  constructor(capacity: number, k: number) {
    this.k = k;
    this.distances = new Float64Array(capacity * k);
    this.rows = new Uint32Array(capacity * k);
    this.sizes = new Uint32Array(capacity);
    this.bound = new Float64Array(capacity).fill(Infinity);
  }

  /** Offers training row `row` at reduced distance `d` to query `q`; kept when it is among the k nearest so far. */
  offer(q: number, d: number, row: number): void {
    const k = this.k;
    const base = q * k;
    const size = this.sizes[q];
    if (size < k) {
      this.distances[base + size] = d;
      this.rows[base + size] = row;
      this.siftUp(base, size);
      this.sizes[q] = size + 1;
      if (size + 1 === k) this.bound[q] = this.distances[base];
      return;
    }
    const top = this.distances[base];
    if (d > top || (d === top && row > this.rows[base])) return;
    this.distances[base] = d;
    this.rows[base] = row;
    this.siftDown(base, k);
    this.bound[q] = this.distances[base];
  }

  /** Writes query q's rows nearest first (true distances) at `offset` of the outputs, emptying its heap. */
  drain(q: number, indices: Uint32Array, distances: Float64Array, offset: number, metric: DistanceMetric): void {
    const base = q * this.k;
    // Pop the max-heap from the back so the output is nearest first.
    for (let n = this.sizes[q] - 1; n >= 0; n--) {
      indices[offset + n] = this.rows[base];
      distances[offset + n] = toDistance(this.distances[base], metric);
      this.distances[base] = this.distances[base + n];
      this.rows[base] = this.rows[base + n];
      this.siftDown(base, n);
    }
    this.sizes[q] = 0;
    this.bound[q] = Infinity;
  }

  /** Is entry a after entry b (farther, or as far with a higher row)? */
  private isAfter(a: number, b: number): boolean {
    const da = this.distances[a];
    const db = this.distances[b];
    return da > db || (da === db && this.rows[a] > this.rows[b]);
  }

  private swap(a: number, b: number): void {
    const d = this.distances[a];
    this.distances[a] = this.distances[b];
    this.distances[b] = d;
    const r = this.rows[a];
    this.rows[a] = this.rows[b];
    this.rows[b] = r;
  }

  private siftUp(base: number, at: number): void {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.isAfter(base + at, base + parent)) return;
      this.swap(base + at, base + parent);
      at = parent;
    }
  }

  private siftDown(base: number, size: number): void {
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let largest = at;
      if (left < size && this.isAfter(base + left, base + largest)) largest = left;
      if (right < size && this.isAfter(base + right, base + largest)) largest = right;
      if (largest === at) return;
      this.swap(base + at, base + largest);
      at = largest;
    }
  }
}
