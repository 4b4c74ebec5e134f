// The importer: turns a user's file (CSV/TSV, JSON, Parquet or a prediction log) into a typed Table, with the inference
// evidence and warnings. Runs in Node (tests) and in the compute worker; no DOM.

import { createAbortError, DataError } from '../errors';
import { detectFormat } from './detect-format';
import { hashBlob } from './hash-blocks';
import { readCsv } from './import-csv';
import { readJson } from './import-json';
import { readParquet } from './import-parquet';
import { importPredictionLog } from './import-prediction-log';
import { inferTable } from './infer-table';
import { CHUNK_BYTES, openText, readSlice } from './read-text';
import { describeBinary } from './sniff-binary';
import type { Table } from '../table/types';
import type { ColumnInference, ImportOptions, ImportProgress, ImportResult, ImportWarning } from './types';
import { nowMs } from '../time/now-ms';
import { checkImportBudget, estimateImportBytes } from '../budget/estimate-import-bytes';
import { DEFAULT_MEMORY_BUDGET_BYTES } from '../budget/memory-budget';

const PROGRESS_INTERVAL_MS = 100;

/**
 * Reads `file` as `options` say. `onProgress` fires at most every ~100 ms and once at the end;
 * `signal` is checked between chunks and columns (then the promise rejects with an AbortError).
 * Bad input rejects with a DataError whose message says what is wrong and what to do; so does a file whose import
 * would take more than `budgetBytes` of memory (estimated from its size and first chunk, core/budget), before it is read.
 */
export async function importFile(
  file: Blob,
  fileName: string,
  options: ImportOptions,
  onProgress?: (p: ImportProgress) => void,
  signal?: AbortSignal,
  budgetBytes = DEFAULT_MEMORY_BUDGET_BYTES,
): Promise<ImportResult> {
  const started = nowMs();
  const bytesTotal = file.size;
  if (signal?.aborted) throw createAbortError();
  if (bytesTotal === 0) throw new DataError(`"${fileName}" is empty (0 bytes). Choose another file.`);
  const hash = hashBlob(file);
  hash.catch(() => undefined); // awaited below; keeps an early DataError from leaving it unhandled
  const first = new Uint8Array(await readSlice(file, 0, CHUNK_BYTES));
  const format = detectFormat(options.format, fileName, first);
  checkImportBudget(estimateImportBytes(format, bytesTotal, first, options.delimiter), budgetBytes, fileName);
  let lastReport = nowMs();
  const report = (bytesRead: number, rows: number, force = false) => {
    const now = nowMs();
    if (!onProgress || (!force && now - lastReport < PROGRESS_INTERVAL_MS)) return;
    lastReport = now;
    onProgress({ bytesRead, bytesTotal, rows });
  };

  const tokens = new Set(options.missingTokens.map((token) => token.trim()));
  let typed: { table: Table; inference: ColumnInference[]; warnings: ImportWarning[] };
  let delimiter: string | undefined;
  let encoding: ImportResult['encoding'] = 'utf-8';
  const warnings: ImportWarning[] = [];
  if (format === 'parquet') {
    const raw = await readParquet(await readSlice(file, 0, bytesTotal), fileName, budgetBytes);
    typed = inferTable(raw.columns, raw.rowCount, tokens, null, signal);
  } else if (format === 'prediction-log') {
    typed = importPredictionLog(new Uint8Array(await readSlice(file, 0, bytesTotal)), fileName, tokens, signal);
  } else {
    const binary = describeBinary(first.subarray(0, 65_536));
    if (binary !== null) throw new DataError(`"${fileName}" looks like a binary file (${binary}), not text. Choose a CSV, TSV or JSON file.`);
    const source = openText(file, first, options.encoding, signal);
    encoding = source.encoding;
    if (source.fellBack) {
      warnings.push({ code: 'encoding', message: `"${fileName}" is not valid UTF-8, so it was read as windows-1252 (Western European). If letters look wrong, choose the encoding the file was saved with.` });
    }
    if (format === 'json') {
      let text = '';
      for await (const chunk of source.chunks((n) => report(n, 0))) text += chunk;
      if (text.trim() === '') throw new DataError(`"${fileName}" is empty: it has no text to read. Choose another file.`);
      const raw = readJson(text, fileName);
      if (signal?.aborted) throw createAbortError();
      typed = inferTable(raw.columns, raw.rowCount, tokens, null, signal);
    } else {
      const read = await readCsv(source, fileName, format === 'tsv' ? '\t' : options.delimiter, tokens, report, signal);
      typed = { table: { rowCount: read.rowCount, columns: read.columns }, inference: read.inference, warnings: read.warnings };
      delimiter = read.delimiter;
    }
  }
  if (signal?.aborted) throw createAbortError();
  report(bytesTotal, typed.table.rowCount, true);
  return {
    table: typed.table,
    inference: typed.inference,
    warnings: [...warnings, ...typed.warnings],
    format,
    ...(delimiter !== undefined ? { delimiter } : {}),
    encoding,
    sourceBytes: bytesTotal,
    contentHash: await hash,
    durationMs: nowMs() - started,
  };
}
