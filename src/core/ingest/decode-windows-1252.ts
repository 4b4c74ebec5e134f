// Decodes windows-1252 by table. TextDecoder('windows-1252') in Node 20 decodes as ISO-8859-1
// (0x80 becomes U+0080, not "€"), so we do not rely on it; one byte is always one character.

// Bytes 0x80–0x9F; the five undefined ones map to the C1 control of the same value, as WHATWG says.
const HIGH = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

const TABLE = Uint16Array.from({ length: 256 }, (_, b) => (b >= 0x80 && b <= 0x9f ? HIGH.charCodeAt(b - 0x80) : b));

/** The text of windows-1252 `bytes`. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const step = 8192;
  const units = new Uint16Array(Math.min(step, bytes.length));
  for (let start = 0; start < bytes.length; start += step) {
    const end = Math.min(bytes.length, start + step);
    for (let i = start; i < end; i++) units[i - start] = TABLE[bytes[i]];
    parts.push(String.fromCharCode(...units.subarray(0, end - start)));
  }
  return parts.join('');
}
