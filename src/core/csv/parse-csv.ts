// An incremental RFC 4180 CSV parser that writes fields straight into per-column string arrays and
// knows the 1-based line each row starts on (quoted newlines make lines and rows differ).
// Fed decoded text chunk by chunk; an unfinished last row is carried over to the next chunk.

import { DataError } from '../errors';
import { countLineBreaks } from './count-line-breaks';

/** What the parser saw: the header, raw cells per column (null = padded short row) and row line numbers. */
export interface CsvParseOutput {
  header: string[];
  columns: (string | null)[][];
  /** 1-based line on which each data row starts. */
  rowLines: number[];
  /** Lines of rows with fewer fields than the header (first 20) and how many there were. */
  shortRows: { lines: number[]; count: number };
  /** Lines of rows with more fields than the header (first 20) and how many there were. */
  longRows: { lines: number[]; count: number };
  /** Blank lines between data rows (trailing blank lines are ignored), first 20, and how many. */
  blankLines: { lines: number[]; count: number };
}

export interface CsvParser {
  /** Parses as many complete rows of `text` (appended to what came before) as it can. */
  feed(text: string): void;
  /** Parses the rest; throws DataError for a quote that never closes. */
  finish(): CsvParseOutput;
  /** Data rows parsed so far. */
  readonly rowCount: number;
  /** 1-based line on which position `index` of the next `feed(text)` would fall. */
  lineAtNext(text: string, index: number): number;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const MAX_LINES = 20;

function indexOrEnd(s: string, search: string, from: number): number {
  const i = s.indexOf(search, from);
  return i === -1 ? s.length : i;
}
/** A carried-over row at least this long waits until the text after it is as long, keeping parsing O(n). */
const DEFER_THRESHOLD = 1 << 18;

/** Creates a parser for one file; `delimiter` is a single character. */
export function createCsvParser(delimiter: string): CsvParser {
  const delimCode = delimiter.charCodeAt(0);
  let newline: '\n' | '\r' | null = null;
  let carry = '';
  let deferred: string[] = [];
  let deferredLength = 0;
  let line = 1;
  let header: string[] | null = null;
  let cols: (string | null)[][] = [];
  let ncols = 0;
  const rowLines: number[] = [];
  const shortRows = { lines: [] as number[], count: 0 };
  const longRows = { lines: [] as number[], count: 0 };
  const blankLines = { lines: [] as number[], count: 0 };
  let pendingBlank: number[] = [];

  function note(target: { lines: number[]; count: number }, at: number): void {
    target.count++;
    if (target.lines.length < MAX_LINES) target.lines.push(at);
  }

  function endRow(fieldCount: number, rowLine: number, blank: boolean): void {
    if (header === null) {
      if (blank) { cols = []; ncols = 0; return; }
      header = cols.map((c) => c[0] ?? '');
      ncols = header.length;
      cols = header.map(() => []);
      return;
    }
    if (blank) {
      for (let i = 0; i < Math.min(fieldCount, ncols); i++) cols[i].pop();
      pendingBlank.push(rowLine);
      return;
    }
    flushBlank();
    if (fieldCount < ncols) {
      for (let i = fieldCount; i < ncols; i++) cols[i].push(null);
      note(shortRows, rowLine);
    } else if (fieldCount > ncols) {
      note(longRows, rowLine);
    }
    rowLines.push(rowLine);
  }

  function flushBlank(): void {
    for (const at of pendingBlank) note(blankLines, at);
    pendingBlank = [];
  }

  /** Slow path of storing a field: beyond the header's width (dropped) or while reading the header. */
  function pushField(index: number, value: string): void {
    if (index < ncols) cols[index].push(value);
    else if (header === null) { cols.push([value]); ncols++; }
  }

  /** Parses complete rows of `s`; returns where the unfinished row starts (s.length when none). */
  function parse(s: string, final: boolean): number {
    const len = s.length;
    const nl = newline ?? '\n';
    const nlCode = nl.charCodeAt(0);
    // Positions of the next delimiter and line break, cached across fields; `len` when there is none.
    let nextDelim = indexOrEnd(s, delimiter, 0);
    let nextNl = indexOrEnd(s, nl, 0);
    let columns = cols;
    let width = ncols;
    let p = 0;
    while (p < len) {
      const rowStart = p;
      const rowLine = line;
      let fi = 0;
      for (;;) {
        let value: string;
        if (s.charCodeAt(p) === QUOTE) {
          let q = p + 1;
          let escaped = false;
          for (;;) {
            q = s.indexOf('"', q);
            if (q === -1 || s.charCodeAt(q + 1) !== QUOTE) break;
            escaped = true;
            q += 2;
          }
          if (q === -1 || (q + 1 === len && !final)) {
            if (!final) return rollBack(rowStart, rowLine, fi);
            throw new DataError(
              `Line ${line}: a quoted field opens here but its closing quote (") never comes. ` +
                'Fix or remove the stray quote on that line (a quote inside a field must be doubled: "").',
            );
          }
          value = s.slice(p + 1, q);
          if (escaped) value = value.replaceAll('""', '"');
          if (nextNl <= p) nextNl = indexOrEnd(s, nl, p + 1);
          if (nextNl < q) line += countLineBreaks(s, nextNl, q, nl);
          p = q + 1;
          const c = s.charCodeAt(p);
          if (p < len && c !== delimCode && c !== nlCode && !(c === CR && (s.charCodeAt(p + 1) === LF || p + 1 === len))) {
            // Text after the closing quote ("a"b): keep it, as spreadsheets do.
            if (nextDelim < p) nextDelim = indexOrEnd(s, delimiter, p);
            if (nextNl < p) nextNl = indexOrEnd(s, nl, p);
            const end = nextDelim < nextNl ? nextDelim : nextNl;
            value += s.slice(p, end);
            p = end;
          }
        } else {
          if (nextDelim < p) nextDelim = indexOrEnd(s, delimiter, p);
          if (nextNl < p) nextNl = indexOrEnd(s, nl, p);
          if (nextDelim < nextNl) {
            // The common case, kept short: a plain field followed by a delimiter.
            value = s.slice(p, nextDelim);
            if (fi < width) columns[fi].push(value);
            else pushField(fi, value);
            fi++;
            p = nextDelim + 1;
            continue;
          }
          const end = nextNl;
          const crlf = end > p && nl === '\n' && s.charCodeAt(end - 1) === CR;
          value = s.slice(p, crlf ? end - 1 : end);
          p = end;
        }
        // p now sits on a delimiter, a line break or the end of the text.
        const c = s.charCodeAt(p);
        if (p < len && c === delimCode) {
          if (fi < width) columns[fi].push(value);
          else pushField(fi, value);
          fi++;
          p++;
          continue;
        }
        if (p >= len && !final) return rollBack(rowStart, rowLine, fi);
        if (c === CR && nl === '\n') {
          if (p + 1 === len && !final) return rollBack(rowStart, rowLine, fi);
          p++; // CRLF: the CR belongs to the line break
        }
        if (p < len) {
          p++;
          line++;
        }
        if (fi < width) columns[fi].push(value);
        else pushField(fi, value);
        fi++;
        if (fi === width && (width > 1 || value.length > 0)) {
          rowLines.push(rowLine);
          if (pendingBlank.length > 0) flushBlank();
        } else {
          const blank = fi === 1 && (value.length === 0 ? s.charCodeAt(rowStart) !== QUOTE : ncols > 1 && value.trim() === '');
          endRow(fi, rowLine, blank);
          columns = cols;
          width = ncols;
        }
        break;
      }
    }
    return len;
  }

  function rollBack(rowStart: number, rowLine: number, fieldsPushed: number): number {
    if (header === null) { cols = []; ncols = 0; }
    else for (let i = 0; i < Math.min(fieldsPushed, ncols); i++) cols[i].pop();
    line = rowLine;
    return rowStart;
  }

  function run(text: string, final: boolean): void {
    const s = carry + text;
    if (newline === null) {
      // A CR at the very end may be the first half of a CRLF: wait for the next character.
      const cr = s.indexOf('\r');
      if (s.includes('\n')) newline = '\n';
      else if (cr !== -1 && (cr < s.length - 1 || final)) newline = '\r';
    }
    carry = s.slice(parse(s, final));
    if (carry.length >= DEFER_THRESHOLD) deferredLength = -carry.length;
  }

  return {
    feed(text) {
      if (deferredLength < 0 || deferred.length > 0) {
        deferred.push(text);
        deferredLength += text.length;
        if (deferredLength < 0) return;
        text = deferred.join('');
        deferred = [];
        deferredLength = 0;
      }
      run(text, false);
    },
    finish() {
      const rest = deferred.join('');
      deferred = [];
      deferredLength = 0;
      run(rest, true);
      return { header: header ?? [], columns: cols, rowLines, shortRows, longRows, blankLines };
    },
    get rowCount() {
      return rowLines.length;
    },
    lineAtNext(text, index) {
      const nl = newline ?? '\n';
      const before = carry + deferred.join('');
      return line + countLineBreaks(before, 0, before.length, nl) + countLineBreaks(text, 0, index, nl);
    },
  };
}
