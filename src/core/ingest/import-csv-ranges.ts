// Imports a large CSV/TSV file in byte ranges parsed side by side (one per worker), then merges them into what
// `importFile` would return for the whole file. The caller supplies how a range is read (a worker, or in-process
// in tests) and falls back to `importFile` whenever this says the file must be read in one pass.

import { detectDelimiter } from '../csv/detect-delimiter';
import { createAbortError } from '../errors';
import { detectFormat } from './detect-format';
import { countDistinctJob, describeDistinctJob, estimateJobCost, restoreJobArrays, type DistinctJob } from './distinct-jobs';
import { combineBlockDigests, countHashBlocks, digestFileBlocks } from './hash-blocks';
import { finishCsv, readCsvPart, type CsvPart } from './import-csv';
import { mergeCsvParts } from './merge-csv-parts';
import { countHeaderLines, planCsvCuts, planCsvRanges, type CsvCuts } from './plan-csv-ranges';
import { openRangeText } from './range-text';
import { CHUNK_BYTES, openText, readSlice } from './read-text';
import type { ColumnScan } from './scan-column';
import { describeBinary } from './sniff-binary';
import type { ImportOptions, ImportProgress, ImportResult } from './types';

/** What a range reader needs besides the file: bytes [start, end), after the header line [0, headerEnd). */
export interface CsvRangeRequest {
  fileName: string;
  delimiter: string;
  missingTokens: readonly string[];
  headerEnd: number;
  start: number;
  end: number;
}

/** One range read: its part and the LF and '"' bytes in [start, end). */
export interface CsvRangeRead {
  part: CsvPart;
  lineFeeds: number;
  quotes: number;
}

/** How ranges are read and the file hashed: by workers, or in this thread (`inThisThread`). */
export interface CsvRangeReader {
  /** Reads one range of `file` into a part; `onBytes` gets the bytes read so far (header copy included). */
  read(file: Blob, request: CsvRangeRequest, onBytes: (bytesRead: number) => void): Promise<CsvRangeRead>;
  /** Digests hash blocks [from, to) of `file` (hash-blocks.ts) on lane `lane` (a worker below the range count). */
  digest(file: Blob, from: number, to: number, lane: number): Promise<Uint8Array<ArrayBuffer>[]>;
  /**
   * Counts distinct values for each job (distinct-jobs.ts) on lane `lane`; the jobs come back too, as a worker
   * is sent their arrays by transfer (their originals are then detached).
   */
  countDistinct(jobs: DistinctJob[], lane: number): Promise<{ counts: number[]; jobs: DistinctJob[] }>;
}

/**
 * `importFile` for a CSV/TSV read as up to `count` ranges by `reader`, or null when the file should be read
 * in one pass instead: not delimited text, not plainly UTF-8, not cuttable at row boundaries, or ranges whose
 * merge would not equal one pass (see mergeCsvParts). Progress and abort behave as in `importFile`.
 */
