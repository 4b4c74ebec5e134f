// The whole surface of the compute worker: core functions as they are, with big results sent back by transfer.
// Unit tests call these directly in Node; clients.ts reaches them through comlink.

import { transfer } from 'comlink';
import type { ImportOptions, ImportProgress, ImportResult, ImportWarning } from '../core/ingest/types';
import type { TableProfile } from '../core/profile/types';
import { collectSplitBuffers, runSplit, type SplitRequest, type SplitResult } from '../core/split/run-split';
import { previewPipeline as previewPipelineInCore, type PipelinePreview } from '../core/transform/preview-pipeline';
import type { PipelineStep } from '../core/transform/step-types';
import { applyColumnOverrides, type OverrideProblem } from '../core/table/apply-column-overrides';
import type { ColumnOverride } from '../core/notebook/types';
import { describeColumns } from '../core/table/describe-columns';
import { collectTransferables } from '../core/table/table-buffers';
import type { ColumnSummary, Table } from '../core/table/types';
import { importFileInRanges } from './import-in-ranges';
import { prepareProfileLanes, profileTableInWorkers } from './profile-in-workers';

/**
 * Imports `file` (a large CSV in ranges on nested workers, see import-in-ranges.ts); `onProgress` is a
 * comlink-proxied callback (a plain function in tests). No AbortSignal: signals cannot cross comlink, so the
 * client cancels by terminating the worker, which ends its range workers with it.
 */
async function importFile(file: Blob, fileName: string, options: ImportOptions, onProgress?: (p: ImportProgress) => void): Promise<ImportResult> {
  const result = await importFileInRanges(file, fileName, options, onProgress);
  return transfer(result, collectTransferables(result.table));
}

/** What the main thread may ask of a profile: the target and import warnings (signals and callbacks go apart). */
export interface ProfileRequest {
  target?: string;
  importWarnings?: readonly ImportWarning[];
}

/** Least time between two progress messages, so 5,000 narrow columns do not send 5,000 messages. */
const PROGRESS_INTERVAL_MS = 50;

/**
 * Profiles `table` over every row (a large table on 2–4 part workers, see profile-in-workers.ts);
 * `onProgress(done, total)` is comlink-proxied and fires on the first step, then at most every 50 ms, and on
 * the last. Cancel by terminating the worker (callCompute's signal), which ends its part workers with it.
 */
function profileTable(table: Table, request: ProfileRequest = {}, onProgress?: (done: number, total: number) => void): Promise<TableProfile> {
  let lastMs = Number.NEGATIVE_INFINITY;
  const report = (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - lastMs < PROGRESS_INTERVAL_MS) return;
    lastMs = now;
    onProgress?.(done, total);
  };
  return profileTableInWorkers(table, { ...request, onProgress: onProgress && report });
}

/** Splits `table` (holdout, folds, summary); the row indices come back by transfer. */
function splitTable(table: Table, request: SplitRequest): SplitResult {
  const result = runSplit(table, request);
  return transfer(result, collectSplitBuffers(result));
}

/** Fits `steps` on the training rows only and previews them on the validation rows (see core previewPipeline); column rules never pick `target`. */
function previewPipeline(table: Table, steps: PipelineStep[], rows: { train: Uint32Array; validation: Uint32Array }, target: string | null = null): PipelinePreview {
  const preview = previewPipelineInCore(table, steps, rows, { target });
  return transfer(preview, [...collectTransferables(preview.before), ...collectTransferables(preview.after)]);
}

/** A stored table as a Data cell shows it, in one trip: the column overrides applied and the columns described; the table comes back by transfer. */
function openTable(stored: Table, overrides: Record<string, ColumnOverride>): { table: Table; problems: OverrideProblem[]; summaries: ColumnSummary[] } {
  const { table, problems } = applyColumnOverrides(stored, overrides);
  return transfer({ table, problems, summaries: describeColumns(table) }, collectTransferables(table));
}

export const computeApi = { importFile, applyColumnOverrides, describeColumns, openTable, prepareProfileLanes, profileTable, splitTable, previewPipeline };
export type ComputeApi = typeof computeApi;
