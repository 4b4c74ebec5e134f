// The whole surface of a CSV range worker: reads one byte range of a large CSV into a part (core readCsvRange),
// the part's typed arrays sent back by transfer and its kept texts packed (see pack-part-texts.ts); then digests
// hash blocks of the file or counts distinct values while the import worker merges and types. Started by
// import-in-ranges.ts inside the import worker.

import { transfer } from 'comlink';
import { collectJobBuffers, countDistinctJob, type DistinctJob } from '../core/ingest/distinct-jobs';
import { digestFileBlocks } from '../core/ingest/hash-blocks';
import { readCsvRange as readCsvRangeInCore, type CsvRangeRead, type CsvRangeRequest } from '../core/ingest/import-csv-ranges';
import type { CsvPart } from '../core/ingest/import-csv';
import { packPartTexts, type PackedCsvPart } from '../core/ingest/pack-part-texts';

/** A range read whose part's kept texts travel packed in `texts` (attachPackedTexts puts them back). */
export type PackedCsvRangeRead = Omit<CsvRangeRead, 'part'> & PackedCsvPart;

/** Progress goes back at most this often: each proxied call is a message round trip. */
const PROGRESS_INTERVAL_MS = 100;

/** Reads bytes [start, end) of `file` after its header line; `onBytes` (comlink-proxied) gets the bytes read so far, at most every 100 ms. */
async function readCsvRange(file: Blob, request: CsvRangeRequest, onBytes: (bytesRead: number) => void): Promise<PackedCsvRangeRead> {
  let last = 0;
  const read = await readCsvRangeInCore(file, request, (n) => {
    const now = performance.now();
    if (now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    void onBytes(n);
  });
  const packed = packPartTexts(read.part);
  // ~500 k line numbers (an Int32Array from the parser) cross by transfer.
  const rowLines = packed.part.out.rowLines;
  const buffers = [...collectPartBuffers(packed.part), ...(rowLines instanceof Int32Array ? [rowLines.buffer as ArrayBuffer] : [])];
  for (const texts of packed.texts) if (texts !== null) buffers.push(texts.bytes.buffer, texts.ends.buffer, texts.missing.buffer);
  return transfer({ ...read, ...packed }, buffers);
}

/** Digests hash blocks [from, to) of `file` (see hash-blocks.ts), sent back by transfer. */
async function digestBlocks(file: Blob, from: number, to: number): Promise<Uint8Array<ArrayBuffer>[]> {
  const digests = await digestFileBlocks(file, from, to);
  return transfer(digests, digests.map((digest) => digest.buffer));
}

/** The buffers under a part's scans (numbers, booleans, dates, codes). */
export function collectPartBuffers(part: CsvPart): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const scan of part.scans) {
    for (const array of [scan.numbers, scan.booleans, scan.dates, scan.codes]) if (array && array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  }
  return [...buffers];
}

/** Counts distinct values for each job (see distinct-jobs.ts) while the import worker types other columns; the jobs' arrays go back by transfer. */
function countDistinct(jobs: DistinctJob[]): { counts: number[]; jobs: DistinctJob[] } {
  return transfer({ counts: jobs.map(countDistinctJob), jobs }, jobs.flatMap(collectJobBuffers));
}

export const csvRangeApi = { readCsvRange, digestBlocks, countDistinct };
export type CsvRangeApi = typeof csvRangeApi;
