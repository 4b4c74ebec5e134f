// Cutting a Table's columns into fixed-size chunks for IndexedDB and putting them back together.
// A chunk's typed array owns its buffer: a view would make structured clone store the whole column.

import type { Column } from '../core/table/types';
import type { DatasetId } from '../core/notebook/types';
import { StudioError } from '../core/errors';
import type { ChunkValues, DatasetChunk, StoredColumnMeta } from './records';

/** Rows per chunk: 512 KiB for a Float64 column, small enough to stream, big enough to keep keys few. */
export const CHUNK_ROWS = 65_536;

/** The key range covering every chunk of one dataset ([id] < [id, n, m] < [id, []]). */
export function selectDatasetChunks(datasetId: DatasetId): IDBKeyRange {
  return IDBKeyRange.bound([datasetId], [datasetId, []]);
}

/** Bytes a chunk takes: typed arrays by byteLength; text as 2 bytes per char + 8 per value. */
export function measureChunkBytes(values: ChunkValues): number {
  if (!Array.isArray(values)) return values.byteLength;
  let bytes = 0;
  for (const value of values) bytes += 8 + (value === null ? 0 : 2 * value.length);
  return bytes;
}

/** The column's description without its values. */
export function describeColumn(column: Column): StoredColumnMeta {
  const meta: StoredColumnMeta = { name: column.name, kind: column.kind };
  if (column.kind === 'categorical') meta.levels = [...column.levels];
  if (column.kind === 'numeric' && column.integer !== undefined) meta.integer = column.integer;
  if (column.kind === 'text' && column.idLike !== undefined) meta.idLike = column.idLike;
  return meta;
}

/** The column's values cut into chunks of CHUNK_ROWS rows; `slice` gives each typed chunk its own buffer. */
export function sliceColumnIntoChunks(datasetId: DatasetId, columnIndex: number, column: Column): DatasetChunk[] {
  const values = column.kind === 'categorical' ? column.codes : column.values;
  const chunks: DatasetChunk[] = [];
  for (let start = 0, chunkIndex = 0; start < values.length; start += CHUNK_ROWS, chunkIndex++) {
    const slice = values.slice(start, start + CHUNK_ROWS) as ChunkValues;
    chunks.push({ datasetId, columnIndex, chunkIndex, values: slice });
  }
  return chunks;
}

/** Rebuilds a column from its chunks (in chunk order); throws StorageError when rows are missing. */
export function assembleColumn(meta: StoredColumnMeta, chunks: readonly ChunkValues[], rowCount: number, datasetName: string): Column {
  const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  if (length !== rowCount) {
    throw new StudioError(
      'StorageError',
      `Dataset "${datasetName}" is damaged: column "${meta.name}" has ${length} of ${rowCount} rows stored. Delete it and import the file again.`,
    );
  }
  switch (meta.kind) {
    case 'numeric': {
      const values = concatTyped(chunks as Float64Array[], (length) => new Float64Array(length));
      return meta.integer === undefined ? { kind: 'numeric', name: meta.name, values } : { kind: 'numeric', name: meta.name, values, integer: meta.integer };
    }
    case 'categorical':
      return { kind: 'categorical', name: meta.name, codes: concatTyped(chunks as Int32Array[], (length) => new Int32Array(length)), levels: meta.levels ?? [] };
    case 'datetime':
      return { kind: 'datetime', name: meta.name, values: concatTyped(chunks as Float64Array[], (length) => new Float64Array(length)) };
    case 'boolean':
      return { kind: 'boolean', name: meta.name, values: concatTyped(chunks as Uint8Array[], (length) => new Uint8Array(length)) };
    case 'text': {
      const values = (chunks as (string | null)[][]).flat();
      return meta.idLike === undefined ? { kind: 'text', name: meta.name, values } : { kind: 'text', name: meta.name, values, idLike: meta.idLike };
    }
  }
}

/** Joins typed chunks end to end; a single chunk is returned as it is (it owns its buffer). */
function concatTyped<T extends Float64Array | Int32Array | Uint8Array>(chunks: readonly T[], allocate: (length: number) => T): T {
  if (chunks.length === 1) return chunks[0];
  const target = allocate(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    target.set(chunk, offset);
    offset += chunk.length;
  }
  return target;
}
