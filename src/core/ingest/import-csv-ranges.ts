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
import { nowMs } from '../time/now-ms';
import { checkImportBudget, estimateImportBytes } from '../budget/estimate-import-bytes';
import { DEFAULT_MEMORY_BUDGET_BYTES } from '../budget/memory-budget';

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
 * merge would not equal one pass (see mergeCsvParts). Progress, abort and the memory budget behave as in `importFile`.
 */
export async function importCsvInRanges(
  file: Blob,
  fileName: string,
  options: ImportOptions,
  count: number,
  reader: CsvRangeReader,
  onProgress?: (p: ImportProgress) => void,
  signal?: AbortSignal,
  budgetBytes = DEFAULT_MEMORY_BUDGET_BYTES,
): Promise<ImportResult | null> {
  const started = nowMs();
  const first = new Uint8Array(await readSlice(file, 0, CHUNK_BYTES));
  if (signal?.aborted) throw createAbortError();
  const format = detectFormat(options.format, fileName, first);
  if ((format !== 'csv' && format !== 'tsv') || describeBinary(first.subarray(0, 65_536)) !== null) return null;
  if (options.encoding === 'windows-1252' || openText(file, first, options.encoding).encoding !== 'utf-8') return null;
  const delimiter = format === 'tsv' ? '\t' : options.delimiter !== 'auto' ? options.delimiter : detectDelimiter(new TextDecoder().decode(first, { stream: true }).slice(0, 65_536));
  checkImportBudget(estimateImportBytes(format, file.size, first, delimiter), budgetBytes, fileName);
  const cuts = await planCsvCuts(file, first, count);
  if (cuts === null) return null;
  const request = { fileName, delimiter, missingTokens: options.missingTokens };
  // Hashed from the moment the first range is read, on its worker and the next ones but one (the last is left to
  // count distinct values): the hash does not depend on the cuts, so a re-read keeps it.
  const lanes = Math.max(1, count - 1);
  const hashing: { hash: Promise<string> | null; countingLane: number } = { hash: null, countingLane: count - 1 };
  const startHash = (k: number) => {
    if (hashing.hash !== null) return;
    hashing.hash = hashOnLanes(file, reader, Array.from({ length: lanes }, (_, j) => (k + j) % count));
    hashing.hash.catch(() => undefined); // awaited below
    hashing.countingLane = (k + lanes) % count;
  };
  const readAll = (plan: CsvCuts) => readRanges(file, plan, request, reader, onProgress, startHash);
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
    linesBefore += read.lineFeeds + read.part.out.loneCrs.count; // a lone CR ends a line too (break-lone-crs.ts)
    return offset;
  });
  startHash(0); // a guard: a range that was read started it
  const counting = startCountingBeside(reads.map((read) => read.part), reader, hashing.countingLane);
  const merged = mergeCsvParts(reads.map((read) => read.part), lineOffsets, counting.onColumn);
  if (merged === null) {
    await counting.finish(null);
    return null;
  }
  const distinct = await counting.finish(merged.scans);
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
    contentHash: await hashing.hash!,
    durationMs: nowMs() - started,
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
  onRead?: (k: number) => void,
): Promise<CsvRangeRead[] | null> {
  const { headerEnd, starts } = cuts;
  const bytesRead = starts.map(() => 0);
  let lastReport = nowMs();
  const report = () => {
    const now = nowMs();
    if (!onProgress || now - lastReport < 100) return;
    lastReport = now;
    onProgress({ bytesRead: Math.min(file.size, bytesRead.reduce((a, b) => a + b, 0)), bytesTotal: file.size, rows: 0 });
  };
  const settled = await Promise.allSettled(starts.map((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1] : file.size;
    const headerBytes = k === 0 ? 0 : headerEnd;
    const read = reader.read(file, { ...request, headerEnd, start, end }, (n) => {
      bytesRead[k] = Math.max(0, n - headerBytes);
      report();
    });
    void read.then(() => onRead?.(k), () => undefined);
    return read;
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

/** The content hash, its blocks split into one run per lane in `lanes`, digested side by side. */
async function hashOnLanes(file: Blob, reader: CsvRangeReader, lanes: readonly number[]): Promise<string> {
  const blocks = countHashBlocks(file.size);
  const n = lanes.length;
  const runs = lanes.map((lane, j) => reader.digest(file, Math.floor((blocks * j) / n), Math.floor((blocks * (j + 1)) / n), lane));
  return combineBlockDigests((await Promise.all(runs)).flat());
}

/** Of all distinct-count work, the share lane `lane` takes: the import worker also merges and types the columns. */
const LANE_SHARE = 0.6;

/**
 * Distinct counting split between lane `lane` and this thread: `onColumn` (for mergeCsvParts) sends a merged
 * column's job to the lane at once, so the lane counts while later columns merge, until the lane holds ~60 % of
 * the estimated work (costs foreseen from the first part's scans); `finish` counts the rest here and gives every
 * scan's count as describeDistinctJob asks for it (null where none), or just waits when the merge failed.
 */
function startCountingBeside(parts: readonly CsvPart[], reader: CsvRangeReader, lane: number) {
  const foreseen = parts[0].scans.reduce((sum, scan) => {
    const job = describeDistinctJob(scan);
    return sum + (job === null ? 0 : estimateJobCost(job, scan) * parts.length);
  }, 0);
  const counts = parts[0].scans.map(() => null as number | null);
  const sent = new Set<number>();
  const answers: Promise<void>[] = [];
  let there = 0;
  const onColumn = (c: number, scan: ColumnScan) => {
    const job = describeDistinctJob(scan);
    if (job === null || there >= LANE_SHARE * foreseen) return;
    there += estimateJobCost(job, scan);
    sent.add(c);
    const answer = reader.countDistinct([job], lane).then((back) => {
      counts[c] = back.counts[0];
      restoreJobArrays(scan, job, back.jobs[0]);
    });
    answer.catch(() => undefined); // awaited in finish
    answers.push(answer);
  };
  const finish = async (scans: ColumnScan[] | null): Promise<(number | null)[]> => {
    if (scans === null) {
      await Promise.allSettled(answers);
      return counts;
    }
    scans.forEach((scan, c) => {
      const job = sent.has(c) ? null : describeDistinctJob(scan);
      if (job !== null) counts[c] = countDistinctJob(job);
    });
    await Promise.all(answers);
    return counts;
  };
  return { onColumn, finish };
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
