// Datasets in IndexedDB: a DatasetMeta record plus the table's columns as chunks of CHUNK_ROWS rows.
// Each verb is one transaction, so a failed or interrupted save or delete leaves nothing half-written. In memory
// mode a worker's handle forwards the verbs it uses to the page (remote-db.ts).

import type { Table } from '../core/table/types';
import type { DatasetId } from '../core/notebook/types';
import type { ImportResult } from '../core/ingest/types';
import { DataError, StudioError } from '../core/errors';
import { assembleColumn, describeColumn, measureChunkBytes, selectColumnChunks, selectDatasetChunks, sliceColumnIntoChunks } from './chunks';
import type { StudioDb } from './db';
import type { DatasetMeta } from '../core/ingest/dataset-meta';
import type { DatasetChunk } from './records';
import { guardQuota, isQuotaError } from './quota';
import { callRemote, isRemoteDb } from './remote-db';


/** Bytes of chunks cloned per task while saving. */
const PUT_BATCH_BYTES = 8 * 1024 * 1024;

export interface SaveDatasetInput {
  name: string;
  sourceFileName: string;
  /** The table to store (may differ from result.table, e.g. after the user's overrides). */
  table: Table;
  result: ImportResult;
}

/** Stores a table under a new id in one transaction; a quota failure becomes a StorageError (quota.ts) and stores nothing. */
export async function saveDataset(db: StudioDb, input: SaveDatasetInput): Promise<DatasetMeta> {
  if (isRemoteDb(db)) return callRemote(db, 'saveDataset', [input]);
  const id = crypto.randomUUID() as DatasetId;
  const chunks = input.table.columns.flatMap((column, columnIndex) => sliceColumnIntoChunks(id, columnIndex, column));
  const meta = describeDataset(id, input, chunks);
  await guardQuota(db, { label: `the dataset “${meta.name}”`, bytes: meta.storedBytes }, async () => {
    try {
      await writeDataset(db, meta, chunks);
    } catch (error) {
      throw isQuotaError(error) ? error : describeSaveFailure(error, meta);
    }
  });
  return meta;
}

/** Puts the chunks, then the record, in one transaction: an interrupted or failed save leaves neither. */
async function writeDataset(db: StudioDb, meta: DatasetMeta, chunks: readonly DatasetChunk[]): Promise<void> {
  const transaction = db.transaction(['datasets', 'datasetChunks'], 'readwrite');
  const done = transaction.done;
  try {
    const chunkStore = transaction.objectStore('datasetChunks');
    // Each put structured-clones its chunk on this thread. Puts go out in batches of ~PUT_BATCH_BYTES and the
    // next batch waits for the last request of the one before, so a large save is many short tasks rather than
    // one long one (the transaction stays active across awaited requests). A failing request aborts the
    // transaction, and `done` rejects.
    let batchBytes = 0;
    for (const chunk of chunks) {
      const put = chunkStore.put(chunk);
      put.catch(ignore);
      batchBytes += measureChunkBytes(chunk.values);
      if (batchBytes >= PUT_BATCH_BYTES) {
        batchBytes = 0;
        await put;
      }
    }
    transaction.objectStore('datasets').put(meta).catch(ignore);
  } catch (error) {
    abortQuietly(transaction);
    await done.catch(ignore);
    throw error;
  }
  await done;
}

/** True when dataset `id` is stored (its record; chunks are written with it). */
export async function hasDataset(db: StudioDb, id: DatasetId): Promise<boolean> {
  if (isRemoteDb(db)) return callRemote(db, 'hasDataset', [id]);
  return (await db.count('datasets', id)) > 0;
}

/** Reads a dataset back exactly as saved (a streamed one: its record with its sample's table); an unknown id is a StorageError naming it. */
export async function loadDataset(db: StudioDb, id: DatasetId): Promise<{ meta: DatasetMeta; table: Table }> {
  if (isRemoteDb(db)) return callRemote(db, 'loadDataset', [id]);
  const transaction = db.transaction(['datasets', 'datasetChunks'], 'readonly');
  const meta = await transaction.objectStore('datasets').get(id);
  if (!meta) throw missingDataset(id);
  // A streamed dataset is larger than memory: its sample stands in for it (read every row with a ChunkSource).
  const tableMeta = meta.streamed ? await transaction.objectStore('datasets').get(meta.streamed.sampleDatasetId) : meta;
  if (!tableMeta) throw new StudioError('StorageError', `The sample of the streamed dataset "${meta.name}" is not stored. Delete the dataset and import the file again.`);
  // One request per column: each result is cloned back in its own task, never the whole table in one.
  const chunkStore = transaction.objectStore('datasetChunks');
  const byColumn = await Promise.all(
    tableMeta.columns.map(async (_, index) => (await chunkStore.getAll(selectColumnChunks(tableMeta.id, index))).map((chunk) => chunk.values)),
  );
  const columns = tableMeta.columns.map((column, index) => assembleColumn(column, byColumn[index], tableMeta.rowCount, tableMeta.name));
  return { meta, table: { rowCount: tableMeta.rowCount, columns } };
}

