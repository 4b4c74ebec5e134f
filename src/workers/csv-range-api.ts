// The whole surface of a CSV range worker: reads one byte range of a large CSV into a part (core readCsvRange),
// the part's typed arrays sent back by transfer and its kept texts packed (see pack-part-texts.ts).
// Started by import-in-ranges.ts inside the import worker.

import { transfer } from 'comlink';
import { readCsvRange as readCsvRangeInCore } from '../core/ingest/import-csv-ranges';
import type { CsvPart } from '../core/ingest/import-csv';
import { packPartTexts, type PackedCsvPart } from '../core/ingest/pack-part-texts';

/** Reads `range` (header line + rows); `onBytes` (comlink-proxied) gets the bytes read so far after each chunk. */
async function readCsvRange(range: Blob, fileName: string, delimiter: string, missingTokens: readonly string[], onBytes: (bytesRead: number) => void): Promise<PackedCsvPart> {
  const packed = packPartTexts(await readCsvRangeInCore(range, fileName, delimiter, missingTokens, onBytes));
  const buffers = collectPartBuffers(packed.part);
  for (const texts of packed.texts) if (texts !== null) buffers.push(texts.ends.buffer, texts.missing.buffer);
  return transfer(packed, buffers);
}

/** The buffers under a part's scans (numbers, booleans, dates, codes). */
export function collectPartBuffers(part: CsvPart): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const scan of part.scans) {
    for (const array of [scan.numbers, scan.booleans, scan.dates, scan.codes]) if (array && array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  }
  return [...buffers];
}

export const csvRangeApi = { readCsvRange };
export type CsvRangeApi = typeof csvRangeApi;
