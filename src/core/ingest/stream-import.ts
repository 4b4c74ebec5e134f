// Imports a CSV/TSV file larger than memory in one streamed pass: the schema is inferred from the file's head (the
// ordinary importer), then the file is read in row-aligned pieces, each parsed by the CSV parser (as a range
// worker parses a range: header first, then its rows) into typed chunks of `chunkRows` rows. Each chunk updates
// the columns' sketches, feeds a seeded reservoir sample and goes to a sink (IndexedDB in the browser). Memory is
// one piece, one chunk and the sample, whatever the file's size.

import { createCsvParser } from '../csv/parse-csv';
import { createAbortError, DataError } from '../errors';
import { addColumnChunk, createColumnSketch, serializeColumnSketch, type ColumnSketch } from '../stats/sketches/column-sketch';
import { deriveSeed } from '../random/prng';
import type { Table } from '../table/types';
import { nowMs } from '../time/now-ms';
import { DEFAULT_MEMORY_BUDGET_BYTES } from '../budget/memory-budget';
import { hashBlob } from './hash-blocks';
import { importFile } from './import-file';
import { readSlice } from './read-text';
import { describeStreamWarnings, describeStreamInference, chooseSampleRows, describeHeadSchema } from './stream-import-schema';
import { StreamChunkBuilder } from './stream-import-chunks';
import { findHeaderEnd, findLastRowEnd, readTextPieces, STREAM_PIECE_BYTES } from './stream-import-pieces';
import { RowReservoir } from './stream-import-reservoir';
import type { StoredColumnMeta } from './dataset-meta';
import type { ColumnSketchJson } from '../stats/sketches/column-sketch';
import type { ImportOptions, ImportProgress, ImportResult } from './types';

/** Rows per stored chunk: storage's CHUNK_ROWS (storage/chunks.ts), so stored chunks read back as ChunkSource chunks. */
export const STREAM_CHUNK_ROWS = 65_536;
/** Rows in the sample by default (lowered to fit the budget, see chooseSampleRows). */
export const DEFAULT_SAMPLE_ROWS = 200_000;
/** Bytes of the file's head the schema is inferred from. */
export const STREAM_HEAD_BYTES = 4 * 1024 * 1024;

/** Where a streamed import's chunks go; `write` is awaited before the next piece is parsed. */
export interface StreamChunkSink {
  /** Stores chunk `index`: rows [index·chunkRows, …) as typed columns (categorical levels: those seen so far). */
  write(index: number, chunk: Table): Promise<void>;
  /** Removes every chunk written (the import was cancelled or failed). */
  discard(): Promise<void>;
}

export interface StreamImportSettings {
  sink: StreamChunkSink;
  budgetBytes?: number;
  sampleRows?: number;
  /** Seeds the sample (and KLL's compactions); the same file and seed give the same sample. Default 1. */
  seed?: number;
  chunkRows?: number;
  headBytes?: number;
  pieceBytes?: number;
}

/** What a streamed import made: every row's description and sketches, and the sample as an ordinary import result. */
export interface StreamImportResult {
  rowCount: number;
  chunkCount: number;
  chunkRows: number;
  /** Final column descriptions (categorical levels include those first seen after the head). */
  columns: StoredColumnMeta[];
  sketches: ColumnSketchJson[];
  /** Rows the schema was inferred from. */
  headRows: number;
  seed: number;
  /** The sample (rows in file order) with the inference and warnings of the whole file. */
  sample: ImportResult;
}

/**
 * Streams `file` into `settings.sink`. `onProgress` fires after each piece (bytes read, rows so far); `signal` is
 * checked between pieces — on abort, and on any failure, the sink's chunks are discarded before the promise rejects.
 * Only UTF-8 CSV/TSV is streamed: other formats and encodings are a DataError saying what to do.
 */
