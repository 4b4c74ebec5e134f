// Cuts a CSV file into consecutive ranges that start at row boundaries, so each can be parsed on its own core:
// quickly, from a small window read at each planned offset (planCsvCuts; quote parity is checked afterwards), or
// exactly, with one quote-parity pass over all bytes (planCsvRanges; 0x22 counted, nothing decoded).

import { readSlice } from './read-text';

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
  const headerBreak = findHeaderBreak(bytes);
  if (headerBreak === null) return null;
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

/** Bytes read at each planned cut by planCsvCuts, doubled (up to 4 MiB) while they hold no line feed. */
const WINDOW_BYTES = 64 * 1024;
const MAX_WINDOW_BYTES = 4 * 1024 * 1024;

/** Where ranges start (the first at 0) and where the header line ends, from planCsvCuts. */
export interface CsvCuts {
  headerEnd: number;
  starts: number[];
}

/**
 * Up to `count` range starts, each just after the first LF at or past an even share of `file`, found by reading a
 * small window there instead of the whole file. Quote parity there is unknown: the importer counts the quotes of
 * each range as it reads and re-plans with planCsvRanges when a cut fell inside a quoted field (where the parity
 * is even, the cut is the one planCsvRanges makes). `first` holds the file's first bytes, with the header line.
 * Null when the header line is not within `first` or the file cannot be cut (as planCsvRanges).
 */
export async function planCsvCuts(file: Blob, first: Uint8Array, count: number): Promise<CsvCuts | null> {
  const headerBreak = findHeaderBreak(first);
  if (headerBreak === null) return null;
  const starts = [0];
  let last = headerBreak.at + 1;
  for (let k = 1; k < count; k++) {
    const target = Math.max(last, Math.floor((file.size * k) / count));
    const cut = await findLineStart(file, target);
    if (cut === null || cut >= file.size) break;
    starts.push(cut);
    last = cut;
  }
  return starts.length < 2 ? null : { headerEnd: headerBreak.at + 1, starts };
}

/** Just past the first LF at or after `target`, reading windows there; null when none is within MAX_WINDOW_BYTES. */
async function findLineStart(file: Blob, target: number): Promise<number | null> {
  for (let size = WINDOW_BYTES; size <= MAX_WINDOW_BYTES && target < file.size; size *= 2) {
    const at = new Uint8Array(await readSlice(file, target, target + size)).indexOf(LF);
    if (at !== -1) return target + at + 1;
    if (target + size >= file.size) return null;
  }
  return null;
}

/**
 * The header line's LF outside quotes, or null when there is none or the header line has a bare CR. Leading lines
 * of spaces and tabs come before it (the parser skips them): bytes [0, headerEnd) hold them and the header line.
 */
function findHeaderBreak(bytes: Uint8Array): { at: number; quotes: number } | null {
  let from = 0;
  for (let end = bytes.indexOf(LF); end !== -1 && isBlankLine(bytes, from, end); end = bytes.indexOf(LF, from)) from = end + 1;
  const headerBreak = findRowBreak(bytes, from, 0);
  return headerBreak === null || bytes.subarray(from, Math.max(from, headerBreak.at - 1)).includes(CR) ? null : headerBreak;
}

/** True when bytes [from, to) hold only spaces and tabs, maybe ending in CR (a blank line the parser skips). */
function isBlankLine(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i] !== 0x20 && bytes[i] !== 0x09 && !(bytes[i] === CR && i === to - 1)) return false;
  return true;
}

/** Line feeds in bytes [0, `end`) of the file's first bytes (the header's lines, for line numbers). */
export function countHeaderLines(first: Uint8Array, headerEnd: number): number {
  return countLineFeeds(first, 0, headerEnd);
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
