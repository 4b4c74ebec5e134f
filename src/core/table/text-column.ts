// Text columns packed as UTF-8 bytes + offsets (Arrow's layout), so they cross threads by transfer and go
// into IndexedDB as typed arrays: an array of a million JS strings costs hundreds of ms to structured-clone.

import type { TextColumn } from './types';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Packs texts (null = missing) into a TextColumn. */
export function createTextColumn(name: string, values: readonly (string | null)[], idLike?: boolean): TextColumn {
  const n = values.length;
  const offsets = new Uint32Array(n + 1);
  const missing = new Uint8Array(n);
  // Start at ~1 byte per UTF-16 unit; grow when a value needs more (non-ASCII is up to 3 bytes per unit).
  let bytes = new Uint8Array(Math.max(16, estimateChars(values)));
  let end = 0;
  for (let row = 0; row < n; row++) {
    const value = values[row];
    if (value === null) missing[row] = 1;
    else if (value.length > 0) {
      if (bytes.length - end < value.length * 3) bytes = grow(bytes, end + value.length * 3);
      end += encoder.encodeInto(value, bytes.subarray(end)).written;
    }
    offsets[row + 1] = end;
  }
  const packed = bytes.slice(0, end);
  return idLike === undefined ? { kind: 'text', name, bytes: packed, offsets, missing } : { kind: 'text', name, bytes: packed, offsets, missing, idLike };
}

/** Row `row`'s text, or null when missing. */
export function textAt(column: TextColumn, row: number): string | null {
  if (column.missing[row] === 1) return null;
  const start = column.offsets[row];
  const end = column.offsets[row + 1];
  if (start === end) return '';
  return decoder.decode(column.bytes.subarray(start, end));
}

/** Every row's text (null = missing). All-ASCII columns decode in one call and are sliced. */
export function readTexts(column: TextColumn): (string | null)[] {
  const n = column.missing.length;
  const out = new Array<string | null>(n);
  const whole = decoder.decode(column.bytes);
  const ascii = whole.length === column.bytes.length;
  for (let row = 0; row < n; row++) {
    if (column.missing[row] === 1) out[row] = null;
    else if (ascii) out[row] = whole.substring(column.offsets[row], column.offsets[row + 1]);
    else out[row] = textAt(column, row);
  }
  return out;
}

/** Rows `rows` of `column`, in that order (repeats allowed), gathered byte-wise without decoding. */
export function selectTextRows(column: TextColumn, rows: ArrayLike<number>): TextColumn {
  const { bytes, offsets, missing } = column;
  const n = rows.length;
  const nextOffsets = new Uint32Array(n + 1);
  const nextMissing = new Uint8Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    nextMissing[i] = missing[r];
    total += offsets[r + 1] - offsets[r];
    nextOffsets[i + 1] = total;
  }
  const nextBytes = new Uint8Array(total);
  // A plain byte loop: most values are short, and a subarray per row would allocate a view each time.
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    for (let from = offsets[r], end = offsets[r + 1], to = nextOffsets[i]; from < end; from++, to++) nextBytes[to] = bytes[from];
  }
  return { ...column, bytes: nextBytes, offsets: nextOffsets, missing: nextMissing };
}

/** Number of rows in a text column. */
export function textRowCount(column: TextColumn): number {
  return column.missing.length;
}

function estimateChars(values: readonly (string | null)[]): number {
  let total = 0;
  const step = Math.max(1, Math.floor(values.length / 1000));
  let sampled = 0;
  for (let i = 0; i < values.length; i += step, sampled++) total += values[i]?.length ?? 0;
  return sampled === 0 ? 0 : Math.ceil((total / sampled) * values.length * 1.1);
}

function grow(bytes: Uint8Array<ArrayBuffer>, needed: number): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(Math.max(needed, bytes.length * 2));
  next.set(bytes);
  return next;
}
