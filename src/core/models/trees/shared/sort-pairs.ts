// In-place sort of parallel arrays (keys and the row ids they belong to), for exact split search on sorted
// feature values without allocating per node.

/** Sorts keys[lo … hi) ascending and applies the same moves to ids (quicksort, insertion sort below 16). */
export function sortPairs(keys: Float64Array, ids: Uint32Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1;
    // Median of three as pivot.
    const a = keys[lo], b = keys[mid], c = keys[hi - 1];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo, j = hi - 1;
    while (i <= j) {
      while (keys[i] < pivot) i++;
      while (keys[j] > pivot) j--;
      if (i <= j) {
        swap(keys, ids, i, j);
        i++;
        j--;
      }
    }
    // Recurse into the smaller part, loop on the larger (bounded stack depth).
    if (j - lo < hi - i) {
      sortPairs(keys, ids, lo, j + 1);
      lo = i;
    } else {
      sortPairs(keys, ids, i, hi);
      hi = j + 1;
    }
  }
  for (let i = lo + 1; i < hi; i++) {
    const key = keys[i], id = ids[i];
    let j = i - 1;
    while (j >= lo && keys[j] > key) {
      keys[j + 1] = keys[j];
      ids[j + 1] = ids[j];
      j--;
    }
    keys[j + 1] = key;
    ids[j + 1] = id;
  }
}

function swap(keys: Float64Array, ids: Uint32Array, i: number, j: number): void {
  const k = keys[i]; keys[i] = keys[j]; keys[j] = k;
  const d = ids[i]; ids[i] = ids[j]; ids[j] = d;
}
