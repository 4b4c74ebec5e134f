// Sends a CSV part's kept cell texts between threads cheaply: structured clone copies ~1 M short strings one by
// one (≈ 100 ms each way for an id column), while UTF-8 bytes plus offsets (packed-texts.ts) go by transfer.

import type { CsvPart } from './import-csv';
import { packTexts, type PackedTexts } from './packed-texts';

/** A part whose scans' `texts` are null and travel in `texts` (per column; null where the scan kept none). */
export interface PackedCsvPart {
  part: CsvPart;
  texts: (PackedTexts | null)[];
}

/** Moves a part's fully kept texts into packed form (the part's scans are changed in place). */
export function packPartTexts(part: CsvPart): PackedCsvPart {
  const texts = part.scans.map((scan) => {
    const packed = scan.packed;
    if (packed !== undefined) {
      delete scan.packed; // packed while scanned: it travels beside the part, by transfer
      return packed;
    }
    if (scan.texts === null || scan.textsFrom !== 0) return null;
    const made = packTexts(scan.texts);
    scan.texts = null;
    return made;
  });
  return { part, texts };
}

/** The part `packPartTexts` packed, its texts kept packed in the scans' `packed` (mergeColumnScans reads them). */
export function attachPackedTexts(packed: PackedCsvPart): CsvPart {
  packed.part.scans.forEach((scan, c) => {
    const texts = packed.texts[c];
    if (texts !== null) scan.packed = texts;
  });
  return packed.part;
}
