// The whole surface of the compute worker: core functions over the tables it holds (named by TableRef: the page
// sends keys, never tables — dataset-tables.ts), with big results sent back by transfer. Unit tests call these
// directly in Node; clients.ts reaches them through comlink.

import { transfer } from 'comlink';
import type { ImportOptions, ImportProgress, ImportResult, ImportWarning } from '../core/ingest/types';
import { proposeTarget, type TargetProposal } from '../core/problem/propose-target';
import type { ProblemSpec } from '../core/problem/types';
import { describeTargetFacts, type TargetFacts } from '../core/problem/validate-problem';
import type { TableProfile } from '../core/profile/types';
import { collectSplitBuffers, runSplit, type SplitRequest, type SplitResult } from '../core/split/run-split';
import { previewPipeline as previewPipelineInCore, type PipelinePreview } from '../core/transform/preview-pipeline';
import type { PipelineStep } from '../core/transform/step-types';
import type { DatasetMeta } from '../core/ingest/dataset-meta';
import type { OverrideProblem } from '../core/table/apply-column-overrides';
import { copyTable } from '../core/table/copy-table';
import { describeColumns } from '../core/table/describe-columns';
import { readKnownColumnCounts } from '../core/ingest/known-column-counts';
import { collectTransferables } from '../core/table/table-buffers';
import type { ColumnSummary, Table } from '../core/table/types';
import { openTable, requireTable, type TableRef } from './dataset-tables';
import { importFileInRanges } from './import-in-ranges';
import { importStreamedIntoDb, type StreamTarget } from './stream-import';
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

/**
 * Imports a CSV larger than memory streamed into IndexedDB from this worker (stream-import.ts): every row in chunks
 * under `target.datasetId`, the sample saved beside it; only the record comes back. Cancel by terminating the worker,
 * then delete the chunks (storage deleteStoredChunks).
 */
async function importFileStreamed(file: Blob, fileName: string, options: ImportOptions, target: StreamTarget, onProgress?: (p: ImportProgress) => void): Promise<DatasetMeta> {
  return importStreamedIntoDb(file, fileName, options, target, onProgress);
}

/** What the main thread may ask of a profile: the target and import warnings (signals and callbacks go apart). */
export interface ProfileRequest {
  target?: string;
  importWarnings?: readonly ImportWarning[];
}

/** Least time between two progress messages, so 5,000 narrow columns do not send 5,000 messages. */
const PROGRESS_INTERVAL_MS = 50;

/**
 * Opens a Data cell's dataset here, in one trip: read from IndexedDB (or this worker's copy), the column overrides
 * applied, the columns described. This worker keeps the table for the jobs that name its key; the page gets a copy
 * by transfer, for its views.
 */
async function openDataset(ref: TableRef): Promise<{ meta: DatasetMeta; table: Table; problems: OverrideProblem[]; summaries: ColumnSummary[] }> {
  const opened = await openTable(ref);
  const table = copyTable(opened.table);
  const known = readKnownColumnCounts(opened.meta, new Set(Object.keys(ref.source.overrides)));
  return transfer({ meta: opened.meta, table, problems: opened.problems, summaries: describeColumns(opened.table, known) }, collectTransferables(table));
}

/**
 * Profiles the table of `ref` over every row (a large table on 2–4 part workers, see profile-in-workers.ts);
 * `onProgress(done, total)` is comlink-proxied and fires on the first step, then at most every 50 ms, and on
 * the last. Cancel by terminating the worker (callCompute's signal), which ends its part workers with it.
 */
async function profileTable(ref: TableRef, request: ProfileRequest = {}, onProgress?: (done: number, total: number) => void): Promise<TableProfile> {
  let lastMs = Number.NEGATIVE_INFINITY;
  const report = (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - lastMs < PROGRESS_INTERVAL_MS) return;
    lastMs = now;
    onProgress?.(done, total);
  };
  return profileTableInWorkers(await requireTable(ref), { ...request, onProgress: onProgress && report });
}

/** Splits the table of `ref` (holdout, folds, summary); the row indices come back by transfer. */
async function splitTable(ref: TableRef, request: SplitRequest): Promise<SplitResult> {
  const result = runSplit(await requireTable(ref), request);
  return transfer(result, collectSplitBuffers(result));
}

/** Fits `steps` on the training rows only and previews them on the validation rows (see core previewPipeline); column rules never pick `target`. */
async function previewPipeline(ref: TableRef, steps: PipelineStep[], rows: { train: Uint32Array; validation: Uint32Array }, target: string | null = null): Promise<PipelinePreview> {
  const preview = previewPipelineInCore(await requireTable(ref), steps, rows, { target });
  return transfer(preview, [...collectTransferables(preview.before), ...collectTransferables(preview.after)]);
}

/** What validation needs to know of column `target` of the table of `ref` (see core describeTargetFacts). */
async function describeTarget(ref: TableRef, target: string, task: ProblemSpec['task']): Promise<TargetFacts | null> {
  return describeTargetFacts(await requireTable(ref), target, task);
}

/** What the Problem form proposes for column `target` of the table of `ref` (see core proposeTarget). */
async function proposeTargetOf(ref: TableRef, target: string): Promise<TargetProposal | null> {
  return proposeTarget(await requireTable(ref), target);
}

export const computeApi = { importFile, importFileStreamed, openDataset, describeTarget, proposeTarget: proposeTargetOf, prepareProfileLanes, profileTable, splitTable, previewPipeline };
export type ComputeApi = typeof computeApi;
