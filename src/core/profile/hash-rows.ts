// Row hashing and row equality over all columns, for exact duplicate detection. Missing equals missing
// (NaN = NaN, as pandas), and −0 equals 0. Hashes are built column by column, so the loops stay columnar.

import type { Column, Table, TextColumn } from '../table/types';

/** Two independent 32-bit hashes per row; equal rows always share both. */
export function hashRows(table: Table): { h1: Int32Array; h2: Int32Array } {
  const n = table.rowCount;
  const h1 = new Int32Array(n).fill(0x811c9dc5);
  const h2 = new Int32Array(n).fill(0x1b873593);
  for (const column of table.columns) mixColumn(column, h1, h2);
  return { h1, h2 };
}

function mix(h1: Int32Array, h2: Int32Array, row: number, word: number): void {
  h1[row] = Math.imul(h1[row] ^ word, 0x01000193);
  h2[row] = Math.imul((h2[row] << 5) | (h2[row] >>> 27), 5) + 0x6b43a9b5 + Math.imul(word, 0x85ebca6b);
}

function mixColumn(column: Column, h1: Int32Array, h2: Int32Array): void {
  switch (column.kind) {
    case 'numeric':
    case 'datetime': {
      // The two 32-bit halves of each double (their order depends on endianness; equal doubles match either way).
      const words = new Uint32Array(column.values.buffer, column.values.byteOffset, column.values.length * 2);
      for (let i = 0; i < column.values.length; i++) {
        const value = column.values[i];
        const lo = value !== value ? 0x7ff80000 : value === 0 ? 0 : words[2 * i];
        const hi = value !== value ? 0x7ff80000 : value === 0 ? 0 : words[2 * i + 1];
        mix(h1, h2, i, lo);
        mix(h1, h2, i, hi);
      }
      return;
    }
    case 'categorical':
      for (let i = 0; i < column.codes.length; i++) mix(h1, h2, i, column.codes[i]);
      return;
    case 'boolean':
      for (let i = 0; i < column.values.length; i++) mix(h1, h2, i, column.values[i]);
      return;
    case 'text': {
      // Hashes the UTF-8 bytes in place: equal texts have equal bytes, and nothing is decoded.
      const { bytes, offsets, missing } = column;
      for (let i = 0; i < missing.length; i++) mix(h1, h2, i, missing[i] === 1 ? 0x5bd1e995 : hashBytes(bytes, offsets[i], offsets[i + 1]));
    }
  }
}

function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h;
}

function areTextsEqual(column: TextColumn, a: number, b: number): boolean {
  const { bytes, offsets, missing } = column;
  if (missing[a] !== missing[b]) return false;
  const start = offsets[a];
  const length = offsets[a + 1] - start;
  if (offsets[b + 1] - offsets[b] !== length) return false;
  for (let i = 0, j = offsets[b]; i < length; i++, j++) if (bytes[start + i] !== bytes[j]) return false;
  return true;
}

/** True when rows `a` and `b` hold equal values in every column. */
export function areRowsEqual(table: Table, a: number, b: number): boolean {
  for (const column of table.columns) {
    if (column.kind === 'categorical') {
      if (column.codes[a] !== column.codes[b]) return false;
    } else if (column.kind === 'numeric' || column.kind === 'datetime') {
      const x = column.values[a];
      const y = column.values[b];
      if (x !== y && !(x !== x && y !== y)) return false;
    } else if (column.kind === 'text') {
      if (!areTextsEqual(column, a, b)) return false;
    } else if (column.values[a] !== column.values[b]) return false;
  }
  return true;
}
