// Recognises UTF-16 text (what Excel saves as "Unicode text"): by its byte-order mark, or without one by the
// NUL bytes that mostly-ASCII text has in every other byte, so such a file is decoded instead of refused as binary.

export type Utf16Encoding = 'utf-16le' | 'utf-16be';

/** Share of code units whose high byte must be NUL for text without a byte-order mark to count as UTF-16. */
const MIN_NUL_SHARE = 0.5;
/** Share of decoded code units that may be control characters (other than tab, line breaks and form feed). */
const MAX_CONTROL_SHARE = 0.05;

/** The UTF-16 byte order of text starting with `head` (its first ≤ 64 KiB are looked at), or null when it is not UTF-16. */
export function detectUtf16(head: Uint8Array): Utf16Encoding | null {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const units = Math.min(head.length, 65_536) >> 1;
  if (units < 2) return null;
  let nulLow = 0; // NUL in a unit's first byte: the high byte of big-endian ASCII
  let nulHigh = 0; // NUL in a unit's second byte: the high byte of little-endian ASCII
  for (let u = 0; u < units; u++) {
    if (head[2 * u] === 0) nulLow++;
    if (head[2 * u + 1] === 0) nulHigh++;
  }
  // A byte order where most high bytes are NUL and almost no low byte is.
  const order: Utf16Encoding | null =
    nulHigh >= MIN_NUL_SHARE * units && nulLow * 10 <= nulHigh ? 'utf-16le' : nulLow >= MIN_NUL_SHARE * units && nulHigh * 10 <= nulLow ? 'utf-16be' : null;
  return order !== null && isMostlyText(head, units, order === 'utf-16be') ? order : null;
}

/** True when few of the first `units` code units are control characters (binary data can have NULs in a pattern too). */
function isMostlyText(head: Uint8Array, units: number, bigEndian: boolean): boolean {
  let control = 0;
  for (let u = 0; u < units; u++) {
    const code = bigEndian ? (head[2 * u] << 8) | head[2 * u + 1] : head[2 * u] | (head[2 * u + 1] << 8);
    if (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) control++;
  }
  return control <= MAX_CONTROL_SHARE * units;
}