/** Every stored dataset, newest import first (ties by name). */
export async function listDatasets(db: StudioDb): Promise<DatasetMeta[]> {
  return sortNewestFirst(await db.getAll('datasets'));
}

/** Stored datasets whose source file had this content hash (core/ingest/hash-blocks.ts), newest first. */
export async function findDatasetsByHash(db: StudioDb, contentHash: string): Promise<DatasetMeta[]> {
  return sortNewestFirst(await db.getAllFromIndex('datasets', 'by-hash', contentHash));
}

/** Renames a dataset; an empty name is a DataError, an unknown id a StorageError. */
export async function renameDataset(db: StudioDb, id: DatasetId, name: string): Promise<DatasetMeta> {
  const trimmed = name.trim();
  if (trimmed === '') throw new DataError(`A dataset name cannot be empty (got "${name}"). Type a name with at least one letter.`);
  const transaction = db.transaction('datasets', 'readwrite');
  const meta = await transaction.store.get(id);
  if (!meta) throw missingDataset(id);
  const renamed = { ...meta, name: trimmed };
  await guardQuota(db, { label: `the new name of “${meta.name}”`, bytes: 2 * trimmed.length }, () => Promise.all([transaction.store.put(renamed), transaction.done]));
  return renamed;
}

/** Deletes a dataset's meta and all its chunks (a streamed one's sample too) in one transaction; an unknown id is a no-op. */
export async function deleteDataset(db: StudioDb, id: DatasetId): Promise<void> {
  const transaction = db.transaction(['datasets', 'datasetChunks'], 'readwrite');
  const done = transaction.done;
  const meta = await transaction.objectStore('datasets').get(id);
  const ids = meta?.streamed ? [id, meta.streamed.sampleDatasetId] : [id];
  await Promise.all([
    ...ids.map((each) => transaction.objectStore('datasets').delete(each)),
    ...ids.map((each) => transaction.objectStore('datasetChunks').delete(selectDatasetChunks(each))),
    done,
  ]);
}

function describeDataset(id: DatasetId, input: SaveDatasetInput, chunks: readonly DatasetChunk[]): DatasetMeta {
  const { result, table } = input;
  const meta: DatasetMeta = {
    id,
    name: input.name,
    sourceFileName: input.sourceFileName,
    format: result.format,
    rowCount: table.rowCount,
    columnCount: table.columns.length,
    columns: table.columns.map(describeColumn),
    storedBytes: chunks.reduce((sum, chunk) => sum + measureChunkBytes(chunk.values), 0),
    sourceBytes: result.sourceBytes,
    contentHash: result.contentHash,
    importedAt: Date.now(),
    inference: result.inference,
    warnings: result.warnings,
    encoding: result.encoding,
  };
  if (result.delimiter !== undefined) meta.delimiter = result.delimiter;
  return meta;
}

function describeSaveFailure(error: unknown, meta: DatasetMeta): StudioError {
  const reason = error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error);
  return new StudioError('StorageError', `Could not save "${meta.name}" to browser storage (${reason}). Nothing was saved; try again.`);
}

function missingDataset(id: DatasetId): StudioError {
  return new StudioError('StorageError', `No stored dataset has id "${id}". It may have been deleted; import the file again.`);
}

function sortNewestFirst(metas: DatasetMeta[]): DatasetMeta[] {
  return metas.sort((a, b) => b.importedAt - a.importedAt || a.name.localeCompare(b.name));
}

function abortQuietly(transaction: { abort(): void }): void {
  try {
    transaction.abort();
  } catch {
    // Already finished; `done` carries the outcome.
  }
}

function ignore(): void {}
