// Sorting a column with few distinct values by counting them: one pass over the rows into a small hash table
// (distinct value → count, each row's code kept), the distinct values sorted, then the rows or values laid out
// bucket by bucket. Replaces the radix argsort and the native sort when a column has at most `maxDistinct` values
// (integers, dates, rounded decimals); gives up (null) as soon as it sees more.

import { mixHash, sizeTable } from './mix-hash';
import type { RankGroups } from './rank-column';

/** Most distinct values worth counting (a 1.5 MB table); columns with more are radix- or natively sorted. */
export const MAX_COUNTED_DISTINCT = 65_536;

/** Each finite row's code (−1 elsewhere), the distinct values by code (−0 as 0), their counts and how many −0 there were. */
interface DistinctCount {
  codes: Int32Array;
  keys: Float64Array;
  counts: Uint32Array;
  finite: number;
  negativeZeros: number;
}

/** Counts the distinct finite values of `values`; null once there are more than `maxDistinct`. */
function countDistinctFinite(values: Float64Array, maxDistinct: number): DistinctCount | null {
  const size = sizeTable(maxDistinct);
  const mask = size - 1;
  const slotKeys = new Float64Array(size);
  const slotCodes = new Int32Array(size).fill(-1);
  const keys = new Float64Array(maxDistinct);
  const counts = new Uint32Array(maxDistinct);
  const codes = new Int32Array(values.length);
  const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  let distinct = 0;
  let finite = 0;
  let negativeZeros = 0;
  for (let row = 0; row < values.length; row++) {
    let value = values[row];
    if (value - value !== 0) {
      codes[row] = -1;
      continue;
    }
    finite++;
    if (value === 0) {
      if (1 / value < 0) negativeZeros++;
      value = 0;
    }
    // Both words of the double (±0 alike), mixed: integers differ in the high word, decimals in both.
    const hash = value === 0 ? 0 : mixHash(words[2 * row] ^ Math.imul(words[2 * row + 1], 0x9e3779b1));
    let slot = hash & mask;
    for (; slotCodes[slot] >= 0 && slotKeys[slot] !== value; slot = (slot + 1) & mask);
    let code = slotCodes[slot];
    if (code < 0) {
      if (distinct === maxDistinct) return null;
      code = distinct++;
      slotCodes[slot] = code;
      slotKeys[slot] = value;
      keys[code] = value;
    }
    codes[row] = code;
    counts[code]++;
  }
  return { codes, keys: keys.slice(0, distinct), counts: counts.slice(0, distinct), finite, negativeZeros };
}

/** Codes in ascending order of their values. */
function orderCodes(keys: Float64Array): Uint32Array {
  const order = Uint32Array.from(keys.keys());
  return order.sort((a, b) => keys[a] - keys[b]);
}

/** argsortFinite by counting (rows ascending by value, ties in row order, −0 with 0); null with more than `maxDistinct` values. */
export function argsortFiniteByDistinct(values: Float64Array, maxDistinct = MAX_COUNTED_DISTINCT): Uint32Array | null {
  const count = countDistinctFinite(values, maxDistinct);
  return count && layOutRows(count, orderCodes(count.keys));
}

/** The finite values ascending as the native sort leaves them (every −0 before every +0); null with more than `maxDistinct` values. */
export function sortFiniteByDistinct(values: Float64Array, maxDistinct = MAX_COUNTED_DISTINCT): Float64Array | null {
  const count = countDistinctFinite(values, maxDistinct);
  return count && layOutValues(count, orderCodes(count.keys));
}

/** Each finite row's tie group by counting (0 = smallest value; 0 elsewhere) and the groups' starts in value order; null with more than `maxDistinct` values. */
export function groupFiniteByDistinct(values: Float64Array, maxDistinct = MAX_COUNTED_DISTINCT): RankGroups | null {
  const count = countDistinctFinite(values, maxDistinct);
  return count && groupCounted(count, orderCodes(count.keys));
}

/** sortFiniteByDistinct and groupFiniteByDistinct from one count; null with more than `maxDistinct` values. */
export function sortAndGroupByDistinct(values: Float64Array, maxDistinct = MAX_COUNTED_DISTINCT): { sorted: Float64Array; rank: RankGroups } | null {
  const count = countDistinctFinite(values, maxDistinct);
  if (!count) return null;
  const ascending = orderCodes(count.keys);
  return { sorted: layOutValues(count, ascending), rank: groupCounted(count, ascending) };
}

function groupCounted({ codes, keys, counts, finite }: DistinctCount, ascending: Uint32Array): RankGroups {
  const groupOf = new Uint32Array(keys.length);
  const groupStarts = new Uint32Array(keys.length + 1);
  let start = 0;
  ascending.forEach((code, group) => {
    groupOf[code] = group;
    groupStarts[group] = start;
    start += counts[code];
  });
  groupStarts[keys.length] = start;
  const groups = new Uint32Array(codes.length);
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row];
    if (code >= 0) groups[row] = groupOf[code];
  }
  return { finite, groups, groupStarts };
}

function layOutRows({ codes, keys, counts, finite }: DistinctCount, ascending: Uint32Array): Uint32Array {
  const next = new Uint32Array(keys.length);
  let offset = 0;
  for (const code of ascending) {
    next[code] = offset;
    offset += counts[code];
  }
  const rows = new Uint32Array(finite);
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row];
    if (code >= 0) rows[next[code]++] = row;
  }
  return rows;
}

function layOutValues({ keys, counts, finite, negativeZeros }: DistinctCount, ascending: Uint32Array): Float64Array {
  const sorted = new Float64Array(finite);
  let at = 0;
  for (const code of ascending) {
    const value = keys[code];
    const end = at + counts[code];
    if (value === 0) for (let k = 0; k < negativeZeros; k++) sorted[at++] = -0;
    sorted.fill(value, at, end);
    at = end;
  }
  return sorted;
}
