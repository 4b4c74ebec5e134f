// The worker side of a streamed import: opens the studio database here, streams the file into it chunk by chunk
// (core importCsvStreamed, storage sink), then saves the sample and the streamed dataset's record. Only the record
// goes back to the page: nothing of the whole file crosses.

import type { DatasetMeta } from '../core/ingest/dataset-meta';
import { importCsvStreamed } from '../core/ingest/stream-import';
import type { ImportOptions, ImportProgress } from '../core/ingest/types';
import type { DatasetId } from '../core/notebook/types';
import { deriveMemoryBudgetBytes } from '../core/budget/memory-budget';
import { openStudioDb } from '../storage/db';
import { createStoredChunkSink, saveStreamedDataset } from '../storage/streamed-datasets';

/** Where a streamed import stores its dataset: the database, the id (chosen by the page, so a cancel can delete its chunks) and the name. */
export interface StreamTarget {
  readonly dbName: string;
  readonly datasetId: DatasetId;
  readonly name: string;
}

/**
 * Streams `file` into `target` and returns the stored record (DatasetMeta.streamed set). `onProgress` fires after
 * each piece read. A failure discards the chunks written; a cancel terminates this worker, and the page deletes them.
 */
export async function importStreamedIntoDb(file: Blob, fileName: string, options: ImportOptions, target: StreamTarget, onProgress?: (p: ImportProgress) => void): Promise<DatasetMeta> {
  const budgetBytes = deriveMemoryBudgetBytes({ deviceMemoryGiB: (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory });
  const db = await openStudioDb(target.dbName);
  try {
    const sink = createStoredChunkSink(db, target.datasetId);
    const result = await importCsvStreamed(file, fileName, options, { sink, budgetBytes }, onProgress);
    return await saveStreamedDataset(db, { id: target.datasetId, name: target.name, sourceFileName: fileName, result, storedBytes: sink.storedBytes });
  } finally {
    db.close();
  }
}
