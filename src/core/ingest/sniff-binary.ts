// Tells text from binary by looking at a file's first bytes, so a spreadsheet or image dropped by
// mistake gets a clear message instead of a table of garbage.

import { detectUtf16 } from './detect-utf16';

const SIGNATURES: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive, e.g. an Excel .xlsx workbook: save it as CSV first'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document, e.g. an Excel .xls workbook: save it as CSV first'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x1f, 0x8b], 'a gzip archive: unpack it first'],
];

/** A short description of why `head` (the first ≤ 64 KB) looks binary, or null when it looks like text (UTF-16 included). */
export function describeBinary(head: Uint8Array): string | null {
  for (const [magic, what] of SIGNATURES) if (magic.every((b, i) => head[i] === b)) return what;
  if (detectUtf16(head) !== null) return null;
  const sample = head.subarray(0, 65_536);
  let nul = 0;
  let control = 0;
  for (const b of sample) {
    if (b === 0) nul++;
    else if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  if (nul > 0) return `it contains ${nul} NUL bytes in its first ${sample.length} bytes`;
  if (control > 0.05 * sample.length) return `${control} of its first ${sample.length} bytes are control characters`;
  return null;
}
