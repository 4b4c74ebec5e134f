// Reads delimited text into raw columns: streams decoded chunks through the CSV parser, picks the
// delimiter, and turns what the parser noticed (renamed headers, ragged rows, blank lines) into warnings.

import { createCsvParser } from '../csv/parse-csv';
import { detectDelimiter } from '../csv/detect-delimiter';
import { makeHeadersUnique } from '../csv/make-headers-unique';
import { DataError } from '../errors';
import type { RawColumn } from './infer-table';
import type { TextSource } from './read-text';
import type { ImportWarning } from './types';

export interface CsvRead {
  columns: RawColumn[];
  rowCount: number;
  rowLines: number[];
  delimiter: string;
  warnings: ImportWarning[];
}

/** Reads all of `source`; `onChunk` fires after each chunk with the bytes and rows read so far. */
export async function readCsv(
  source: TextSource,
  fileName: string,
  delimiterOption: string,
  onChunk: (bytesRead: number, rows: number) => void,
): Promise<CsvRead> {
  let parser: ReturnType<typeof createCsvParser> | null = null;
  let delimiter = delimiterOption;
  let bytesRead = 0;
  const replaced = { lines: [] as number[], count: 0 };
  let onlyWhitespace = true;
  for await (const text of source.chunks((n) => (bytesRead = n))) {
    if (parser === null) {
      if (delimiter === 'auto') delimiter = detectDelimiter(text.slice(0, 65_536));
      parser = createCsvParser(delimiter);
    }
    if (onlyWhitespace && /\S/.test(text)) onlyWhitespace = false;
    if (source.encoding === 'utf-8') noteReplacements(text, parser, replaced);
    parser.feed(text);
    onChunk(bytesRead, parser.rowCount);
  }
  if (onlyWhitespace) throw new DataError(`"${fileName}" is empty: it has no text to read. Choose another file.`);
  const out = (parser ?? createCsvParser(',')).finish();
  if (out.rowLines.length === 0) {
    throw new DataError(`"${fileName}" has a header but no data rows (columns: ${out.header.slice(0, 5).join(', ')}). Check that this is the complete file.`);
  }
  const { names, renamed } = makeHeadersUnique(out.header);
  const warnings: ImportWarning[] = [];
  if (renamed.length > 0) {
    const list = renamed.slice(0, 5).map((r) => `column ${r.index + 1} "${r.from}" → "${r.to}"`).join(', ');
    warnings.push({ code: 'renamed-header', message: `${renamed.length} header names were empty, repeated or padded with spaces and were renamed: ${list}.`, lines: [1] });
  }
  if (out.shortRows.count > 0) {
    warnings.push({ code: 'ragged-rows', message: `${out.shortRows.count} rows have fewer fields than the ${names.length} header columns (lines ${out.shortRows.lines.join(', ')}); their missing fields were left empty.`, lines: out.shortRows.lines });
  }
  if (out.longRows.count > 0) {
    warnings.push({ code: 'ragged-rows', message: `${out.longRows.count} rows have more fields than the ${names.length} header columns (lines ${out.longRows.lines.join(', ')}); the extra fields were dropped. Check the delimiter ("${printable(delimiter)}") and quoting.`, lines: out.longRows.lines });
  }
  if (out.blankLines.count > 0) {
    warnings.push({ code: 'blank-lines', message: `${out.blankLines.count} blank lines between rows were skipped (lines ${out.blankLines.lines.join(', ')}).`, lines: out.blankLines.lines });
  }
  if (replaced.count > 0) {
    warnings.push({ code: 'replacement-characters', message: `${replaced.count} characters could not be read as UTF-8 and show as "\uFFFD" (lines ${replaced.lines.join(', ')}). If the text looks wrong, import again with the encoding set to windows-1252.`, lines: replaced.lines });
  }
  const columns = names.map((name, i) => ({ name, originalName: out.header[i], values: out.columns[i] }));
  return { columns, rowCount: out.rowLines.length, rowLines: out.rowLines, delimiter, warnings };
}

function noteReplacements(text: string, parser: { lineAtNext(text: string, index: number): number }, replaced: { lines: number[]; count: number }): void {
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
    replaced.count++;
    if (replaced.lines.length >= 20) continue;
    const line = parser.lineAtNext(text, i);
    if (replaced.lines[replaced.lines.length - 1] !== line) replaced.lines.push(line);
  }
}

function printable(delimiter: string): string {
  return delimiter === '\t' ? '\\t' : delimiter;
}
