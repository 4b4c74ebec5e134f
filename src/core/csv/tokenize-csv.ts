// The hand-written CSV tokenizer, kept for what papaparse reads differently: text after a closing quote
// ("a"b is read as ab, as spreadsheets do), a one-field row holding only "" (a value, not a blank line)
// and the line on which a never-closed quote opens. parse-csv.ts switches to it only for such text.

import { DataError } from '../errors';
import { countLineBreaks } from './count-line-breaks';

/** Rows found in a piece of text, with the 1-based line each starts on. */
export interface TokenizedRows {
  rows: string[][];
  lines: number[];
  /** Indices of rows that are a single quoted empty field (""), which are values, not blank lines. */
  quotedEmpty: Set<number>;
  /** Lines of fields with text after their closing quote ("a"b, kept as ab), one entry per field, in order. */
  textAfterQuote: number[];
  /** Where the unfinished last row starts (the text's length when there is none). */
  consumed: number;
  /** The line at `consumed`. */
  endLine: number;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

function indexOrEnd(s: string, search: string, from: number): number {
  const i = s.indexOf(search, from);
  return i === -1 ? s.length : i;
}

/**
 * Splits `s` (which starts a row on line `startLine`) into rows of fields. With `newline` '\n' a CR before
 * the line break is dropped. Unless `final`, an unfinished last row is left for the caller to carry over;
 * when `final`, a quote that never closes throws a DataError naming the line where it opens.
 */
export function tokenizeCsv(s: string, delimiter: string, newline: '\n' | '\r', startLine: number, final: boolean): TokenizedRows {
  const len = s.length;
  const delimCode = delimiter.charCodeAt(0);
  const nlCode = newline.charCodeAt(0);
  const out: TokenizedRows = { rows: [], lines: [], quotedEmpty: new Set(), textAfterQuote: [], consumed: len, endLine: startLine };
  let line = startLine;
  let p = 0;
  while (p < len) {
    const rowStart = p;
    const rowLine = line;
    const row: string[] = [];
    const noted = out.textAfterQuote.length; // notes of a row left unfinished are taken back
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
          if (!final) return stop(out, rowStart, rowLine, noted);
          throw new DataError(
            `Line ${line}: a quoted field opens here but its closing quote (") never comes. ` +
              'Fix or remove the stray quote on that line (a quote inside a field must be doubled: "").',
          );
        }
        value = s.slice(p + 1, q);
        if (escaped) value = value.replaceAll('""', '"');
        line += countLineBreaks(s, p + 1, q, newline);
        p = q + 1;
        const c = s.charCodeAt(p);
        if (p < len && c !== delimCode && c !== nlCode && !(c === CR && (s.charCodeAt(p + 1) === LF || p + 1 === len))) {
          // Text after the closing quote ("a"b): keep it, as spreadsheets do. Only whitespace before the delimiter or
          // line break is padding, dropped as papaparse drops it ("NY" , reads NY either way, wherever a chunk ends).
          let end = Math.min(indexOrEnd(s, delimiter, p), indexOrEnd(s, newline, p));
          if (newline === '\n' && end > p && s.charCodeAt(end - 1) === CR && s.charCodeAt(end) === LF) end--;
          const after = s.slice(p, end);
          if (after.trim() !== '') {
            value += after;
            out.textAfterQuote.push(line);
          }
          p = end;
        }
      } else {
        const nextDelim = indexOrEnd(s, delimiter, p);
        const nextNl = indexOrEnd(s, newline, p);
        if (nextDelim < nextNl) {
          row.push(s.slice(p, nextDelim));
          p = nextDelim + 1;
          continue;
        }
        const crlf = nextNl > p && newline === '\n' && s.charCodeAt(nextNl - 1) === CR;
        value = s.slice(p, crlf ? nextNl - 1 : nextNl);
        p = nextNl;
      }
      // p now sits on a delimiter, a line break or the end of the text.
      const c = s.charCodeAt(p);
      if (p < len && c === delimCode) {
        row.push(value);
        p++;
        continue;
      }
      if (p >= len && !final) return stop(out, rowStart, rowLine, noted);
      if (c === CR && newline === '\n') {
        if (p + 1 === len && !final) return stop(out, rowStart, rowLine, noted);
        p++; // CRLF: the CR belongs to the line break
      }
      if (p < len) {
        p++;
        line++;
      }
      row.push(value);
      if (row.length === 1 && value === '' && s.charCodeAt(rowStart) === QUOTE) out.quotedEmpty.add(out.rows.length);
      out.rows.push(row);
      out.lines.push(rowLine);
      break;
    }
  }
  out.endLine = line;
  return out;
}

function stop(out: TokenizedRows, rowStart: number, rowLine: number, noted: number): TokenizedRows {
  out.textAfterQuote.length = noted;
  out.consumed = rowStart;
  out.endLine = rowLine;
  return out;
}
