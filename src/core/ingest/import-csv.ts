// Reads delimited text into typed columns: streams decoded chunks through the CSV parser and each chunk's
// cells straight into per-column scanners (so cell strings die young), picks the delimiter, and adds the
// parser's warnings (describe-parse.ts) to the columns' own.

import { createCsvParser, type CsvParseOutput } from '../csv/parse-csv';
import { detectDelimiter } from '../csv/detect-delimiter';
import type { CsvCellBlock } from '../csv/split-plain-rows';
import { makeHeadersUnique } from '../csv/make-headers-unique';
import { createAbortError, DataError } from '../errors';
import type { Column } from '../table/types';
import { finishColumn, startColumn } from './infer-column';
import type { TextSource } from './read-text';
import { isMissingCell, type ColumnScan, type ColumnScanner } from './scan-column';
import { describeParse } from './describe-parse';
import type { ColumnInference, ImportWarning } from './types';

/** Rows per byte are foreseen once this much is read (a range's first chunk may be a few bytes, see range-text.ts). */
const RESERVE_AFTER_BYTES = 1 << 18;

export interface CsvRead {
  columns: Column[];
  inference: ColumnInference[];
  rowCount: number;
  delimiter: string;
  /** The parser's warnings, then the columns' mixed-type warnings. */
  warnings: ImportWarning[];
}

/**
 * What one pass over delimited text gathered before columns are typed: the parse, one finished scan per column
 * (texts re-read where needed), and what the importer warns about. Parts of one file read in ranges merge
 * into one (see merge-csv-parts.ts) before `finishCsv` types them.
 */
export interface CsvPart {
  out: CsvParseOutput;
  scans: ColumnScan[];
  delimiter: string;
  /** U+FFFD characters from bad UTF-8: lines (first 20) and count. */
  replaced: { lines: number[]; count: number };
  /** Blank lines after the last row (blank-line warnings only when rows follow, as in a later range). */
  trailingBlankLines: number[];
  /** True when malformed quotes sent the text to the hand-written tokenizer. */
  usedTokenizer: boolean;
}

/** Reads and types all of `source`; `onChunk` fires after each chunk with the bytes and rows read so far. */
export async function readCsv(
  source: TextSource,
  fileName: string,
  delimiterOption: string,
  missingTokens: ReadonlySet<string>,
  onChunk: (bytesRead: number, rows: number) => void,
  signal?: AbortSignal,
): Promise<CsvRead> {
  return finishCsv(await readCsvPart(source, fileName, delimiterOption, missingTokens, onChunk), signal);
}

/**
 * Parses and scans all of `source` (see readCsv) without typing the columns yet. `forMerge`: the part will be
 * merged (mergeCsvParts makes new arrays), so its scans' arrays may be views of larger buffers, and texts kept
 * from row 0 come packed (`packed`, as packPartTexts would make them).
 */
export async function readCsvPart(
  source: TextSource,
  fileName: string,
  delimiterOption: string,
  missingTokens: ReadonlySet<string>,
  onChunk: (bytesRead: number, rows: number) => void,
  forMerge = false,
): Promise<CsvPart> {
  let parser: ReturnType<typeof createCsvParser> | null = null;
  let delimiter = delimiterOption;
  let bytesRead = 0;
  let reserved = false;
  const replaced = { lines: [] as number[], count: 0 };
  let onlyWhitespace = true;
  let scanners: ColumnScanner[] | null = null;
  const start = (header: readonly string[]) => makeHeadersUnique(header).names.map((name) => startColumn(name, missingTokens, forMerge));
  const onRows = (rows: readonly (readonly string[])[], _first: number, header: readonly string[]) => {
    scanners ??= start(header);
    for (let c = 0; c < scanners.length; c++) scanners[c].addRows(rows, c);
  };
  // Quote-free rows come as field bounds: numbers and known levels are read from the text without cell strings.
  const onCells = (block: CsvCellBlock, _first: number, header: readonly string[]) => {
    scanners ??= start(header);
    for (let c = 0; c < scanners.length; c++) scanners[c].addBlock(block, c);
  };
  for await (const text of source.chunks((n) => (bytesRead = n))) {
    if (parser === null) {
      if (delimiter === 'auto') delimiter = detectDelimiter(text.slice(0, 65_536));
      parser = createCsvParser(delimiter, { onRows, onCells });
    }
    if (onlyWhitespace && /\S/.test(text)) onlyWhitespace = false;
    if (source.encoding === 'utf-8') noteReplacements(text, parser, replaced);
    parser.feed(text);
    if (!reserved && scanners !== null && parser.rowCount > 0 && bytesRead >= Math.min(source.bytesTotal, RESERVE_AFTER_BYTES)) {
      // Rows in all, foreseen from the first chunks' rows per byte (+3 %): growing the typed arrays by doubling
      // copies took ~130 ms of a 50 MB range in Chromium.
      reserved = true;
      if (bytesRead < source.bytesTotal) for (const scanner of scanners as ColumnScanner[]) scanner.reserveRows(Math.ceil((parser.rowCount * source.bytesTotal * 1.03) / bytesRead));
    }
    onChunk(bytesRead, parser.rowCount);
  }
  if (onlyWhitespace) throw new DataError(`"${fileName}" is empty: it has no text to read. Choose another file.`);
  const finished = parser ?? createCsvParser(',');
  const out = finished.finish();
  if (out.rowLines.length === 0 || scanners === null) {
    throw new DataError(`"${fileName}" has a header but no data rows (columns: ${out.header.slice(0, 5).join(', ')}). Check that this is the complete file.`);
  }
  const scans = (scanners as ColumnScanner[]).map((scanner) => scanner.finish(!forMerge));
  await rereadTexts(source, delimiter, scans, missingTokens);
  return { out, scans, delimiter, replaced, trailingBlankLines: [...finished.trailingBlankLines], usedTokenizer: finished.usedTokenizer };
}

