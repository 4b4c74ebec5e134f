// An incremental CSV parser on papaparse's core `Papa.Parser`, fed decoded text chunk by chunk the way
// papaparse's own ChunkStreamer does (carried partial row + new chunk; the last, maybe unfinished row is
// carried on), that knows the 1-based line each row starts on (quoted newlines make lines and rows differ).
// Papaparse reads `"a"b` and a `""`-only row differently, and its error for a never-closed quote has no
// line: text with those goes through the hand-written tokenizer (tokenize-csv.ts), from then on.
// Both drop spaces between a closing quote and the delimiter ("a"  ,b → a), as papaparse does, so a file reads
// the same wherever its chunks end and whichever of the two reads a part of it.
// With `onCells`, text without quotes (after the header) is split here instead, into field bounds, not strings.

import Papa from 'papaparse';
import { breakLoneCrs } from './break-lone-crs';
import { countLineBreaks } from './count-line-breaks';
import { createCellBlock, PlainRowSplitter, type CsvCellBlock } from './split-plain-rows';
import { tokenizeCsv } from './tokenize-csv';

/** What the parser saw: the header, raw cells per column (null = padded short row) and row line numbers. */
export interface CsvParseOutput {
  header: string[];
  /** Empty when rows went to `onRows` instead. */
  columns: (string | null)[][];
  /** 1-based line on which each data row starts. */
  rowLines: ArrayLike<number>;
  /** Lines of rows with fewer fields than the header (first 20) and how many there were. */
  shortRows: { lines: number[]; count: number };
  /** Lines of rows with more fields than the header (first 20) and how many there were. */
  longRows: { lines: number[]; count: number };
  /** Blank lines between data rows (trailing blank lines are ignored), first 20, and how many. */
  blankLines: { lines: number[]; count: number };
  /** Carriage returns without a line feed (outside quotes) that ended rows, read as line breaks: first 20 lines, and how many. */
  loneCrs: { lines: number[]; count: number };
  /**
   * Why the hand-written tokenizer read the text (null when papaparse read it all): fields with text after their
   * closing quote ("a"b) and one-field rows of only "" (first 20 lines and counts each), and the line from which
   * the tokenizer read (where a chunk began: use it only when neither note has a line).
   */
  fallback: { textAfterQuote: Lines; quotedEmptyRows: Lines; fromLine: number } | null;
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
  /** Lines of blank lines after the last data row so far (noted as blank lines only if a row follows). */
  readonly trailingBlankLines: readonly number[];
  /** True once malformed quotes sent the text to the hand-written tokenizer. */
  readonly usedTokenizer: boolean;
}

export interface CsvParserOptions {
  /**
   * Receives data rows as they are parsed instead of `columns` (fires during feed/finish): `firstRow` is the
   * 0-based index of rows[0]; a row may have fewer fields than the header (absent = missing) or more.
   */
  onRows?: (rows: readonly (readonly string[])[], firstRow: number, header: readonly string[]) => void;
  /**
   * With `onRows`: receives rows of quote-free text as field bounds instead (see CsvCellBlock), in order with the
   * rows `onRows` gets; the block is reused after the call returns.
   */
  onCells?: (block: CsvCellBlock, firstRow: number, header: readonly string[]) => void;
}

type Newline = '\n' | '\r\n' | '\r';
/** Lines (first 20) and how many. */
export interface Lines { lines: number[]; count: number }

const MAX_LINES = 20;
/** A carried-over row at least this long waits until the text after it is as long, keeping parsing O(n). */
const DEFER_THRESHOLD = 1 << 18;
/** Text parsed at once; 256 Ki chars made typed import ~30 % faster than 1 Mi in Node (cache locality). */
const PIECE_CHARS = 1 << 18;
const QUOTED_EMPTY_LINE = /(?:^|[\r\n])""/;
/** A quote, then whitespace other than LF up to the end of the text: padding whose delimiter or line break is still to come. */
const QUOTE_PADDING_AT_END = /"[^\S\n]+$/;
const SPACES_AND_TABS = /^[ \t]+$/;