export async function importCsvInRanges(
  file: Blob,
  fileName: string,
  options: ImportOptions,
  count: number,
  reader: CsvRangeReader,
  onProgress?: (p: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult | null> {
  const started = performance.now();
  const first = new Uint8Array(await readSlice(file, 0, CHUNK_BYTES));
  if (signal?.aborted) throw createAbortError();
  const format = detectFormat(options.format, fileName, first);
  if ((format !== 'csv' && format !== 'tsv') || describeBinary(first.subarray(0, 65_536)) !== null) return null;
  if (options.encoding === 'windows-1252' || openText(file, first, options.encoding).encoding !== 'utf-8') return null;
  const delimiter = format === 'tsv' ? '\t' : options.delimiter !== 'auto' ? options.delimiter : detectDelimiter(new TextDecoder().decode(first, { stream: true }).slice(0, 65_536));
  const cuts = await planCsvCuts(file, first, count);
  if (cuts === null) return null;
  const request = { fileName, delimiter, missingTokens: options.missingTokens };
  const readAll = (plan: CsvCuts) => readRanges(file, plan, request, reader, onProgress);
  let reads = await readAll(cuts);
  if (signal?.aborted) throw createAbortError();
  if (reads === null) {
    // A cut fell inside a quoted field: cut again after one quote-parity pass over the whole file.
    const exact = planCsvRanges(new Uint8Array(await readSlice(file, 0, file.size)), count);
    if (exact === null) return null;
    reads = await readAll({ headerEnd: exact.headerEnd, starts: exact.ranges.map((r) => r.start) });
    if (signal?.aborted) throw createAbortError();
    if (reads === null) return null;
  }
  const headerLines = countHeaderLines(first, cuts.headerEnd);
  let linesBefore = 0;
  const lineOffsets = reads.map((read, k) => {
    const offset = k === 0 ? 0 : linesBefore - headerLines;
    linesBefore += read.lineFeeds;
    return offset;
  });
  // Hashed once the ranges are read, beside the merge: the parse had every core busy, the merge has one.
  const hash = hashOnLanes(file, reader, Math.max(1, reads.length - 1));
  hash.catch(() => undefined); // awaited below
  const merged = mergeCsvParts(reads.map((read) => read.part), lineOffsets);
  if (merged === null) return null;
  const distinct = await countDistinctBeside(merged.scans, reader, reads.length - 1);
  if (signal?.aborted) throw createAbortError();
  const typed = finishCsv(merged, signal, distinct);
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

/**
 * Reads every range of `cuts` side by side, in order; null when a cut may have fallen inside a quoted field: an
 * odd count of quotes before it, or a range that failed with a DataError. Other failures reject.
 */
async function readRanges(
  file: Blob,
  cuts: CsvCuts,
  request: Pick<CsvRangeRequest, 'fileName' | 'delimiter' | 'missingTokens'>,
  reader: CsvRangeReader,
  onProgress?: (p: ImportProgress) => void,
): Promise<CsvRangeRead[] | null> {
  const { headerEnd, starts } = cuts;
  const bytesRead = starts.map(() => 0);
  let lastReport = performance.now();
  const report = () => {
    const now = performance.now();
    if (!onProgress || now - lastReport < 100) return;
    lastReport = now;
    onProgress({ bytesRead: Math.min(file.size, bytesRead.reduce((a, b) => a + b, 0)), bytesTotal: file.size, rows: 0 });
  };
  const settled = await Promise.allSettled(starts.map((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1] : file.size;
    const headerBytes = k === 0 ? 0 : headerEnd;
    return reader.read(file, { ...request, headerEnd, start, end }, (n) => {
      bytesRead[k] = Math.max(0, n - headerBytes);
      report();
    });
  }));
  const reads: CsvRangeRead[] = [];
  for (const result of settled) {
    // A DataError (a quote left open at a range's end) may come from a bad cut: let the caller cut again.
    if (result.status === 'rejected') {
      if ((result.reason as Error | undefined)?.name === 'DataError') return null;
      throw result.reason;
    }
    reads.push(result.value);
  }
  let quotes = 0;
  for (let k = 0; k + 1 < reads.length; k++) {
    quotes += reads[k].quotes;
    if (quotes % 2 !== 0) return null;
  }
  return reads;
}

/** The content hash, its blocks split into `lanes` runs digested side by side. */
async function hashOnLanes(file: Blob, reader: CsvRangeReader, lanes: number): Promise<string> {
  const blocks = countHashBlocks(file.size);
  const runs = Array.from({ length: lanes }, (_, lane) => reader.digest(file, Math.floor((blocks * lane) / lanes), Math.floor((blocks * (lane + 1)) / lanes), lane));
  return combineBlockDigests((await Promise.all(runs)).flat());
}

/**
 * The distinct count describeDistinctJob asks for per scan (null where none), costliest first from one queue:
 * lane `lane` takes the next job whenever it is free while this thread counts the others, so misjudged costs
 * even out (a million unique codes took 3× a million numbers in Chromium; a dense id column ~0.2×).
 */
async function countDistinctBeside(scans: ColumnScan[], reader: CsvRangeReader, lane: number): Promise<(number | null)[]> {
  const queue = scans
    .map((scan, c) => ({ job: describeDistinctJob(scan), c }))
    .filter((item): item is { job: DistinctJob; c: number } => item.job !== null)
    .map((item) => ({ ...item, cost: estimateJobCost(item.job, scans[item.c]) }))
    .sort((a, b) => b.cost - a.cost);
  const counts = scans.map(() => null as number | null);
  const there = (async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      const back = await reader.countDistinct([item.job], lane);
      counts[item.c] = back.counts[0];
      restoreJobArrays(scans[item.c], item.job, back.jobs[0]);
    }
  })();
  there.catch(() => undefined); // awaited below
  for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
    counts[item.c] = countDistinctJob(item.job);
    await yieldToMessages(); // lets the lane's answer in, so it is given its next job
  }
  await there;
  return counts;
}

/** Resolves after pending messages are handled (a macrotask: a resolved promise would not let them in). */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Reads one range in this thread (what each range worker runs). */
export async function readCsvRange(file: Blob, request: CsvRangeRequest, onBytes: (bytesRead: number) => void): Promise<CsvRangeRead> {
  const { source, counts } = openRangeText(file, request.headerEnd, request);
  const tokens = new Set(request.missingTokens.map((token) => token.trim()));
  const part = await readCsvPart(source, request.fileName, request.delimiter, tokens, onBytes, true);
  return { part, lineFeeds: counts.lineFeeds, quotes: counts.quotes };
}

/** A reader that reads and hashes in this thread (tests; what the workers run). */
export const inThisThread: CsvRangeReader = {
  read: readCsvRange,
  digest: (file, from, to) => digestFileBlocks(file, from, to),
  countDistinct: async (jobs) => ({ counts: jobs.map(countDistinctJob), jobs }),
};