/**
 * Types the columns of a read (or merged) part and turns what the parser noticed into warnings. `distinct[c]`,
 * where given, is column c's count as describeDistinctJob asked for it, made on another thread.
 */
export function finishCsv(part: CsvPart, signal?: AbortSignal, distinct?: readonly (number | null)[]): CsvRead {
  const { out, scans, delimiter } = part;
  const { names, renamed } = makeHeadersUnique(out.header);
  const warnings = describeParse(out, names, renamed, delimiter, part.replaced);
  const columns: Column[] = [];
  const inference: ColumnInference[] = [];
  for (let c = 0; c < scans.length; c++) {
    if (signal?.aborted) throw createAbortError();
    const typed = finishColumn(names[c], out.header[c], scans[c], out.rowLines, distinct?.[c] ?? undefined);
    scans[c] = null as unknown as ColumnScan; // lets the scan's arrays go as soon as the column is built
    columns.push(typed.column);
    inference.push(typed.inference);
    if (typed.warning) warnings.push(typed.warning);
  }
  return { columns, inference, rowCount: out.rowLines.length, delimiter, warnings };
}

/**
 * A column that looked numeric (or date) past its first thousand distinct values and then met a word keeps
 * texts only from there on: this second pass over the file fills in the texts of its earlier rows. Rare.
 */
async function rereadTexts(source: TextSource, delimiter: string, scans: ColumnScan[], missingTokens: ReadonlySet<string>): Promise<void> {
  const partial = scans.map((scan, c) => ({ scan, c, before: new Array<string | null>(scan.textsFrom) })).filter((p) => p.scan.texts !== null && p.scan.textsFrom > 0);
  if (partial.length === 0) return;
  const upTo = partial.reduce((most, p) => Math.max(most, p.scan.textsFrom), 0); // no spread: one entry per column
  const parser = createCsvParser(delimiter, {
    onRows: (rows, first) => {
      for (const { scan, c, before } of partial) {
        for (let k = 0; k < rows.length && first + k < scan.textsFrom; k++) {
          const v = rows[k][c];
          before[first + k] = isMissingCell(v, missingTokens) ? null : v;
        }
      }
    },
  });
  for await (const text of source.chunks(() => undefined)) {
    parser.feed(text);
    if (parser.rowCount >= upTo) break;
  }
  if (parser.rowCount < upTo) parser.finish();
  for (const { scan, before } of partial) {
    scan.texts = before.concat(scan.texts!);
    scan.textsFrom = 0;
  }
}

function noteReplacements(text: string, parser: { lineAtNext(text: string, index: number): number }, replaced: { lines: number[]; count: number }): void {
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
    replaced.count++;
    if (replaced.lines.length >= 20) continue;
    const line = parser.lineAtNext(text, i);
    if (replaced.lines[replaced.lines.length - 1] !== line) replaced.lines.push(line);
  }
}
