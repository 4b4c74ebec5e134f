// Imports a large CSV/TSV file in byte ranges parsed side by side (one per worker), then merges them into what
// `importFile` would return for the whole file. The caller supplies how a range is read (a worker, or in-process
// in tests) and falls back to `importFile` whenever this says the file must be read in one pass.

import { detectDelimiter } from '../csv/detect-delimiter';
import { createAbortError } from '../errors';
import { detectFormat } from './detect-format';
import { finishCsv, readCsvPart, type CsvPart } from './import-csv';
import { hashBytes } from './import-file';
import { mergeCsvParts } from './merge-csv-parts';
import { planCsvRanges } from './plan-csv-ranges';
import { CHUNK_BYTES, openText, readSlice } from './read-text';
import { describeBinary } from './sniff-binary';
import type { ImportOptions, ImportProgress, ImportResult } from './types';

/** Reads one range (a Blob: the header line, then the range's rows) into a part; `onBytes` gets bytes read so far. */
export type ReadCsvRange = (range: Blob, fileName: string, delimiter: string, missingTokens: readonly string[], onBytes: (bytesRead: number) => void) => Promise<CsvPart>;

/**
 * `importFile` for a CSV/TSV read as up to `count` ranges by `readRange`, or null when the file should be read
 * in one pass instead: not delimited text, not plainly UTF-8, not cuttable at row boundaries, or ranges whose
 * merge would not equal one pass (see mergeCsvParts). Progress and abort behave as in `importFile`.
 */
export async function importCsvInRanges(
  file: Blob,
  fileName: string,
  options: ImportOptions,
  count: number,
  readRange: ReadCsvRange,
  onProgress?: (p: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult | null> {
  const started = performance.now();
  const bytes = new Uint8Array(await readSlice(file, 0, file.size));
  if (signal?.aborted) throw createAbortError();
  const first = bytes.subarray(0, CHUNK_BYTES);
  const format = detectFormat(options.format, fileName, first);
  if ((format !== 'csv' && format !== 'tsv') || describeBinary(first.subarray(0, 65_536)) !== null) return null;
  if (options.encoding === 'windows-1252' || openText(file, first, options.encoding).encoding !== 'utf-8') return null;
  const delimiter = format === 'tsv' ? '\t' : options.delimiter !== 'auto' ? options.delimiter : detectDelimiter(new TextDecoder().decode(first, { stream: true }).slice(0, 65_536));
  const plan = planCsvRanges(bytes, count);
  if (plan === null) return null;
  const header = file.slice(0, plan.headerEnd);
  const bytesRead = plan.ranges.map(() => 0);
  let lastReport = performance.now();
  const report = () => {
    const now = performance.now();
    if (!onProgress || now - lastReport < 100) return;
    lastReport = now;
    onProgress({ bytesRead: Math.min(file.size, bytesRead.reduce((a, b) => a + b, 0)), bytesTotal: file.size, rows: 0 });
  };
  const reads = plan.ranges.map((range, k) => {
    const blob = k === 0 ? file.slice(0, range.end) : new Blob([header, file.slice(range.start, range.end)]);
    const headerBytes = k === 0 ? 0 : plan.headerEnd;
    return readRange(blob, fileName, delimiter, options.missingTokens, (n) => {
      bytesRead[k] = Math.max(0, n - headerBytes);
      report();
    });
  });
  // Hashed once the range reads are asked for: digest copies the 100 MB on this thread, which before them
  // delayed every range, and after them lengthened the serial merge.
  const hash = hashBytes(bytes);
  hash.catch(() => undefined); // awaited below
  const parts = await Promise.all(reads);
  if (signal?.aborted) throw createAbortError();
  const merged = mergeCsvParts(parts, plan.ranges.map((r) => r.lineOffset));
  if (merged === null) return null;
  const typed = finishCsv(merged, signal);
  if (signal?.aborted) throw createAbortError();
  onProgress?.({ bytesRead: file.size, bytesTotal: file.size, rows: typed.rowCount });
  return {
    table: { rowCount: typed.rowCount, columns: typed.columns },
    inference: typed.inference,
    warnings: typed.warnings,
    format,
    delimiter: typed.delimiter,
    encoding: 'utf-8',
    sourceBytes: file.size,
    contentHash: await hash,
    durationMs: performance.now() - started,
  };
}

/** Reads one range in this thread (what each range worker runs). */
export async function readCsvRange(range: Blob, fileName: string, delimiter: string, missingTokens: readonly string[], onBytes: (bytesRead: number) => void): Promise<CsvPart> {
  const first = new Uint8Array(await readSlice(range, 0, CHUNK_BYTES));
  const source = openText(range, first, 'utf-8');
  const tokens = new Set(missingTokens.map((token) => token.trim()));
  return readCsvPart(source, fileName, delimiter, tokens, (n) => onBytes(n), true);
}
