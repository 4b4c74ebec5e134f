// Counts distinct values of float64 columns exactly, in linear time: multiples of one 10^-d within a span of a few
// per value (ids, counts, prices) in a bit set; otherwise an open-addressing hash set over the values' bits that fits in the CPU
// cache while values are few; past that, the values are first split by hash into 64 partitions so each
// partition's set stays cache-sized (~1.5× faster on a million unique values).

const SMALL_CAPACITY = 1 << 14;
const PARTITION_BITS = 6;

/** Distinct non-NaN values in `values`; -0 and 0 count as one. */
export function countDistinctNumbers(values: Float64Array): number {
  const dense = countDenseDecimals(values);
  if (dense >= 0) return dense;
  const small = countInOneSet(values, SMALL_CAPACITY);
  return small >= 0 ? small : countByPartitions(values);
}

/** A bit set covers spans up to this many values per value counted (and at least DENSE_MIN_SPAN, at most DENSE_MAX_SPAN). */
const DENSE_SPAN_PER_VALUE = 8;
const DENSE_MIN_SPAN = 1 << 16;
const DENSE_MAX_SPAN = 1 << 26;
/** Decimals with up to this many fraction digits are counted as whole numbers of 10^-digits. */
const DENSE_MAX_DIGITS = 6;

/**
 * Distinct count of numbers that are all whole multiples of one 10^-d (d ≤ 6: ids, counts, prices, rates) within
 * a span small for their number, one bit per possible multiple (1 M unique ids: ~5 ms instead of ~100 ms hashed);
 * −1 otherwise. Exact: each v equals round(v·10^d)/10^d, so v ↦ round(v·10^d) loses nothing.
 */
function countDenseDecimals(values: Float64Array): number {
  const maxSpan = Math.min(DENSE_MAX_SPAN, Math.max(DENSE_MIN_SPAN, DENSE_SPAN_PER_VALUE * values.length));
  let scale = 1;
  let digits = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    while (Math.round(v * scale) / scale !== v) {
      if (++digits > DENSE_MAX_DIGITS) return -1;
      scale *= 10;
    }
    if (v < min) min = v;
    if (v > max) max = v;
    if ((max - min) * scale >= maxSpan) return -1; // wide already (epoch-ms dates): stop at once
  }
  if (min > max) return 0;
  const low = Math.round(min * scale);
  const span = Math.round(max * scale) - low + 1;
  if (!(span <= maxSpan)) return -1;
  const seen = new Int32Array(Math.ceil(span / 32));
  let distinct = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    const whole = Math.round(v * scale);
    // A value read with fewer digits must also come back at the final scale (else the mapping could merge two).
    if (whole / scale !== v) return -1;
    const k = whole - low; // -0 and 0 give the same k
    const word = k >>> 5;
    const bit = 1 << (k & 31);
    if ((seen[word] & bit) === 0) {
      seen[word] |= bit;
      distinct++;
    }
  }
  return distinct;
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** A 32-bit hash of a number's bits (-0 must be folded into 0 first). */
function hashNumber(x: number): number {
  bits[0] = x;
  const h = Math.imul(words[0] ^ Math.imul(words[1], 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 15);
}

/** Distinct count with one set of `capacity` slots, or −1 once it would be more than half full. */
function countInOneSet(values: Float64Array, capacity: number): number {
  const slots = new Float64Array(capacity).fill(NaN);
  const mask = capacity - 1;
  const limit = capacity >>> 1;
  let distinct = 0;
  for (let i = 0; i < values.length; i++) {
    let v = values[i];
    if (v !== v) continue;
    if (v === 0) v = 0; // folds -0 into 0
    let slot = hashNumber(v) & mask;
    for (;;) {
      const s = slots[slot];
      if (s !== s) {
        slots[slot] = v;
        if (++distinct > limit) return -1;
        break;
      }
      if (s === v) break;
      slot = (slot + 1) & mask;
    }
  }
  return distinct;
}

function countByPartitions(values: Float64Array): number {
  const n = values.length;
  const shift = 32 - PARTITION_BITS;
  const partitions = 1 << PARTITION_BITS;
  const hashes = new Int32Array(n);
  const ends = new Int32Array(partitions + 1);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    const h = hashNumber(v === 0 ? 0 : v);
    hashes[i] = h;
    ends[(h >>> shift) + 1]++;
  }
  for (let p = 0; p < partitions; p++) ends[p + 1] += ends[p];
  const next = ends.slice(0, partitions);
  const grouped = new Float64Array(ends[partitions]);
  const groupedHashes = new Int32Array(ends[partitions]);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    const j = next[hashes[i] >>> shift]++;
    grouped[j] = v === 0 ? 0 : v;
    groupedHashes[j] = hashes[i];
  }
  let largest = 0;
  for (let p = 0; p < partitions; p++) largest = Math.max(largest, ends[p + 1] - ends[p]);
  let capacity = 16;
  while (capacity < largest * 2) capacity *= 2;
  const slots = new Float64Array(capacity);
  const mask = capacity - 1;
  let distinct = 0;
  for (let p = 0; p < partitions; p++) {
    slots.fill(NaN);
    for (let j = ends[p]; j < ends[p + 1]; j++) {
      const v = grouped[j];
      // The low hash bits index the slot: the high ones are the same within a partition.
      for (let slot = groupedHashes[j] & mask; ; slot = (slot + 1) & mask) {
        const s = slots[slot];
        if (s !== s) {
          slots[slot] = v;
          distinct++;
          break;
        }
        if (s === v) break;
      }
    }
  }
  return distinct;
}
