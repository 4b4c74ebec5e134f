// Cuts a CSV file's bytes into consecutive ranges that start at row boundaries, so each can be parsed on its own
// core: one quote-parity pass over the bytes (0x22 counted, nothing decoded) keeps cuts out of quoted fields.

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** Byte ranges [start, end) and what to add to a range's line numbers (parsed after the header) for file lines. */
export interface CsvRangePlan {
  /** Bytes [0, headerEnd) hold the header line with its line break. */
  headerEnd: number;
  ranges: { start: number; end: number; lineOffset: number }[];
}

/**
 * Up to `count` ranges of about equal size; the first starts at 0 and holds the header, the others are parsed
 * after a copy of bytes [0, headerEnd). Null when the file cannot be cut (no LF line break, a CR-only header
 * line, or rows too long to make two ranges); assumes well-formed quoting (callers check the parse).
 */
export function planCsvRanges(bytes: Uint8Array, count: number): CsvRangePlan | null {
  const headerBreak = findRowBreak(bytes, 0, 0);
  if (headerBreak === null || bytes.subarray(0, Math.max(0, headerBreak.at - 1)).includes(CR)) return null;
  const headerEnd = headerBreak.at + 1;
  const headerLines = countLineFeeds(bytes, 0, headerEnd);
  const starts = [0];
  let cursor = { at: headerEnd, quotes: headerBreak.quotes };
  for (let k = 1; k < count; k++) {
    const target = Math.floor((bytes.length * k) / count);
    if (target <= cursor.at) continue;
    const found = findRowBreak(bytes, cursor.at, cursor.quotes, target);
    if (found === null || found.at + 1 >= bytes.length) break;
    starts.push(found.at + 1);
    cursor = { at: found.at + 1, quotes: found.quotes };
  }
  if (starts.length < 2) return null;
  const ranges: CsvRangePlan['ranges'] = [];
  let linesBefore = 0;
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k];
    const end = k + 1 < starts.length ? starts[k + 1] : bytes.length;
    if (k > 0) linesBefore += countLineFeeds(bytes, starts[k - 1], start);
    ranges.push({ start, end, lineOffset: k === 0 ? 0 : linesBefore - headerLines });
  }
  return { headerEnd, ranges };
}

/**
 * The first LF at or after `target` that is outside quotes, scanning from `from` where `quotes` quotes were
 * counted before; null when there is none.
 */
function findRowBreak(bytes: Uint8Array, from: number, quotes: number, target = from): { at: number; quotes: number } | null {
  let q = quotes + countByte(bytes, QUOTE, from, target);
  for (let at = bytes.indexOf(LF, target); at !== -1; at = bytes.indexOf(LF, at + 1)) {
    q += countByte(bytes, QUOTE, target, at);
    if (q % 2 === 0) return { at, quotes: q };
    target = at;
  }
  return null;
}

/** Occurrences of `byte` in bytes[from, to); searches a bounded view, since indexOf on the whole would run to the end. */
function countByte(bytes: Uint8Array, byte: number, from: number, to: number): number {
  if (to <= from) return 0;
  const view = bytes.subarray(from, to);
  let n = 0;
  for (let i = view.indexOf(byte); i !== -1; i = view.indexOf(byte, i + 1)) n++;
  return n;
}

function countLineFeeds(bytes: Uint8Array, from: number, to: number): number {
  return countByte(bytes, LF, from, to);
}
