// Imports a large CSV on every core: inside the import worker, starts range workers (nested workers, so
// terminating the import worker stops them too), reads the file's ranges side by side and merges them with
// core importCsvInRanges; anything it declines is imported in one pass here.

import { proxy, releaseProxy, transfer, wrap } from 'comlink';
import { collectJobBuffers } from '../core/ingest/distinct-jobs';
import { importCsvInRanges, type CsvRangeReader } from '../core/ingest/import-csv-ranges';
import { importFile } from '../core/ingest/import-file';
import { attachPackedTexts } from '../core/ingest/pack-part-texts';
import type { ImportOptions, ImportProgress, ImportResult } from '../core/ingest/types';
import type { CsvRangeApi } from './csv-range-api';
import { deriveMemoryBudgetBytes } from '../core/budget/memory-budget';

/** Files from this size (bytes) are read in ranges where workers can be started. */
export const RANGE_IMPORT_MIN_BYTES = 8 * 1024 * 1024;

/** How many ranges: one per core but the one left to the page, at least 2, at most 4. */
export function countRanges(hardwareConcurrency: number | undefined): number {
  return Math.min(4, Math.max(2, (hardwareConcurrency ?? 2) - 1));
}

/**
 * `importFile`, in ranges on several workers when the file is large and this thread can start workers; either way
 * within half the device's memory where the browser tells it (core/budget), else the default budget.
 */
export async function importFileInRanges(file: Blob, fileName: string, options: ImportOptions, onProgress?: (p: ImportProgress) => void): Promise<ImportResult> {
  const budgetBytes = deriveMemoryBudgetBytes({ deviceMemoryGiB: (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory });
  if (file.size < RANGE_IMPORT_MIN_BYTES || typeof Worker === 'undefined') return importFile(file, fileName, options, onProgress, undefined, budgetBytes);
  const count = countRanges(globalThis.navigator?.hardwareConcurrency);
  // Started now, so their module loading overlaps planning the cuts.
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(new URL('./csv-range.worker.ts', import.meta.url), { type: 'module', name: 'csv-range' });
    return { worker, api: wrap<CsvRangeApi>(worker) };
  });
  let next = 0;
  const reader: CsvRangeReader = {
    async read(rangeFile, request, onBytes) {
      // Round robin: a file whose first cuts fell inside quoted fields is read a second time.
      const { api } = workers[next++ % workers.length];
      const { texts, ...read } = await api.readCsvRange(rangeFile, { ...request, missingTokens: [...request.missingTokens] }, proxy(onBytes));
      return { ...read, part: attachPackedTexts({ part: read.part, texts }) };
    },
    digest: (digestFile, from, to, lane) => workers[lane % workers.length].api.digestBlocks(digestFile, from, to),
    countDistinct: (jobs, lane) => workers[lane % workers.length].api.countDistinct(transfer(jobs, jobs.flatMap(collectJobBuffers))),
  };
  try {
    const result = await importCsvInRanges(file, fileName, options, count, reader, onProgress, undefined, budgetBytes);
    if (result !== null) return result;
  } finally {
    for (const { worker, api } of workers) {
      api[releaseProxy]();
      worker.terminate();
    }
  }
  return importFile(file, fileName, options, onProgress, undefined, budgetBytes);
}
