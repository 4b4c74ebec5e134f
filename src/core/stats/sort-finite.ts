// One pass over a numeric column: counts of missing and infinite values and an ascending copy of the
// finite values (one typed-array sort, reused for quantiles, histogram, distinct counts and ranks), or the
// same from an argsort already made for ranking (scanFromOrder), so a ranked column is sorted once.

import { argsortFiniteByRadix } from './argsort-finite';
import { groupByOrder, type RankGroups } from './rank-column';
import { sortAndGroupByDistinct, sortFiniteByDistinct } from './sort-by-distinct';

/** The finite values of a column, sorted, with what was left out. */
export interface FiniteScan {
  sorted: Float64Array;
  /** NaN values. */
  missing: number;
  positiveInfinity: number;
  negativeInfinity: number;
}

/**
 * The scan of a column that will be ranked, and the argsort (argsortFinite) the ranks need: a column with few
 * distinct values is counted and gets no order (rankColumn counts it again, cheaper than walking an order);
 * any other is radix-sorted, then gathered.
 */
export function scanWithOrder(values: Float64Array): { scan: FiniteScan; order?: Uint32Array } {
  const sorted = sortFiniteByDistinct(values);
  if (sorted) return { scan: { sorted, ...countNonFinite(values) } };
  const order = argsortFiniteByRadix(values);
  return { scan: scanFromOrder(values, order), order };
}

/**
 * The scan of a column that will be ranked, and its tie groups (what rankFromGroups needs): counted from one count
 * when the column has few distinct values, else walked along its radix argsort. A part worker sends the groups to
 * the Spearman job, which then only fills the ranks in row order.
 */
export function scanWithRanks(values: Float64Array): { scan: FiniteScan; rank: RankGroups } {
  const counted = sortAndGroupByDistinct(values);
  if (counted) return { scan: { sorted: counted.sorted, ...countNonFinite(values) }, rank: counted.rank };
  const order = argsortFiniteByRadix(values);
  const scan = scanFromOrder(values, order);
  return { scan, rank: groupByOrder(values.length, order, scan.sorted, values) };
}

/** Sorts the finite values of `values` ascending (every −0 before every +0, as the native sort); few distinct values are counted, others radix-sorted. */
export function sortFinite(values: Float64Array): FiniteScan {
  const { missing, positiveInfinity, negativeInfinity } = countNonFinite(values);
  return { sorted: sortFiniteByDistinct(values) ?? sortFiniteByRadix(values, values.length - missing - positiveInfinity - negativeInfinity), missing, positiveInfinity, negativeInfinity };
}

/**
 * The finite values ascending by an LSD radix sort of their IEEE-754 bits made order-preserving (negative: flip all
 * bits; positive: flip the sign bit), (low, high) word pairs moved together, then turned back into doubles. −0
 * sorts just before +0, as the native sort leaves them. Readable form: values.filter(isFinite).sort().
 */
function sortFiniteByRadix(values: Float64Array, finite: number): Float64Array {
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  const hiWord = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: high word second
  let keys = new Uint32Array(2 * finite);
  const counts = new Uint32Array(6 * 2048);
  for (let row = 0, at = 0; row < values.length; row++) {
    if (values[row] - values[row] !== 0) continue;
    const h = words[2 * row + hiWord];
    const l = words[2 * row + 1 - hiWord];
    const negative = h >>> 31 === 1;
    const hi = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    const lo = negative ? ~l >>> 0 : l;
    keys[at++] = lo;
    keys[at++] = hi;
    counts[lo & 0x7ff]++;
    counts[2048 + ((lo >>> 11) & 0x7ff)]++;
    counts[4096 + (lo >>> 22)]++;
    counts[6144 + (hi & 0x7ff)]++;
    counts[8192 + ((hi >>> 11) & 0x7ff)]++;
    counts[10240 + (hi >>> 22)]++;
  }
  let spare = new Uint32Array(2 * finite);
  for (let pass = 0; pass < 6; pass++) {
    const word = pass < 3 ? 0 : 1;
    const shift = (pass % 3) * 11;
    const base = pass * 2048;
    if (finite === 0 || counts[base + ((keys[word] >>> shift) & 0x7ff)] === finite) continue; // every key shares this digit
    let offset = 0;
    for (let d = 0; d < 2048; d++) {
      const c = counts[base + d];
      counts[base + d] = offset;
      offset += c;
    }
    for (let from = 0; from < 2 * finite; from += 2) {
      const to = 2 * counts[base + ((keys[from + word] >>> shift) & 0x7ff)]++;
      spare[to] = keys[from];
      spare[to + 1] = keys[from + 1];
    }
    [keys, spare] = [spare, keys];
  }
  const sorted = new Float64Array(finite);
  const out = new Uint32Array(sorted.buffer);
  for (let k = 0; k < finite; k++) {
    const hi = keys[2 * k + 1];
    const negative = hi >>> 31 === 0;
    out[2 * k + hiWord] = negative ? ~hi >>> 0 : hi & 0x7fffffff;
    out[2 * k + 1 - hiWord] = negative ? ~keys[2 * k] >>> 0 : keys[2 * k];
  }
  return sorted;
}

/**
 * The same scan from a finite argsort (argsortFinite) of `values`, gathering instead of sorting a second time.
 * Zeros come out as the native sort leaves them: every −0 before every +0.
 */
export function scanFromOrder(values: Float64Array, order: Uint32Array): FiniteScan {
  const sorted = new Float64Array(order.length);
  let firstZero = -1;
  let negativeZeros = 0;
  for (let k = 0; k < order.length; k++) {
    const value = values[order[k]];
    sorted[k] = value;
    if (value === 0) {
      if (firstZero < 0) firstZero = k;
      if (1 / value < 0) negativeZeros++;
    }
  }
  // argsortFinite keeps ±0 in row order (they compare equal); restore the native order within the zeros.
  for (let k = 0; k < negativeZeros; k++) sorted[firstZero + k] = -0;
  for (let k = firstZero + negativeZeros; firstZero >= 0 && k < order.length && sorted[k] === 0; k++) sorted[k] = 0;
  return { sorted, ...countNonFinite(values) };
}

function countNonFinite(values: Float64Array): Omit<FiniteScan, 'sorted'> {
  let missing = 0;
  let positiveInfinity = 0;
  let negativeInfinity = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== value) missing++;
    else if (value === Number.POSITIVE_INFINITY) positiveInfinity++;
    else if (value === Number.NEGATIVE_INFINITY) negativeInfinity++;
  }
  return { missing, positiveInfinity, negativeInfinity };
}
