// Counts a packed text column's distinct values on its UTF-8 bytes (a hash table over typed arrays), so
// profiling a million-row id column builds no strings: only the top values are decoded, for display.
// Readable form: a Map<string, count> over readTexts(column), as for categories.

import { textAt } from '../table/text-column';
import type { TextColumn } from '../table/types';
import { mixHash, sizeTable } from '../stats/mix-hash';

/** Distinct present values in first-seen order: `counts[i]` rows hold the value of row `firstRows[i]`. */
export interface TextValueCounts {
  counts: number[];
  firstRows: number[];
  missing: number;
  /** Total length of present values in UTF-16 code units (as String.length). */
  utf16Length: number;
  /** The i-th distinct value as text. */
  labelAt(i: number): string;
}

/** Counts every distinct present value of `column` (byte-equal values are equal strings: UTF-8 is one-to-one). */
export function countTextValues(column: TextColumn): TextValueCounts {
  const { bytes, offsets, missing: missingMask } = column;
  const n = missingMask.length;
  const size = sizeTable(n);
  const mask = size - 1;
  // Slot s holds (hash, code) at 2s, 2s + 1: a probe compares hashes side by side and reads another row's
  // bytes only when the hashes agree.
  const slots = new Int32Array(2 * size).fill(-1);
  const counts = new Int32Array(n);
  const firstRows = new Int32Array(n);
  let distinct = 0;
  let missing = 0;
  for (let row = 0; row < n; row++) {
    if (missingMask[row] === 1) {
      missing++;
      continue;
    }
    const start = offsets[row];
    const end = offsets[row + 1];
    let h = 0x811c9dc5 ^ (end - start);
    for (let k = start; k < end; k++) h = Math.imul(h ^ bytes[k], 0x01000193);
    const hash = mixHash(h) | 0;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const code = slots[2 * slot + 1];
      if (code < 0) {
        slots[2 * slot] = hash;
        slots[2 * slot + 1] = distinct;
        counts[distinct] = 1;
        firstRows[distinct++] = row;
        break;
      }
      if (slots[2 * slot] === hash && areBytesEqual(bytes, offsets, firstRows[code], start, end)) {
        counts[code]++;
        break;
      }
    }
  }
  const rows = copyToArray(firstRows, distinct);
  return { counts: copyToArray(counts, distinct), firstRows: rows, missing, utf16Length: countUtf16Units(column), labelAt: (i) => textAt(column, rows[i]) ?? '' };
}

/** The first `length` entries as a plain array, by a loop (Array.from took ~50 ms per million entries). */
function copyToArray(values: Int32Array, length: number): number[] {
  const array = new Array<number>(length);
  for (let i = 0; i < length; i++) array[i] = values[i];
  return array;
}

function areBytesEqual(bytes: Uint8Array, offsets: Uint32Array, other: number, start: number, end: number): boolean {
  const from = offsets[other];
  if (offsets[other + 1] - from !== end - start) return false;
  for (let k = 0; k < end - start; k++) if (bytes[from + k] !== bytes[start + k]) return false;
  return true;
}

/** UTF-16 code units of the present values: one per UTF-8 lead byte, two for 4-byte sequences (surrogate pairs). */
function countUtf16Units(column: TextColumn): number {
  const { bytes, offsets, missing } = column;
  let units = 0;
  for (let row = 0; row < missing.length; row++) {
    if (missing[row] === 1) continue;
    for (let k = offsets[row]; k < offsets[row + 1]; k++) {
      const byte = bytes[k];
      if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
    }
  }
  return units;
}
