// Base64 (RFC 4648, with padding) for the bytes of typed arrays and Blobs inside workspace JSON; core has no btoa.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) CODES[ALPHABET.charCodeAt(i)] = i;

/** `bytes` as base64 text. */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  // Strings are built per 48 KiB block, so no single concatenation grows one byte at a time.
  for (let start = 0; start < bytes.length; start += 49_152) {
    const end = Math.min(bytes.length, start + 49_152);
    let text = '';
    for (let i = start; i < end; i += 3) {
      const a = bytes[i], b = i + 1 < end ? bytes[i + 1] : 0, c = i + 2 < end ? bytes[i + 2] : 0;
      text += ALPHABET[a >> 2] + ALPHABET[((a & 3) << 4) | (b >> 4)];
      text += i + 1 < end ? ALPHABET[((b & 15) << 2) | (c >> 6)] : '=';
      text += i + 2 < end ? ALPHABET[c & 63] : '=';
    }
    parts.push(text);
  }
  return parts.join('');
}

/** The bytes of base64 `text`; null when it is not base64 (wrong length or character). */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  for (let i = 0; i < text.length; i += 4) {
    const quad = [0, 1, 2, 3].map((k) => (i + k >= text.length - padding ? 0 : (CODES[text.charCodeAt(i + k)] ?? -1)));
    if (quad.some((code) => code < 0)) return null;
    const word = (quad[0] << 18) | (quad[1] << 12) | (quad[2] << 6) | quad[3];
    if (out < bytes.length) bytes[out++] = word >> 16;
    if (out < bytes.length) bytes[out++] = (word >> 8) & 255;
    if (out < bytes.length) bytes[out++] = word & 255;
  }
  return bytes;
}