/** Creates a parser for one file; `delimiter` is a single character. */
export function createCsvParser(delimiter: string, options: CsvParserOptions = {}): CsvParser {
  const onRows = options.onRows;
  const onCells = onRows ? options.onCells : undefined;
  let block: CsvCellBlock | null = null;
  const splitter = new PlainRowSplitter(delimiter);
  // Line endings: papaparse splits on one newline string. With '\n' (LF files, or mixed endings) a CR is
  // removed from the end of each row's last field, so CRLF lines read right; a quoted last field that
  // really ends in a CR loses it. In LF and CRLF files a lone CR outside quotes is a line break too (it becomes
  // LF before parsing). A CR-only file keeps any later LF inside its fields.
  let newline: Newline | null = null;
  let lineChar: '\n' | '\r' = '\n';
  let papa: Papa.Parser | null = null;
  let useTokenizer = false;
  let carry = '';
  let deferred: string[] = [];
  let deferredLength = 0;
  let line = 1;
  let header: string[] | null = null;
  let ncols = 0;
  let cols: (string | null)[][] = [];
  // Row lines in a typed array grown by doubling: a JS array pushed ~1 M times cost ~3× as much in V8.
  let rowLines: Int32Array<ArrayBuffer> = new Int32Array(1024);
  let rowCount = 0;
  const shortRows: Lines = { lines: [], count: 0 };
  const longRows: Lines = { lines: [], count: 0 };
  const blankLines: Lines = { lines: [], count: 0 };
  const loneCrs: Lines = { lines: [], count: 0 };
  let pendingBlank: number[] = [];
  let fallback: NonNullable<CsvParseOutput['fallback']> | null = null;

  function note(target: Lines, at: number): void {
    target.count++;
    if (target.lines.length < MAX_LINES) target.lines.push(at);
  }

  /**
   * Turns parsed rows into the header, data rows and blank lines. Row k's line is `base + k + (extra?.[k] ?? 0)`,
   * or `lines[k]` when given.
   */
  function takeRows(rows: string[][], base: number, extra: Int32Array | null, lines: readonly number[] | null, quotedEmpty: ReadonlySet<number> | null): void {
    const firstRow = rowCount;
    if (rowCount + rows.length > rowLines.length) rowLines = growLines(rowLines, rowCount + rows.length);
    let kept: string[][] | null = null; // a copy only once some row is dropped
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k];
      if (row.length === 1) {
        const v = row[0];
        // Before the header, a line of spaces and tabs is skipped as pandas skips it (skip_blank_lines).
        const blank = v.length === 0 ? !(quotedEmpty?.has(k) ?? false) : header === null ? SPACES_AND_TABS.test(v) : ncols > 1 && v.trim() === '';
        if (blank) {
          if (header !== null) pendingBlank.push(lines !== null ? lines[k] : base + k + (extra === null ? 0 : extra[k]));
          kept ??= rows.slice(0, k);
          continue;
        }
      }
      if (header === null) {
        header = row.slice();
        ncols = header.length;
        cols = onRows ? [] : header.map(() => []);
        kept ??= rows.slice(0, k);
        continue;
      }
      if (pendingBlank.length > 0) flushBlank();
      const at = lines !== null ? lines[k] : base + k + (extra === null ? 0 : extra[k]);
      if (row.length < ncols) note(shortRows, at);
      else if (row.length > ncols) note(longRows, at);
      rowLines[rowCount++] = at;
      if (kept !== null) kept.push(row);
      if (!onRows) for (let c = 0; c < ncols; c++) cols[c].push(c < row.length ? row[c] : null);
    }
    const out = kept ?? rows;
    if (onRows && out.length > 0) onRows(out, firstRow, header!);
  }

  function flushBlank(): void {
    for (const at of pendingBlank) note(blankLines, at);
    pendingBlank = [];
  }

  /** Decides the line endings from the first text that shows them; false while it cannot tell yet. */
  function detectNewline(s: string, final: boolean): boolean {
    if (s.includes('\n')) {
      newline = s.includes('\r') && !hasBareLf(s, 0) ? '\r\n' : '\n';
    } else {
      // A CR at the very end may be the first half of a CRLF: wait for the next character.
      const cr = s.indexOf('\r');
      if (cr !== -1 && (cr < s.length - 1 || final)) newline = '\r';
      else if (final) newline = '\n';
      else return false;
    }
    lineChar = newline === '\r' ? '\r' : '\n';
    papa = new Papa.Parser({ delimiter, newline });
    return true;
  }

  /** Switches from CRLF to '\n' (with CRs dropped) when s[from…] has a line ending in '\n' alone. */
  function checkNewline(s: string, from: number): void {
    if (newline === '\r\n' && hasBareLf(s, from)) {
      newline = '\n';
      papa = new Papa.Parser({ delimiter, newline });
    }
  }

  /**
   * `s` with lone CRs outside quotes turned into LF (see break-lone-crs.ts), noting their lines; a file whose lines
   * end in CRLF is read as mixed ('\n', a CR before it dropped) from then on. A CR ending the text is not noted.
   */
  function breakRowsAtLoneCrs(s: string, final: boolean): string {
    const broken = breakLoneCrs(s, delimiter, final);
    if (broken === null) return s;
    let at = 0;
    let breaks = 0;
    for (const i of broken.at) {
      breaks += countLineBreaks(broken.text, at, i, '\n');
      at = i;
      if (!(final && i === s.length - 1)) note(loneCrs, line + breaks);
    }
    if (newline === '\r\n') {
      newline = '\n';
      papa = new Papa.Parser({ delimiter, newline });
    }
    return broken.text;
  }

  /** Parses `s` with papaparse; returns where the carried-over part starts, or -1 when the tokenizer must. */
  function parseWithPapa(s: string, final: boolean): number {
    const result = parsePapa(s, final);
    if (result === null) return -1;
    const rows = result.data;
    const consumed = final ? s.length : result.meta.cursor;
    if (newline === '\n') for (let k = 0; k < rows.length; k++) dropTrailingCr(rows[k]);
    const hasQuote = s.lastIndexOf('"', consumed) !== -1;
    if (hasQuote && hasEmptyRow(rows) && QUOTED_EMPTY_LINE.test(s.slice(0, consumed))) return -1;
    // Fast path: as many line breaks as rows means no quoted newlines, and row k is on line + k.
    const rowBreaks = final ? rows.length - 1 : rows.length;
    const breaks = hasQuote ? countLineBreaks(s, 0, consumed, lineChar) : rowBreaks;
    const base = line;
    takeRows(rows, base, breaks === rowBreaks || rows.length === 0 ? null : countBreaksInFields(rows, lineChar), null, null);
    line += breaks;
    return consumed;
  }

  /**
   * papaparse's rows of `s`, or null where it reports malformed quotes. Spaces after a closing quote at the end of
   * `s` are not malformed (papaparse reads them as padding once the delimiter or line break comes): unless final,
   * the row is left to carry over; at the very end, it is read as if a line break followed.
   */
  function parsePapa(s: string, final: boolean): PapaResult | null {
    const result = papa!.parse(s, 0, !final) as PapaResult;
    if (result.errors.length === 0) return result;
    if (!QUOTE_PADDING_AT_END.test(s)) return null;
    if (!final) return result.errors.every((error) => error.row === result.data.length) ? result : null;
    const padded = papa!.parse(s + newline!, 0, false) as PapaResult;
    if (padded.errors.length > 0) return null;
    padded.data.pop(); // the empty row after the added line break
    return padded;
  }

  /**
   * Splits quote-free text `s` itself, as papaparse would (rows end at the newline string, a CR before '\n' is
   * dropped), and sends data rows to `onCells` a block at a time. Returns where the carried-over part starts.
   */
  function parsePlain(s: string, final: boolean): number {
    const nl = newline!;
    const end = final ? s.length : s.lastIndexOf(nl) + (s.lastIndexOf(nl) === -1 ? 1 : nl.length);
    if (end <= 0 || s.length === 0) return final ? s.length : 0;
    block ??= createCellBlock(ncols);
    block.text = s;
    block.rows = 0;
    splitter.start();
    let firstRow = rowCount;
    // Rows start at p; unless final, the text ends with a newline and nothing after it is a row yet.
    for (let p = 0; final || p < end; ) {
      const at = s.indexOf(nl, p);
      const rowEnd = at === -1 || at >= end ? end : at;
      let fieldsEnd = rowEnd;
      if (nl === '\n' && fieldsEnd > p && s.charCodeAt(fieldsEnd - 1) === 13) fieldsEnd--;
      const fields = splitter.split(s, p, fieldsEnd, block);
      if (fields === 1 && isBlankField(s, p, fieldsEnd)) {
        pendingBlank.push(line);
        block.rows--;
      } else {
        if (pendingBlank.length > 0) flushBlank();
        if (fields < ncols) note(shortRows, line);
        else if (fields > ncols) note(longRows, line);
        if (rowCount === rowLines.length) rowLines = growLines(rowLines, rowCount + 1);
        rowLines[rowCount++] = line;
        if (block.rows === block.capacity) {
          onCells!(block, firstRow, header!);
          firstRow = rowCount;
          block.rows = 0;
        }
      }
      if (rowEnd === end) break;
      line++;
      p = rowEnd + nl.length;
    }
    if (block.rows > 0) onCells!(block, firstRow, header!);
    block.text = '';
    return end;
  }

  /** A one-field row is a blank line when empty, or (with several columns) only whitespace. */
  function isBlankField(s: string, from: number, to: number): boolean {
    return from === to || (ncols > 1 && s.slice(from, to).trim() === '');
  }

  function parseWithTokenizer(s: string, final: boolean): number {
    const t = tokenizeCsv(s, delimiter, lineChar, line, final);
    fallback ??= { textAfterQuote: { lines: [], count: 0 }, quotedEmptyRows: { lines: [], count: 0 }, fromLine: line };
    for (const at of t.textAfterQuote) note(fallback.textAfterQuote, at);
    for (const k of t.quotedEmpty) note(fallback.quotedEmptyRows, t.lines[k]);
    takeRows(t.rows, 0, null, t.lines, t.quotedEmpty);
    line = t.endLine;
    return t.consumed;
  }

  function run(text: string, final: boolean): void {
    let s = carry + text;
    if (newline === null) {
      if (!detectNewline(s, final)) {
        carry = s;
        return;
      }
    } else checkNewline(s, s.length - text.length);
    if (newline !== '\r') s = breakRowsAtLoneCrs(s, final);
    let consumed = useTokenizer ? -1 : onCells && header !== null && s.indexOf('"') === -1 ? parsePlain(s, final) : parseWithPapa(s, final);
    if (consumed < 0) {
      useTokenizer = true;
      consumed = parseWithTokenizer(s, final);
    }
    carry = s.slice(consumed);
    if (carry.length >= DEFER_THRESHOLD) deferredLength = -carry.length;
  }

  return {
    feed(text) {
      // Pieces of at most PIECE_CHARS: the rows of one piece are still in the CPU cache when onRows reads them.
      if (text.length > PIECE_CHARS) {
        for (let i = 0; i < text.length; i += PIECE_CHARS) this.feed(text.slice(i, i + PIECE_CHARS));
        return;
      }
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
      return { header: header ?? [], columns: cols, rowLines: rowLines.slice(0, rowCount), shortRows, longRows, blankLines, loneCrs, fallback };
    },
    get rowCount() {
      return rowCount;
    },
    get trailingBlankLines() {
      return pendingBlank;
    },
    get usedTokenizer() {
      return useTokenizer;
    },
    lineAtNext(text, index) {
      const before = carry + deferred.join('') + text.slice(0, index);
      // Lone CRs there will be line breaks too (the carried part holds none any more: they became LF).
      const crBreaks = newline === '\r' ? 0 : (breakLoneCrs(before, delimiter, false)?.at.length ?? 0);
      return line + countLineBreaks(before, 0, before.length, lineChar) + crBreaks;
    },
  };
}

