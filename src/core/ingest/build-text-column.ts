// The one place the importer turns kept cell texts into a TextColumn, so its representation can change here alone.
// Packs the UTF-8 bytes itself: ASCII values (ids, codes) are written a byte at a time, which in Chromium is
// ~30× faster than TextEncoder.encodeInto on a fresh subarray per value; other values still go through it.

import type { TextColumn } from '../table/types';

const encoder = new TextEncoder();

/** A text column from cell texts (null = missing); `idLike` marks a column judged an identifier. */
export function buildTextColumn(name: string, values: readonly (string | null)[], idLike: boolean): TextColumn {
  const n = values.length;
  const offsets = new Uint32Array(n + 1);
  const missing = new Uint8Array(n);
  let chars = 0;
  for (let row = 0; row < n; row++) chars += values[row]?.length ?? 0;
  // One byte per UTF-16 unit fits ASCII exactly; a non-ASCII value may need up to 3 per unit and grows the buffer.
  let bytes = new Uint8Array(Math.max(16, chars));
  let end = 0;
  for (let row = 0; row < n; row++) {
    const value = values[row];
    if (value === null) missing[row] = 1;
    else {
      const length = value.length;
      let j = 0;
      if (bytes.length - end < length) bytes = grow(bytes, end + length * 3);
      for (; j < length; j++) {
        const code = value.charCodeAt(j);
        if (code >= 128) break;
        bytes[end + j] = code;
      }
      if (j === length) end += length;
      else {
        // Readable form of the whole loop: end += encoder.encodeInto(value, bytes.subarray(end)).written
        if (bytes.length - end < length * 3) bytes = grow(bytes, end + length * 3);
        end += j + encoder.encodeInto(value.slice(j), bytes.subarray(end + j)).written;
      }
    }
    offsets[row + 1] = end;
  }
  const packed = bytes.length === end ? bytes : bytes.slice(0, end);
  return idLike ? { kind: 'text', name, bytes: packed, offsets, missing, idLike: true } : { kind: 'text', name, bytes: packed, offsets, missing };
}

function grow(bytes: Uint8Array<ArrayBuffer>, needed: number): Uint8Array<ArrayBuffer> {
  const next = new Uint8Array(Math.max(needed, bytes.length * 2));
  next.set(bytes);
  return next;
}
