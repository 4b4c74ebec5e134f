// A stable argsort of a column's finite values without a comparator: LSD radix sort (6 passes of ≤ 11 bits,
// small enough count tables and scatter fronts to stay in cache) over the IEEE-754 bits made order-preserving
// (negative: flip all bits; positive: flip the sign bit). Each record moves as one interleaved unit — (low word,
// high word, row) for the low-word passes, then (high word, row) — so a scatter writes one cache line, not three;
// the six digit counts are taken in one pass. Readable form: rows.filter(isFinite).sort((a, b) => values[a] - values[b] || a - b).

import { argsortFiniteByDistinct } from './sort-by-distinct';

const DIGITS = 2048;
/** (word, shift, mask) per pass: the low word first, each 32-bit word as 11 + 11 + 10 bits. */
const PASSES: readonly (readonly [number, number, number])[] = [
  [0, 0, 0x7ff], [0, 11, 0x7ff], [0, 22, 0x3ff],
  [1, 0, 0x7ff], [1, 11, 0x7ff], [1, 22, 0x3ff],
];

/** Rows whose value is finite, ascending by value, ties in row order; −0 sorts with 0. Few distinct values are counted instead (sort-by-distinct.ts). */
export function argsortFinite(values: Float64Array): Uint32Array {
  return argsortFiniteByDistinct(values) ?? argsortFiniteByRadix(values);
}

/** argsortFinite by the radix passes whatever the values. */
export function argsortFiniteByRadix(values: Float64Array): Uint32Array {
  const counts = new Uint32Array(PASSES.length * DIGITS);
  const triples = readKeys(values, counts);
  const n = triples.length / 3;
  const sortedLow = scatterPasses(triples, 3, 0, counts, n);
  let pairs: Uint32Array = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) {
    pairs[2 * i] = sortedLow[3 * i + 1];
    pairs[2 * i + 1] = sortedLow[3 * i + 2];
  }
  pairs = scatterPasses(pairs, 2, 3, counts, n);
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[i] = pairs[2 * i + 1];
  return rows;
}

/** (low key, high key, row) of each finite value, and every pass's digit counts in `counts`. */
function readKeys(values: Float64Array, counts: Uint32Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] - values[i] === 0) n++;
  const triples = new Uint32Array(3 * n);
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  const hiWord = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: high word second
  let at = 0;
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (value - value !== 0) continue;
    let hi = 0x80000000; // −0 and 0 alike
    let lo = 0;
    if (value !== 0) {
      const h = words[2 * row + hiWord];
      const l = words[2 * row + 1 - hiWord];
      const negative = h >>> 31 === 1;
      hi = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
      lo = negative ? ~l >>> 0 : l;
    }
    triples[at] = lo;
    triples[at + 1] = hi;
    triples[at + 2] = row;
    at += 3;
    counts[lo & 0x7ff]++;
    counts[DIGITS + ((lo >>> 11) & 0x7ff)]++;
    counts[2 * DIGITS + (lo >>> 22)]++;
    counts[3 * DIGITS + (hi & 0x7ff)]++;
    counts[4 * DIGITS + ((hi >>> 11) & 0x7ff)]++;
    counts[5 * DIGITS + (hi >>> 22)]++;
  }
  return triples;
}

/** Runs passes first … first + 2 over records of `width` (2 or 3) words, the first being the pass's key; skips a pass where every key shares the digit. */
function scatterPasses(records: Uint32Array, width: number, first: number, counts: Uint32Array, n: number): Uint32Array {
  let source = records;
  let target: Uint32Array = new Uint32Array(records.length);
  for (let pass = first; pass < first + 3; pass++) {
    const [, shift, mask] = PASSES[pass];
    const base = pass * DIGITS;
    if (n === 0 || counts[base + ((source[0] >>> shift) & mask)] === n) continue;
    let offset = 0;
    for (let d = 0; d <= mask; d++) {
      const c = counts[base + d];
      counts[base + d] = offset;
      offset += c;
    }
    if (width === 3) {
      for (let from = 0; from < 3 * n; from += 3) {
        const to = 3 * counts[base + ((source[from] >>> shift) & mask)]++;
        target[to] = source[from];
        target[to + 1] = source[from + 1];
        target[to + 2] = source[from + 2];
      }
    } else {
      for (let from = 0; from < 2 * n; from += 2) {
        const to = 2 * counts[base + ((source[from] >>> shift) & mask)]++;
        target[to] = source[from];
        target[to + 1] = source[from + 1];
      }
    }
    [source, target] = [target, source];
  }
  return source;
}