interface PapaResult {
  data: string[][];
  /** `row`: the index the row being read when the error was found would have had in `data`. */
  errors: { row: number }[];
  meta: { cursor: number };
}

function growLines(lines: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(Math.max(needed, lines.length * 2));
  next.set(lines);
  return next;
}

/** True when some '\n' in s[from…] is not preceded by '\r'. */
function hasBareLf(s: string, from: number): boolean {
  for (let i = s.indexOf('\n', from); i !== -1; i = s.indexOf('\n', i + 1)) if (i === 0 || s.charCodeAt(i - 1) !== 13) return true;
  return false;
}

function dropTrailingCr(row: string[]): void {
  const last = row[row.length - 1];
  if (last.length > 0 && last.charCodeAt(last.length - 1) === 13) row[row.length - 1] = last.slice(0, -1);
}

function hasEmptyRow(rows: string[][]): boolean {
  for (const row of rows) if (row.length === 1 && row[0].length === 0) return true;
  return false;
}

/** For each row, the line breaks inside the fields of the rows before it (quoted newlines). */
function countBreaksInFields(rows: string[][], lineChar: '\n' | '\r'): Int32Array {
  const before = new Int32Array(rows.length);
  let total = 0;
  for (let k = 0; k < rows.length; k++) {
    before[k] = total;
    for (const field of rows[k]) if (field.includes(lineChar)) total += countLineBreaks(field, 0, field.length, lineChar);
  }
  return before;
}
