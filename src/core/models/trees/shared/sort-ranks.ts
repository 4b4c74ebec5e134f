// Stable sort of a node's rows by integer rank (keys, with the row ids they carry): insertion sort for a few
// rows, else an LSD radix sort whose digit width follows the row count and the span of the keys, so a small
// node does not pay for a large histogram. Readable form: pairs sorted by key, ties in their given order.

/** Two key/id buffers (each at least as long as the largest node) and a digit histogram of 2^16 + 1 entries. */
export interface RankSortBuffers {
  keys: Uint32Array;
  ids: Uint32Array;
  keysOther: Uint32Array;
  idsOther: Uint32Array;
  counts: Uint32Array;
}

const MAX_DIGIT_BITS = 16;
const INSERTION_BELOW = 24;

/** Buffers for nodes of up to `capacity` rows. */
export function createRankSortBuffers(capacity: number): RankSortBuffers {
  return {
    keys: new Uint32Array(capacity), ids: new Uint32Array(capacity), keysOther: new Uint32Array(capacity),
    idsOther: new Uint32Array(capacity), counts: new Uint32Array((1 << MAX_DIGIT_BITS) + 1),
  };
}

/**
 * Sorts buffers.keys[0 … count) (all < 2^bits) ascending, stably, moving buffers.ids alike; returns true when
 * the sorted pairs ended in keysOther/idsOther instead.
 */
export function sortRanks(b: RankSortBuffers, count: number, bits: number): boolean {
  if (count < INSERTION_BELOW) {
    sortByInsertion(b.keys, b.ids, count);
    return false;
  }
  const widest = Math.min(MAX_DIGIT_BITS, Math.max(4, 32 - Math.clz32(count)));
  const passes = Math.ceil(bits / widest);
  const digitBits = Math.ceil(bits / passes);
  let from = b.keys, fromIds = b.ids, to = b.keysOther, toIds = b.idsOther;
  for (let pass = 0, shift = 0; pass < passes; pass++, shift += digitBits) {
    moveByDigit(from, fromIds, to, toIds, count, shift, (1 << digitBits) - 1, b.counts);
    [from, to, fromIds, toIds] = [to, from, toIds, fromIds];
  }
  return passes % 2 === 1;
}

/** One counting-sort pass on the digit (key >>> shift) & mask. */
function moveByDigit(from: Uint32Array, fromIds: Uint32Array, to: Uint32Array, toIds: Uint32Array, count: number, shift: number, mask: number, counts: Uint32Array): void {
  counts.fill(0, 0, mask + 2);
  for (let i = 0; i < count; i++) counts[((from[i] >>> shift) & mask) + 1]++;
  for (let d = 1; d <= mask + 1; d++) counts[d] += counts[d - 1];
  for (let i = 0; i < count; i++) {
    const key = from[i];
    const at = counts[(key >>> shift) & mask]++;
    to[at] = key;
    toIds[at] = fromIds[i];
  }
}

function sortByInsertion(keys: Uint32Array, ids: Uint32Array, count: number): void {
  for (let i = 1; i < count; i++) {
    const key = keys[i], id = ids[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      ids[j + 1] = ids[j];
      j--;
    }
    keys[j + 1] = key;
    ids[j + 1] = id;
  }
}
