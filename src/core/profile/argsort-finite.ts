// A stable argsort of a column's finite values without a comparator: LSD radix sort (6 passes of ≤ 11 bits,
// small enough count tables and scatter fronts to stay in cache)
// over the IEEE-754 bits made order-preserving (negative: flip all bits; positive: flip the sign bit).
// Readable form: rows.filter(isFinite).sort((a, b) => values[a] - values[b] || a - b).

const DIGITS = 2048;
/** (word, shift, mask) per pass: the low word first, each 32-bit word as 11 + 11 + 10 bits. */
const PASSES: readonly (readonly [number, number, number])[] = [
  [0, 0, 0x7ff], [0, 11, 0x7ff], [0, 22, 0x3ff],
  [1, 0, 0x7ff], [1, 11, 0x7ff], [1, 22, 0x3ff],
];

/** Rows whose value is finite, ascending by value, ties in row order; −0 sorts with 0. */
export function argsortFinite(values: Float64Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] - values[i] === 0) n++;
  let rows = new Uint32Array(n);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  const hiWord = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: high word second
  let next = 0;
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (value - value !== 0) continue;
    rows[next] = row;
    if (value === 0) {
      hi[next] = 0x80000000; // −0 and 0 alike
      lo[next] = 0;
    } else {
      const h = words[2 * row + hiWord];
      const l = words[2 * row + 1 - hiWord];
      const negative = h >>> 31 === 1;
      hi[next] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
      lo[next] = negative ? ~l >>> 0 : l;
    }
    next++;
  }
  let rowsOut = new Uint32Array(n);
  let loOut = new Uint32Array(n);
  let hiOut = new Uint32Array(n);
  const counts = new Uint32Array(DIGITS);
  for (const [word, shift, digitMask] of PASSES) {
    const source = word === 0 ? lo : hi;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(source[i] >>> shift) & digitMask]++;
    if (n === 0 || counts[(source[0] >>> shift) & digitMask] === n) continue; // every key shares this digit
    let offset = 0;
    for (let d = 0; d <= digitMask; d++) {
      const c = counts[d];
      counts[d] = offset;
      offset += c;
    }
    for (let i = 0; i < n; i++) {
      const at = counts[(source[i] >>> shift) & digitMask]++;
      rowsOut[at] = rows[i];
      loOut[at] = lo[i];
      hiOut[at] = hi[i];
    }
    [rows, rowsOut] = [rowsOut, rows];
    [lo, loOut] = [loOut, lo];
    [hi, hiOut] = [hiOut, hi];
  }
  return rows;
}
