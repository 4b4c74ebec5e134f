// The training worker's streamed fit: opens a streamed dataset's chunks in IndexedDB, fits on every row (the
// pipeline fitted on the held sample), stores the run like any other and returns its summary.

import { deriveMemoryBudgetBytes } from '../core/budget/memory-budget';
import { openStoredChunkSource } from '../storage/chunk-source';
import type { ColumnOverride, DatasetId } from '../core/notebook/types';
import { TrainingError } from '../core/errors';
import { applyColumnOverrides } from '../core/table/apply-column-overrides';
import type { ChunkSource } from '../core/table/chunk-source';
import { assembleStreamedRun } from '../core/train/stream/assemble-streamed-run';
import { createChunkCache } from '../core/train/stream/scan-chunks';
import { fitStreamed } from '../core/train/stream/fit-streamed';
import type { StreamedSplit } from '../core/train/stream/hash-row';
import type { StreamProgress } from '../core/train/stream/stream-types';
import type { RunSummary, TrainingProgressRecord, TrainRequest } from '../core/train/types';
import { readHeldTable } from './dataset-tables';
import { openWorkerDb, storeRunFit, type RunStore } from './stored-runs';

/** A streamed dataset a worker reads: the page's database and the dataset's id (DatasetArtifact.streamed.datasetId). */
export interface StreamedDatasetRef {
  dbName: string;
  datasetId: DatasetId;
  /** The Data cell's column overrides (the sample has them): "excluded" columns are left out of every chunk too. */
  overrides?: Readonly<Record<string, ColumnOverride>>;
}

/**
 * Bytes of prepared chunks kept between passes (logistic regression and the network read the data many times): a
 * quarter of the memory budget (core/budget), so the pool's workers streaming at once stay within it.
 */
function chooseCacheBytes(): number {
  const deviceMemoryGiB = (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory;
  return Math.floor(deriveMemoryBudgetBytes({ deviceMemoryGiB }) / 4);
}

/** Fits `request` on every row of `dataset`, its pipeline fitted on held table `sampleKey` (the Data cell's sample). */
export async function trainStreamed(sampleKey: string, dataset: StreamedDatasetRef, request: TrainRequest, split: StreamedSplit, store: RunStore, ctx: { shouldStop?: () => boolean; onProgress?: (record: TrainingProgressRecord) => void } = {}): Promise<RunSummary> {
  const source = applyOverridesToChunks(await openStoredChunkSource(await openWorkerDb(dataset.dbName), dataset.datasetId), dataset.overrides ?? {});
  const report = createProgressReporter(request.id, ctx.onProgress);
  const run = await fitStreamed(source, readHeldTable(sampleKey), { ...request, split }, { shouldStop: ctx.shouldStop, onProgress: report, cache: createChunkCache(chooseCacheBytes()) });
  return storeRunFit(store, assembleStreamedRun(request, run, source.rowCount));
}

/**
 * `source` with the Data cell's exclusions applied to every chunk; a kind the Data cell changed is refused, since each
 * chunk converted alone would get its own category levels (the pipeline was fitted on the sample's).
 */
export function applyOverridesToChunks(source: ChunkSource, overrides: Readonly<Record<string, ColumnOverride>>): ChunkSource {
  const changed = Object.entries(overrides).filter(([, kind]) => kind !== 'excluded');
  if (changed.length > 0) {
    const [name, kind] = changed[0];
    throw new TrainingError(`Training on every row reads the stored columns as imported, but the Data cell reads "${name}" as ${kind}. Clear that setting in the Data cell, or train on the sample.`);
  }
  if (Object.keys(overrides).length === 0) return source;
  return { ...source, readChunk: async (index) => applyColumnOverrides(await source.readChunk(index), { ...overrides }).table };
}

/**
 * Stream progress as the Train cell's curve records: each finished iteration (L-BFGS step, epoch) with its metrics;
 * before the first, chunk after chunk of the first pass (empty metrics), so a long first pass shows it is moving.
 */
function createProgressReporter(runId: string, onProgress: ((record: TrainingProgressRecord) => void) | undefined): (progress: StreamProgress) => void {
  let iterated = false;
  return (progress) => {
    if (progress.metrics !== undefined && progress.iteration !== undefined) {
      iterated = true;
      onProgress?.({ runId, fold: null, iteration: progress.iteration, total: progress.total ?? progress.iteration, metrics: progress.metrics });
    } else if (!iterated && progress.stage === 'fit') {
      onProgress?.({ runId, fold: null, iteration: progress.chunk, total: progress.chunkCount, metrics: {} });
    }
  };
}