export async function importCsvStreamed(
  file: Blob, fileName: string, options: ImportOptions, settings: StreamImportSettings,
  onProgress?: (p: ImportProgress) => void, signal?: AbortSignal,
): Promise<StreamImportResult> {
  const started = nowMs();
  const { sink, seed = 1, chunkRows = STREAM_CHUNK_ROWS, pieceBytes = STREAM_PIECE_BYTES } = settings;
  const hash = hashBlob(file);
  hash.catch(() => undefined); // awaited below
  const head = await importHead(file, fileName, options, settings.headBytes ?? STREAM_HEAD_BYTES, signal);
  const schema = describeHeadSchema(head);
  const sampleRows = chooseSampleRows(head.table, settings.sampleRows ?? DEFAULT_SAMPLE_ROWS, settings.budgetBytes ?? DEFAULT_MEMORY_BUDGET_BYTES);
  const tokens = new Set(options.missingTokens.map((token) => token.trim()));
  const builder = new StreamChunkBuilder(schema, chunkRows, tokens);
  const sketches: ColumnSketch[] = schema.map((column, c) => createColumnSketch(column.name, column.kind, deriveSeed(seed, c)));
  const reservoir = new RowReservoir(schema, sampleRows, seed);
  const ragged = { count: 0 };
  let chunkCount = 0;
  let rowCount = 0;
  const store = async (chunk: Table) => {
    chunk.columns.forEach((column, c) => addColumnChunk(sketches[c], column));
    reservoir.offer(chunk);
    rowCount += chunk.rowCount;
    await sink.write(chunkCount++, chunk);
  };
  try {
    const headerText = await readHeaderText(file, fileName);
    let first = true;
    for await (const piece of readTextPieces(file, pieceBytes, signal)) {
      const done: Table[] = [];
      const keep = (chunks: Table[]) => { for (const chunk of chunks) done.push(chunk); };
      const parser = createCsvParser(head.delimiter!, {
        onRows: (rows) => keep(builder.addRows(rows)),
        onCells: (block) => keep(builder.addBlock(block)),
      });
      if (!first) parser.feed(headerText);
      for (const text of piece.texts) parser.feed(text);
      const out = parser.finish();
      ragged.count += out.shortRows.count + out.longRows.count;
      first = false;
      for (const chunk of done) await store(chunk);
      if (signal?.aborted) throw createAbortError();
      onProgress?.({ bytesRead: piece.bytesRead, bytesTotal: file.size, rows: rowCount });
    }
    const last = builder.flush();
    if (last !== null) await store(last);
  } catch (error) {
    await sink.discard().catch(() => undefined);
    throw error;
  }
  const sample = reservoir.finish().table;
  const json = sketches.map(serializeColumnSketch);
  const columns: StoredColumnMeta[] = schema.map((column, c) => ({
    name: column.name, kind: column.kind,
    ...(column.kind === 'categorical' ? { levels: column.levels!.slice() } : {}),
    ...(column.kind === 'numeric' ? { integer: builder.integers[c] } : {}),
    ...(column.kind === 'text' ? { idLike: column.idLike ?? false } : {}),
  }));
  const integerSample: Table = { rowCount: sample.rowCount, columns: sample.columns.map((column, c) => (column.kind === 'numeric' ? { ...column, integer: builder.integers[c] } : column)) };
  const warnings = describeStreamWarnings(head, schema, builder.misfits, ragged.count);
  return {
    rowCount, chunkCount, chunkRows, columns, sketches: json, headRows: head.table.rowCount, seed,
    sample: {
      ...head, table: integerSample, warnings, inference: describeStreamInference(head, sketches),
      sourceBytes: file.size, contentHash: await hash, durationMs: nowMs() - started,
    },
  };
}

/** The ordinary import of the file's first `headBytes` (cut after a whole row): the schema every later row is read with. */
async function importHead(file: Blob, fileName: string, options: ImportOptions, headBytes: number, signal?: AbortSignal): Promise<ImportResult> {
  let end = file.size;
  if (file.size > headBytes) {
    end = findLastRowEnd(new Uint8Array(await readSlice(file, 0, headBytes)));
    if (end < 0) throw new DataError(`"${fileName}" has no complete row in its first ${headBytes} bytes (or no line feeds: CR-only line ends). Save it with LF or CRLF line ends, or import it without streaming.`);
  }
  const head = await importFile(file.slice(0, end), fileName, options, undefined, signal, Number.POSITIVE_INFINITY);
  if (head.format !== 'csv' && head.format !== 'tsv') throw new DataError(`"${fileName}" is ${head.format}; only CSV and TSV files can be imported streamed. Import it without streaming, or save it as CSV.`);
  if (head.encoding !== 'utf-8') throw new DataError(`"${fileName}" is not UTF-8 (read as ${head.encoding}); only UTF-8 files can be imported streamed. Save it as UTF-8, or import it without streaming.`);
  return head;
}

/** The header row's text with its line break, prepended to every piece after the first. */
async function readHeaderText(file: Blob, fileName: string): Promise<string> {
  const head = new Uint8Array(await readSlice(file, 0, Math.min(file.size, 1 << 20)));
  const end = findHeaderEnd(head);
  if (end === null) return new TextDecoder().decode(head) + '\n';
  if (end <= 0) throw new DataError(`"${fileName}" has no header row.`);
  return new TextDecoder().decode(head.subarray(0, end));
}
