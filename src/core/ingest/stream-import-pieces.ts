// Reads a UTF-8 CSV file as row-aligned text pieces for a streamed import: bytes are read a piece at a time,
// cut after the last line feed outside quotes (quote parity, as plan-csv-ranges.ts cuts ranges) and decoded; the
// bytes after the cut are carried into the next piece. Memory: one piece and its carry, whatever the file's size.

import { createAbortError, DataError } from '../errors';
import { readSlice } from './read-text';

/** Bytes read from the file per piece. */
export const STREAM_PIECE_BYTES = 8 * 1024 * 1024;

const LF = 0x0a;
const QUOTE = 0x22;

/** Bytes decoded into one string. */
const DECODE_BYTES = 1 << 20;

/** One row-aligned piece: its text in order (whole rows, the header only in the first) and the bytes read through its end. */
export interface TextPiece {
  texts: string[];
  bytesRead: number;
}

/** Where the header row ends: the byte after its line feed (quotes balanced), or null when `head` holds no whole row. */
export function findHeaderEnd(head: Uint8Array): number | null {
  let quoted = false;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === QUOTE) quoted = !quoted;
    else if (b === LF && !quoted) return i + 1;
  }
  return null;
}

/**
 * The file's pieces in order; a row longer than a piece makes that piece longer. A file without line feeds
 * (CR-only line ends) is a DataError: it cannot be cut into rows.
 */
export async function* readTextPieces(file: Blob, pieceBytes = STREAM_PIECE_BYTES, signal?: AbortSignal): AsyncGenerator<TextPiece> {
  const decoder = new TextDecoder('utf-8');
  let carry: Uint8Array = new Uint8Array(0);
  let quoted = false;
  let position = 0;
  let next: Promise<ArrayBuffer> | null = position < file.size ? readSlice(file, 0, Math.min(file.size, pieceBytes)) : null;
  while (next !== null) {
    const piece = new Uint8Array(await next);
    if (signal?.aborted) throw createAbortError();
    position += piece.length;
    next = position < file.size ? readSlice(file, position, Math.min(file.size, position + pieceBytes)) : null;
    next?.catch(() => undefined); // awaited on the next turn
    const bytes = concatBytes(carry, piece);
    // Scans only the new bytes: the carry's quote state is where the last scan ended.
    let cut = -1;
    if (!quoted && bytes.indexOf(QUOTE, carry.length) === -1) {
      // No quote in the new bytes (the common file): the last line feed ends a row. Native indexOf, ~20× a byte loop.
      const lf = bytes.lastIndexOf(LF);
      cut = lf >= carry.length ? lf + 1 : -1;
    } else {
      for (let i = carry.length; i < bytes.length; i++) {
        const b = bytes[i];
        if (b === QUOTE) quoted = !quoted;
        else if (b === LF && !quoted) cut = i + 1;
      }
    }
    const last = next === null;
    if (last) cut = bytes.length;
    else if (cut < 0) {
      if (bytes.length > 64 * pieceBytes) throw new DataError(`A row near byte ${position} is longer than ${64 * pieceBytes} bytes, or the file has no line feeds (CR-only line ends). Save the file with LF or CRLF line ends, or import it without streaming.`);
      carry = bytes;
      continue;
    }
    carry = bytes.slice(cut);
    // Decoded a MiB at a time into separate strings, as openText decodes (parsing slices of one 8 MiB string was
    // ~6× slower in Chromium). A cut right after a line feed ends a character; the byte-order mark is dropped.
    const texts: string[] = [];
    for (let at = 0; at < cut; at += DECODE_BYTES) texts.push(decoder.decode(bytes.subarray(at, Math.min(cut, at + DECODE_BYTES)), { stream: at + DECODE_BYTES < cut }));
    yield { texts, bytesRead: position - carry.length };
  }
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** The byte after the last line feed outside quotes in `bytes` (scanned from 0, quotes balanced there), or −1. */
export function findLastRowEnd(bytes: Uint8Array): number {
  let quoted = false;
  let end = -1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) quoted = !quoted;
    else if (b === LF && !quoted) end = i + 1;
  }
  return end;
}
