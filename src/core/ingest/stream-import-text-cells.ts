// Cells a streamed import reads without making their strings (each string per cell cost ~4 µs in a Chromium
// worker): text cells packed straight into a chunk's UTF-8 bytes, missing tokens and yes/no flags matched in place.

import type { TextColumn } from '../table/types';

const encoder = new TextEncoder();

/** One chunk of a text column, packed as TextColumn (bytes back to back, row offsets, missing flags). */
export class TextChunkPacker {
  private bytes = new Uint8Array(1 << 16);
  private end = 0;
  private readonly offsets: Uint32Array;
  private readonly missing: Uint8Array;

  constructor(rows: number) {
    this.offsets = new Uint32Array(rows + 1);
    this.missing = new Uint8Array(rows);
  }

  /** Row r is missing. */
  addMissing(r: number): void {
    this.missing[r] = 1;
    this.offsets[r + 1] = this.end;
  }

  /** Row r holds text[from, to): ASCII written a byte at a time, anything else encoded. */
  addRange(r: number, text: string, from: number, to: number): void {
    this.room(3 * (to - from));
    let at = this.end;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (code >= 128) {
        at = this.end + encoder.encodeInto(text.slice(from, to), this.bytes.subarray(this.end)).written;
        break;
      }
      this.bytes[at++] = code;
    }
    this.end = at;
    this.offsets[r + 1] = at;
  }

  /** The column of the first `rows` rows (each array on its own buffer). */
  finish(name: string, rows: number, idLike: boolean): TextColumn {
    return { kind: 'text', name, bytes: this.bytes.slice(0, this.end), offsets: this.offsets.slice(0, rows + 1), missing: this.missing.slice(0, rows), idLike };
  }

  private room(extra: number): void {
    if (this.end + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.end + extra));
    grown.set(this.bytes.subarray(0, this.end));
    this.bytes = grown;
  }
}

/** True when text[from, to) equals one of `tokens` (compared as written: the caller handles padded cells). */
export function isTokenIn(tokens: readonly string[], text: string, from: number, to: number): boolean {
  const n = to - from;
  for (const token of tokens) {
    if (token.length !== n) continue;
    let same = true;
    for (let i = 0; i < n && same; i++) same = token.charCodeAt(i) === text.charCodeAt(from + i);
    if (same) return true;
  }
  return false;
}

const TRUE_WORDS = ['true', 'yes', 't', 'y'];
const FALSE_WORDS = ['false', 'no', 'f', 'n'];

/** parseBoolean of text[from, to) for ASCII spellings (any case): 1, 0, or −1 when it is none of them. */
export function parseBooleanIn(text: string, from: number, to: number): 0 | 1 | -1 {
  if (matchesWord(TRUE_WORDS, text, from, to)) return 1;
  return matchesWord(FALSE_WORDS, text, from, to) ? 0 : -1;
}

function matchesWord(words: readonly string[], text: string, from: number, to: number): boolean {
  const n = to - from;
  for (const word of words) {
    if (word.length !== n) continue;
    let same = true;
    for (let i = 0; i < n && same; i++) {
      const code = text.charCodeAt(from + i);
      same = (code >= 65 && code <= 90 ? code | 0x20 : code) === word.charCodeAt(i);
    }
    if (same) return true;
  }
  return false;
}
