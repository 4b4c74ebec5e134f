// Brute-force k nearest neighbours on typed arrays: for each query row, the k closest training rows by
// Euclidean or Manhattan distance, ties broken by the lower training row (a bounded max-heap, no per-row objects).

export type DistanceMetric = 'euclidean' | 'manhattan';

export interface Neighbours {
  /** Row-major queries × k training row indices, nearest first. */
  indices: Uint32Array;
  /** Matching distances (true distances, not squared). */
  distances: Float64Array;
}

/**
 * Distance (squared for Euclidean) from query row q to training row t, or any value ≥ `bound` once the partial
 * sum passes it (the row cannot enter the top k then, so the rest of the sum is skipped).
 */
function measure(queries: Float64Array, qOffset: number, train: Float64Array, tOffset: number, cols: number, manhattan: boolean, bound: number): number {
  let sum = 0;
  for (let j = 0; j < cols; j++) {
    const d = queries[qOffset + j] - train[tOffset + j];
    sum += manhattan ? Math.abs(d) : d * d;
    if (sum > bound) return sum;
  }
  return sum;
}

/** Is entry a "after" entry b in neighbour order (farther, or as far with a higher row)? */
const isAfter = (da: number, ia: number, db: number, ib: number): boolean => da > db || (da === db && ia > ib);

/** The k nearest training rows for every query row. */
export function findNeighbours(train: Float64Array, trainRows: number, queries: Float64Array, queryRows: number, cols: number, k: number, metric: DistanceMetric): Neighbours {
  const indices = new Uint32Array(queryRows * k);
  const distances = new Float64Array(queryRows * k);
  const heapD = new Float64Array(k);
  const heapI = new Uint32Array(k);
  for (let q = 0; q < queryRows; q++) {
    let size = 0;
    const manhattan = metric === 'manhattan';
    for (let t = 0; t < trainRows; t++) {
      const d = measure(queries, q * cols, train, t * cols, cols, manhattan, size < k ? Infinity : heapD[0]);
      if (size < k) {
        heapD[size] = d;
        heapI[size] = t;
        siftUp(heapD, heapI, size++);
      } else if (d < heapD[0]) {
        heapD[0] = d;
        heapI[0] = t;
        siftDown(heapD, heapI, k);
      }
    }
    // Pop the max-heap from the back so the output is nearest first.
    for (let n = k - 1; n >= 0; n--) {
      indices[q * k + n] = heapI[0];
      distances[q * k + n] = metric === 'euclidean' ? Math.sqrt(heapD[0]) : heapD[0];
      heapD[0] = heapD[n];
      heapI[0] = heapI[n];
      siftDown(heapD, heapI, n);
    }
  }
  return { indices, distances };
}

function swap(d: Float64Array, ix: Uint32Array, a: number, b: number): void {
  [d[a], d[b]] = [d[b], d[a]];
  [ix[a], ix[b]] = [ix[b], ix[a]];
}

function siftUp(d: Float64Array, ix: Uint32Array, at: number): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (!isAfter(d[at], ix[at], d[parent], ix[parent])) return;
    swap(d, ix, at, parent);
    at = parent;
  }
}

function siftDown(d: Float64Array, ix: Uint32Array, size: number): void {
  let at = 0;
  for (;;) {
    const left = 2 * at + 1;
    const right = left + 1;
    let largest = at;
    if (left < size && isAfter(d[left], ix[left], d[largest], ix[largest])) largest = left;
    if (right < size && isAfter(d[right], ix[right], d[largest], ix[largest])) largest = right;
    if (largest === at) return;
    swap(d, ix, at, largest);
    at = largest;
  }
}
