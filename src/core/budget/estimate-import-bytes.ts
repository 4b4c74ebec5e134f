// How much memory an import will take, estimated before it starts from the file's size and its first chunk: rows ×
// columns × bytes per cell for delimited text (from the first chunk's line breaks and header), a multiple of the
// text for JSON, rows × columns from the footer for Parquet. checkImportBudget refuses what would not fit.

import { DataError } from '../errors';
import { formatBytes, formatRows } from './memory-budget';

/**
 * Peak bytes per cell while delimited text is scanned and typed: each column keeps numbers (8), dates (8) and codes
 * (4) while its kind is open, and the finished column (≤ 8) is made before the scan is let go.
 */
export const CSV_BYTES_PER_CELL = 24;
/** Fixed bytes per column (scanner, dictionary, level cache, inference): ~6 KB measured on 100,000 columns × 3 rows. */
export const COLUMN_OVERHEAD_BYTES = 8 * 1024;
/** Decoded text held per byte of a text file: chunks as JS strings (two bytes a character) and the text cells kept. */
export const TEXT_BYTES_PER_FILE_BYTE = 2;
/** JSON is parsed whole: the text, its object graph and the columns made from it, per byte of the file. */
export const JSON_BYTES_PER_FILE_BYTE = 10;
/** Parquet values become JS values and then cell texts before typing: bytes per cell. */
export const PARQUET_BYTES_PER_CELL = 48;

/** An import's estimate: `bytes` in all; `rows` × `columns` (estimated from the first chunk for text), `perCell` and `perColumn` costs. */
export interface ImportEstimate {
  readonly format: 'csv' | 'tsv' | 'json' | 'parquet';
  readonly bytes: number;
  readonly rows: number;
  readonly columns: number;
  readonly perCellBytes: number;
  readonly perColumnBytes: number;
}

const DELIMITERS = [0x2c, 0x09, 0x3b, 0x7c]; // , \t ; |

/**
 * The estimate for delimited text of `fileBytes` bytes whose first bytes are `head`: rows from the line breaks in
 * `head` (LF, else CR), columns from the delimiter (`delimiter`, else the most frequent of , \t ; |) in its first line.
 */
export function estimateTextImport(format: 'csv' | 'tsv', fileBytes: number, head: Uint8Array, delimiter?: string): ImportEstimate {
  let lf = 0;
  let cr = 0;
  let firstEnd = -1;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b !== 0x0a && b !== 0x0d) continue;
    if (firstEnd < 0) firstEnd = i;
    if (b === 0x0a) lf++;
    else cr++;
  }
  const breaks = Math.max(1, lf > 0 ? lf : cr);
  const wholeFile = head.length >= fileBytes;
  // Lines less the header: a first line without a break is the header of a file cut short (one row, at least).
  const rows = Math.max(1, (wholeFile ? breaks : Math.round((breaks * fileBytes) / Math.max(1, head.length))) - 1);
  const header = head.subarray(0, firstEnd < 0 ? head.length : firstEnd);
  const codes = delimiter !== undefined && delimiter !== 'auto' ? [delimiter.charCodeAt(0)] : format === 'tsv' ? [0x09] : DELIMITERS;
  const columns = 1 + Math.max(...codes.map((code) => countByte(header, code)));
  const perCellBytes = CSV_BYTES_PER_CELL + (TEXT_BYTES_PER_FILE_BYTE * fileBytes) / (rows * columns);
  return { format, bytes: Math.round(rows * columns * perCellBytes + columns * COLUMN_OVERHEAD_BYTES), rows, columns, perCellBytes, perColumnBytes: COLUMN_OVERHEAD_BYTES };
}

/**
 * The estimate for a file of `fileBytes` bytes read as `format`, from its first bytes `head`: delimited text by its
 * lines and header; JSON and line-delimited logs as read whole; Parquet by its size only (its footer, read later,
 * gives rows × columns: estimateParquetImport).
 */
export function estimateImportBytes(format: string, fileBytes: number, head: Uint8Array, delimiter?: string): ImportEstimate {
  if (format === 'csv' || format === 'tsv') return estimateTextImport(format, fileBytes, head, delimiter);
  if (format === 'parquet') return estimateParquetImport(fileBytes, 0, 0);
  return estimateJsonImport(fileBytes);
}

/** The estimate for a JSON file of `fileBytes` bytes (rows and columns unknown until it is parsed: 0). */
export function estimateJsonImport(fileBytes: number): ImportEstimate {
  return { format: 'json', bytes: fileBytes * JSON_BYTES_PER_FILE_BYTE, rows: 0, columns: 0, perCellBytes: 0, perColumnBytes: 0 };
}

/** The estimate for a Parquet file of `fileBytes` bytes holding `rows` × `columns` (from its footer; 0 × 0: the file alone). */
export function estimateParquetImport(fileBytes: number, rows: number, columns: number): ImportEstimate {
  const perCellBytes = PARQUET_BYTES_PER_CELL + fileBytes / Math.max(1, rows * columns);
  return { format: 'parquet', bytes: Math.round(Math.max(fileBytes, rows * columns * perCellBytes)), rows, columns, perCellBytes, perColumnBytes: 0 };
}

/**
 * Throws a DataError when `estimate` is over `budgetBytes`: how much the import would need, the budget, and what fits
 * (a sample of so many rows, or so many columns with every row; for JSON a smaller file or the same records as CSV).
 */
export function checkImportBudget(estimate: ImportEstimate, budgetBytes: number, fileName: string): void {
  if (estimate.bytes <= budgetBytes) return;
  const need = `"${fileName}" would need about ${formatBytes(estimate.bytes)} of memory to import, more than this tab's budget of ${formatBytes(budgetBytes)}`;
  if (estimate.format === 'json') {
    const fits = Math.floor(budgetBytes / JSON_BYTES_PER_FILE_BYTE);
    throw new DataError(`${need} (JSON is read whole). What fits: a JSON file of at most ${formatBytes(fits)}, or the same records saved as CSV, which is read in chunks.`);
  }
  if (estimate.rows === 0) throw new DataError(`${need} (a Parquet file is read whole). What fits: a file of at most ${formatBytes(budgetBytes)}; export fewer rows or columns.`);
  const { rows, columns, perCellBytes, perColumnBytes } = estimate;
  const rowsFit = Math.max(0, Math.floor((budgetBytes - columns * perColumnBytes) / (columns * perCellBytes)));
  const columnsFit = Math.max(0, Math.floor(budgetBytes / (rows * perCellBytes + perColumnBytes)));
  const shape = `${count(rows, 'row')} × ${count(columns, 'column')}${estimate.format === 'parquet' ? '' : ', estimated from its first MB'}`;
  const options = [rowsFit > 0 ? `a sample of ${count(rowsFit, 'row')}` : null, columnsFit > 0 ? `at most ${count(columnsFit, 'column')} with every row` : null].filter((o) => o !== null);
  const fits = options.length > 0 ? `What fits: ${options.join(', or ')}. ` : '';
  throw new DataError(`${need} (${shape}). ${fits}Import a sample or fewer columns, or use a device with more memory.`);
}

/** "1 row", "4,986 rows", "1.2 M rows". */
function count(n: number, noun: string): string {
  return `${formatRows(n)} ${noun}${n === 1 ? '' : 's'}`;
}

function countByte(bytes: Uint8Array, code: number): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === code) n++;
  return n;
}
