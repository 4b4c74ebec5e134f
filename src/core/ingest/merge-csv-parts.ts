// Merges the parts of one CSV file read in consecutive byte ranges (each parsed after a copy of the header)
// into the part a single pass over the file would have made: rows, line numbers, ragged/blank-line notes, scans.

import type { CsvPart } from './import-csv';
import { mergeColumnScans } from './merge-column-scans';
import type { ColumnScan } from './scan-column';

const MAX_LINES = 20;

/**
 * One part from `parts` (in file order); `lineOffsets[k]` is added to part k's line numbers to make them file
 * lines. Null when the merge cannot equal a single pass — malformed quotes (the tokenizer reads the rest of a
 * file differently), bad UTF-8, or a column whose scans do not merge (see mergeColumnScans): read it whole then.
 * `onColumn` fires as each column's scan is merged, so work on it can start elsewhere while the rest merge.
 */
export function mergeCsvParts(parts: readonly CsvPart[], lineOffsets: readonly number[], onColumn?: (c: number, scan: ColumnScan) => void): CsvPart | null {
  if (parts.length === 1) return parts[0];
  if (parts.some((p) => p.usedTokenizer || p.replaced.count > 0 || p.out.header.length !== parts[0].out.header.length)) return null;
  const scans: ColumnScan[] = [];
  for (let c = 0; c < parts[0].scans.length; c++) {
    const merged = mergeColumnScans(parts.map((p) => p.scans[c]));
    if (merged === null) return null;
    scans.push(merged);
    onColumn?.(c, merged);
  }
  const shift = (lines: readonly number[], k: number) => lines.map((line) => line + lineOffsets[k]);
  // Typed and preallocated: pushing ~1 M line numbers one by one was a visible part of the serial merge.
  const rowLines = new Int32Array(parts.reduce((n, p) => n + p.out.rowLines.length, 0));
  let at = 0;
  parts.forEach((p, k) => {
    const lines = p.out.rowLines;
    const offset = lineOffsets[k];
    for (let i = 0; i < lines.length; i++) rowLines[at++] = lines[i] + offset;
  });
  const last = parts.length - 1;
  const first = parts[0];
  return {
    out: {
      header: first.out.header,
      columns: [],
      rowLines,
      shortRows: mergeNotes(parts.map((p, k) => ({ lines: shift(p.out.shortRows.lines, k), count: p.out.shortRows.count }))),
      longRows: mergeNotes(parts.map((p, k) => ({ lines: shift(p.out.longRows.lines, k), count: p.out.longRows.count }))),
      // Blank lines at the end of a range are between rows once the next range's rows follow.
      blankLines: mergeNotes(parts.map((p, k) => {
        const trailing = k < last ? p.trailingBlankLines : [];
        return { lines: shift([...p.out.blankLines.lines, ...trailing], k), count: p.out.blankLines.count + trailing.length };
      })),
      loneCrs: mergeNotes(parts.map((p, k) => ({ lines: shift(p.out.loneCrs.lines, k), count: p.out.loneCrs.count }))),
      fallback: null, // parts read by the tokenizer are not merged
    },
    scans,
    delimiter: first.delimiter,
    replaced: { lines: [], count: 0 },
    trailingBlankLines: shift(parts[last].trailingBlankLines, last),
    usedTokenizer: false,
  };
}

/** Notes (first 20 lines, count) of consecutive ranges as one; a range's own list may be cut at 20 already. */
function mergeNotes(notes: readonly { lines: number[]; count: number }[]): { lines: number[]; count: number } {
  const lines: number[] = [];
  let count = 0;
  for (const note of notes) {
    for (const line of note.lines) if (lines.length < MAX_LINES) lines.push(line);
    count += note.count;
  }
  return { lines, count };
}
