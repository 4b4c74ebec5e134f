// Cell texts packed as one string plus end offsets: how a range worker's kept texts travel and merge (one block
// copy instead of ~1 M cloned strings), and how they become a TextColumn without a string per cell.

import type { TextColumn } from '../table/types';
import { buildTextColumn } from './build-text-column';

/** Cell texts (null = missing) as one string: cell i is joined.slice(ends[i-1] ?? 0, ends[i]), in UTF-16 units. */
export interface PackedTexts {
  joined: string;
  ends: Uint32Array<ArrayBuffer>;
  /** 1 where the cell is missing (null), else 0. */
  missing: Uint8Array<ArrayBuffer>;
}

const encoder = new TextEncoder();

/** Joins cell texts into one string with their end offsets. */
export function packTexts(values: readonly (string | null)[]): PackedTexts {
  const n = values.length;
  const ends = new Uint32Array(n);
  const missing = new Uint8Array(n);
  let end = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null) missing[i] = 1;
    else end += v.length;
    ends[i] = end;
  }
  return { joined: values.join(''), ends, missing };
}

/** The cell texts `packTexts` joined. */
export function unpackTexts(packed: PackedTexts): (string | null)[] {
  const { joined, ends, missing } = packed;
  const out = new Array<string | null>(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    out[i] = missing[i] === 1 ? null : joined.slice(start, ends[i]);
    start = ends[i];
  }
  return out;
}

/** The packed lists back to back. */
export function concatPackedTexts(list: readonly PackedTexts[]): PackedTexts {
  const n = list.reduce((sum, p) => sum + p.ends.length, 0);
  const ends = new Uint32Array(n);
  const missing = new Uint8Array(n);
  let at = 0;
  let base = 0;
  for (const p of list) {
    for (let i = 0; i < p.ends.length; i++) ends[at + i] = p.ends[i] + base;
    missing.set(p.missing, at);
    at += p.ends.length;
    base += p.joined.length;
  }
  return { joined: list.map((p) => p.joined).join(''), ends, missing };
}

/** Distinct non-missing cells, compared exactly (open addressing on 32-bit FNV-1a over UTF-16 units). */
export function countDistinctPackedTexts(packed: PackedTexts): number {
  const { joined, ends, missing } = packed;
  let capacity = 16;
  while (capacity < ends.length * 2) capacity *= 2;
  // Slot s holds [hash, cell + 1] side by side (0 = empty): one cache line per probe instead of two.
  const table = new Int32Array(capacity * 2);
  const mask = capacity - 1;
  let distinct = 0;
  let start = 0;
  for (let i = 0; i < ends.length; start = ends[i], i++) {
    if (missing[i] === 1) continue;
    const end = ends[i];
    let h = 0x811c9dc5 | 0;
    for (let j = start; j < end; j++) h = Math.imul(h ^ joined.charCodeAt(j), 0x01000193);
    let slot = mix(h) & mask;
    for (;;) {
      const k = table[2 * slot + 1] - 1;
      if (k < 0) {
        table[2 * slot] = h;
        table[2 * slot + 1] = i + 1;
        distinct++;
        break;
      }
      if (table[2 * slot] === h && isSameCell(joined, k === 0 ? 0 : ends[k - 1], ends[k], start, end)) break;
      slot = (slot + 1) & mask;
    }
  }
  return distinct;
}

/** True when every present cell is at most `maxLength` units long and has no /\s/ character. */
export function isEveryPackedTextShortWithoutSpace(packed: PackedTexts, maxLength: number): boolean {
  const { joined, ends, missing } = packed;
  for (let i = 0; i < ends.length; i++) {
    const start = i === 0 ? 0 : ends[i - 1];
    if (missing[i] === 1) continue;
    if (ends[i] - start > maxLength) return false;
    for (let j = start; j < ends[i]; j++) {
      const code = joined.charCodeAt(j);
      if (code >= 128 ? /\s/.test(joined[j]) : code === 32 || (code >= 9 && code <= 13)) return false;
    }
  }
  return true;
}

/** The TextColumn buildTextColumn makes of the unpacked cells; ASCII texts are encoded in one call, offsets as is. */
export function buildPackedTextColumn(name: string, packed: PackedTexts, idLike: boolean): TextColumn {
  const bytes = encoder.encode(packed.joined);
  // Equal lengths: every UTF-16 unit became one byte, so the text is ASCII and unit offsets are byte offsets.
  if (bytes.length !== packed.joined.length) return buildTextColumn(name, unpackTexts(packed), idLike);
  const offsets = new Uint32Array(packed.ends.length + 1);
  offsets.set(packed.ends, 1);
  const missing = packed.missing.slice();
  const column: TextColumn = { kind: 'text', name, bytes, offsets, missing };
  return idLike ? { ...column, idLike: true } : column;
}

/** Spreads FNV's low bits (murmur3's finalizer): with `& mask` alone, ids sharing a prefix probe long runs. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function isSameCell(joined: string, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let j = 0; j < aEnd - aStart; j++) if (joined.charCodeAt(aStart + j) !== joined.charCodeAt(bStart + j)) return false;
  return true;
}
