// Packs cell texts (packed-texts.ts) as a range is scanned: ASCII cells are copied char by char from the decoded
// text into a growing byte buffer, so a kept id or code column holds no strings for the collector to move.

import type { PackedTexts } from './packed-texts';

const encoder = new TextEncoder();

/** Builds the PackedTexts that packTexts would make of the cells added, in order. */
export class PackedTextsBuilder {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;
  private ends = new Uint32Array(1024);
  private missing = new Uint8Array(1024);
  private count = 0;

  /** Adds text[from, to) as the next cell. */
  addIn(text: string, from: number, to: number): void {
    if (this.count === this.ends.length) this.growCells();
    // At most 3 UTF-8 bytes per UTF-16 unit.
    if (this.length + 3 * (to - from) > this.bytes.length) this.growBytes(this.length + 3 * (to - from));
    const bytes = this.bytes;
    let at = this.length;
    for (let j = from; j < to; j++) {
      const c = text.charCodeAt(j);
      if (c >= 128) {
        at += encoder.encodeInto(text.slice(j, to), bytes.subarray(at)).written;
        break;
      }
      bytes[at++] = c;
    }
    this.length = at;
    this.ends[this.count++] = at;
  }

  /** Adds a missing cell. */
  addMissing(): void {
    if (this.count === this.ends.length) this.growCells();
    this.missing[this.count] = 1;
    this.ends[this.count++] = this.length;
  }

  /** The cells added, in arrays of their exact length. */
  finish(): PackedTexts {
    return { bytes: this.bytes.slice(0, this.length), ends: this.ends.slice(0, this.count), missing: this.missing.slice(0, this.count) };
  }

  private growCells(): void {
    const ends = new Uint32Array(this.ends.length * 2);
    ends.set(this.ends);
    this.ends = ends;
    const missing = new Uint8Array(this.missing.length * 2);
    missing.set(this.missing);
    this.missing = missing;
  }

  private growBytes(needed: number): void {
    const bytes = new Uint8Array(Math.max(needed, this.bytes.length * 2));
    bytes.set(this.bytes.subarray(0, this.length));
    this.bytes = bytes;
  }
}
