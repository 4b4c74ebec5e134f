// Reads a stored dataset a chunk at a time (a ChunkSource, core/table/chunk-source.ts): a streamed import's whole
// file, or any saved dataset, without holding more than one chunk. Training workers open it by dataset id.

import type { DatasetId } from '../core/notebook/types';
import type { ChunkSource } from '../core/table/chunk-source';
import { StudioError } from '../core/errors';
import { assembleColumn, CHUNK_ROWS } from './chunks';
import type { StudioDb } from './db';

/** The chunk source of dataset `datasetId`; an unknown id (or a chunk gone meanwhile) is a StorageError naming it. */
export async function openStoredChunkSource(db: StudioDb, datasetId: DatasetId): Promise<ChunkSource> {
  const meta = await db.get('datasets', datasetId);
  if (!meta) throw new StudioError('StorageError', `No stored dataset has id "${datasetId}". It may have been deleted; import the file again.`);
  const chunkRows = meta.streamed?.chunkRows ?? CHUNK_ROWS;
  const rowCount = meta.rowCount;
  const chunkCount = Math.ceil(rowCount / chunkRows);
  return {
    rowCount, chunkCount, chunkRows,
    async readChunk(index) {
      if (!Number.isInteger(index) || index < 0 || index >= chunkCount) throw new RangeError(`chunk ${index} of dataset "${meta.name}" is outside 0..${chunkCount - 1}`);
      const rows = Math.min(chunkRows, rowCount - index * chunkRows);
      const transaction = db.transaction('datasetChunks', 'readonly');
      const chunks = await Promise.all(meta.columns.map((_, columnIndex) => transaction.store.get([datasetId, columnIndex, index])));
      const columns = meta.columns.map((column, c) => {
        const chunk = chunks[c];
        if (!chunk) throw new StudioError('StorageError', `Dataset "${meta.name}" is damaged or was deleted: chunk ${index} of column "${column.name}" is not stored. Import the file again.`);
        return assembleColumn(column, [chunk.values], rows, meta.name);
      });
      return { rowCount: rows, columns };
    },
  };
}
