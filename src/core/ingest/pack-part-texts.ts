// Sends a CSV part's kept cell texts between threads cheaply: structured clone copies ~1 M short strings one by
// one (≈ 100 ms each way for an id column), while one joined string plus typed arrays is a block copy/transfer.

import type { CsvPart } from './import-csv';

/** Cell texts (null = missing) as one string: cell i is joined.slice(ends[i-1] ?? 0, ends[i]), in UTF-16 units. */
export interface PackedTexts {
  joined: string;
  ends: Uint32Array<ArrayBuffer>;
  /** 1 where the cell is missing (null), else 0. */
  missing: Uint8Array<ArrayBuffer>;
}

/** A part whose scans' `texts` are null and travel in `texts` (per column; null where the scan kept none). */
export interface PackedCsvPart {
  part: CsvPart;
  texts: (PackedTexts | null)[];
}

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

/** Moves a part's kept texts into packed form (the part's scans are changed in place). */
export function packPartTexts(part: CsvPart): PackedCsvPart {
  const texts = part.scans.map((scan) => {
    if (scan.texts === null) return null;
    const packed = packTexts(scan.texts);
    scan.texts = null;
    return packed;
  });
  return { part, texts };
}

/** The part `packPartTexts` packed, its texts restored (in place). */
export function unpackPartTexts(packed: PackedCsvPart): CsvPart {
  packed.part.scans.forEach((scan, c) => {
    const texts = packed.texts[c];
    if (texts !== null) scan.texts = unpackTexts(texts);
  });
  return packed.part;
}
