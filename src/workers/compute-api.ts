// The whole surface of the compute worker: core functions as they are, with big results sent back by transfer.
// Unit tests call these directly in Node; clients.ts reaches them through comlink.

import { transfer } from 'comlink';
import { importFile as importFileInCore } from '../core/ingest/import-file';
import type { ImportOptions, ImportProgress, ImportResult } from '../core/ingest/types';
import { applyColumnOverrides } from '../core/table/apply-column-overrides';
import { describeColumns } from '../core/table/describe-columns';
import { collectTransferables } from '../core/table/table-buffers';

/**
 * Imports `file`; `onProgress` is a comlink-proxied callback (a plain function in tests).
 * No AbortSignal: signals cannot cross comlink, so the client cancels by terminating the worker.
 */
async function importFile(file: Blob, fileName: string, options: ImportOptions, onProgress?: (p: ImportProgress) => void): Promise<ImportResult> {
  const result = await importFileInCore(file, fileName, options, onProgress);
  return transfer(result, collectTransferables(result.table));
}

export const computeApi = { importFile, applyColumnOverrides, describeColumns };
export type ComputeApi = typeof computeApi;
