// Streamed datasets in IndexedDB: the chunks a streamed import writes as it goes (from the worker, one transaction
// per chunk), then the sample saved as an ordinary dataset and the streamed dataset's record pointing at it.
// The record is written last, so an interrupted import leaves chunks without a record; discard (or deleteDataset) removes them.

import type { DatasetId } from '../core/notebook/types';
import type { DatasetMeta } from '../core/ingest/dataset-meta';
import type { StreamChunkSink, StreamImportResult } from '../core/ingest/stream-import';
import type { Column } from '../core/table/types';
import { StudioError } from '../core/errors';
import { measureChunkBytes, selectDatasetChunks } from './chunks';
import type { StudioDb } from './db';
import { saveDataset } from './datasets';
import type { ChunkValues } from './records';
import { isRemoteDb } from './remote-db';
import { isQuotaError } from './quota';
import { formatBytes } from '../core/budget/memory-budget';

/** A sink storing each chunk's columns under `datasetId` (keys [id, column, chunk], as saveDataset's); `storedBytes` sums them. */
export function createStoredChunkSink(db: StudioDb, datasetId: DatasetId): StreamChunkSink & { readonly storedBytes: number } {
  if (isRemoteDb(db)) throw new StudioError('StorageError', 'A streamed import needs the browser\'s storage (IndexedDB), which this tab cannot use. Import a smaller file, or open the studio in a normal window.');
  let storedBytes = 0;
  return {
    get storedBytes() {
      return storedBytes;
    },
    async write(chunkIndex, chunk) {
      const transaction = db.transaction('datasetChunks', 'readwrite');
      chunk.columns.forEach((column, columnIndex) => {
        const values = toChunkValues(column);
        storedBytes += measureChunkBytes(values);
        transaction.store.put({ datasetId, columnIndex, chunkIndex, values }).catch(() => undefined);
      });
      try {
        await transaction.done;
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        throw new StudioError('StorageError', `Browser storage is full after ${formatBytes(storedBytes)} of this file's chunks (chunk ${chunkIndex + 1}); nothing was kept. Free space (delete datasets on Home, or disk space), or import a smaller file.`);
      }
    },
    discard: () => deleteStoredChunks(db, datasetId),
  };
}

/** Deletes every chunk stored under `datasetId` (a cancelled streamed import's, which has no record yet). */
export async function deleteStoredChunks(db: StudioDb, datasetId: DatasetId): Promise<void> {
  const transaction = db.transaction('datasetChunks', 'readwrite');
  await Promise.all([transaction.store.delete(selectDatasetChunks(datasetId)), transaction.done]);
}

export interface SaveStreamedInput {
  id: DatasetId;
  name: string;
  sourceFileName: string;
  result: StreamImportResult;
  /** Bytes of the chunks written (the sink's storedBytes). */
  storedBytes: number;
}

/**
 * Saves the sample as an ordinary dataset named "<name> (sample)" (its content hash prefixed "sample:", so it is
 * never offered as a duplicate of the file), then the streamed dataset's record under `id`, whose chunks are stored.
 */
export async function saveStreamedDataset(db: StudioDb, input: SaveStreamedInput): Promise<DatasetMeta> {
  const { result } = input;
  const sample = await saveDataset(db, {
    name: `${input.name} (sample)`,
    sourceFileName: input.sourceFileName,
    table: result.sample.table,
    result: { ...result.sample, contentHash: `sample:${result.sample.contentHash}` },
  });
  const meta: DatasetMeta = {
    id: input.id,
    name: input.name,
    sourceFileName: input.sourceFileName,
    format: result.sample.format,
    rowCount: result.rowCount,
    columnCount: result.columns.length,
    columns: result.columns,
    storedBytes: input.storedBytes,
    sourceBytes: result.sample.sourceBytes,
    contentHash: result.sample.contentHash,
    importedAt: Date.now(),
    inference: result.sample.inference,
    warnings: result.sample.warnings,
    encoding: result.sample.encoding,
    ...(result.sample.delimiter !== undefined ? { delimiter: result.sample.delimiter } : {}),
    streamed: {
      sampleDatasetId: sample.id, sampleRows: result.sample.table.rowCount, sampleSeed: result.seed,
      chunkRows: result.chunkRows, chunkCount: result.chunkCount, headRows: result.headRows, sketches: result.sketches,
    },
  };
  await db.put('datasets', meta);
  return meta;
}

/** A chunk column as stored: its typed array, or packed text (each part on its own buffer, as chunks.ts cuts them). */
function toChunkValues(column: Column): ChunkValues {
  if (column.kind === 'text') return { bytes: ownBuffer(column.bytes), offsets: ownBuffer(column.offsets), missing: ownBuffer(column.missing) };
  return ownBuffer(column.kind === 'categorical' ? column.codes : column.values);
}

function ownBuffer<T extends Float64Array | Int32Array | Uint8Array | Uint32Array>(array: T): T {
  return (array.byteOffset === 0 && array.byteLength === array.buffer.byteLength ? array : array.slice()) as T;
}
