// Cutting a Table's columns into fixed-size chunks for IndexedDB and putting them back together.
// A chunk's typed array owns its buffer: a view would make structured clone store the whole column.

import type { Column, TextColumn } from '../core/table/types';
import type { DatasetId } from '../core/notebook/types';
import { StudioError } from '../core/errors';
import { createTextColumn } from '../core/table/text-column';
import type { StoredColumnMeta } from '../core/ingest/dataset-meta';
import type { ChunkValues, DatasetChunk, TextChunk } from './records';

/** Rows per chunk: 512 KiB for a Float64 column, small enough to stream, big enough to keep keys few. */
export const CHUNK_ROWS = 65_536;

/** The key range covering every chunk of one dataset ([id] < [id, n, m] < [id, []]). */
export function selectDatasetChunks(datasetId: DatasetId): IDBKeyRange {
  return IDBKeyRange.bound([datasetId], [datasetId, []]);
}

/** Key range of one column's chunks. */
export function selectColumnChunks(datasetId: DatasetId, columnIndex: number): IDBKeyRange {
  return IDBKeyRange.bound([datasetId, columnIndex], [datasetId, columnIndex, []]);
}

/** Bytes a chunk takes: typed arrays by byteLength; legacy string-array text as 2 bytes per char + 8 per value. */
export function measureChunkBytes(values: ChunkValues): number {
  if (Array.isArray(values)) {
    let bytes = 0;
    for (const value of values) bytes += 8 + (value === null ? 0 : 2 * value.length);
    return bytes;
  }
  if (isTextChunk(values)) return values.bytes.byteLength + values.offsets.byteLength + values.missing.byteLength;
  return values.byteLength;
}

/** Rows a chunk holds. */
export function countChunkRows(values: ChunkValues): number {
  return isTextChunk(values) ? values.missing.length : values.length;
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
  if (column.kind === 'text') return sliceTextIntoChunks(datasetId, columnIndex, column);
  const values = column.kind === 'categorical' ? column.codes : column.values;
  const chunks: DatasetChunk[] = [];
  for (let start = 0, chunkIndex = 0; start < values.length; start += CHUNK_ROWS, chunkIndex++) {
    const slice = values.slice(start, start + CHUNK_ROWS) as ChunkValues;
    chunks.push({ datasetId, columnIndex, chunkIndex, values: slice });
  }
  return chunks;
}

function sliceTextIntoChunks(datasetId: DatasetId, columnIndex: number, column: TextColumn): DatasetChunk[] {
  const { bytes, offsets, missing } = column;
  const chunks: DatasetChunk[] = [];
  for (let start = 0, chunkIndex = 0; start < missing.length; start += CHUNK_ROWS, chunkIndex++) {
    const end = Math.min(start + CHUNK_ROWS, missing.length);
    const base = offsets[start];
    const chunkOffsets = offsets.slice(start, end + 1);
    for (let i = 0; i < chunkOffsets.length; i++) chunkOffsets[i] -= base;
    const values: TextChunk = { bytes: bytes.slice(base, offsets[end]), offsets: chunkOffsets, missing: missing.slice(start, end) };
    chunks.push({ datasetId, columnIndex, chunkIndex, values });
  }
  return chunks;
}

/** Rebuilds a column from its chunks (in chunk order); throws StorageError when rows are missing. */
export function assembleColumn(meta: StoredColumnMeta, chunks: readonly ChunkValues[], rowCount: number, datasetName: string): Column {
  const length = chunks.reduce((sum, chunk) => sum + countChunkRows(chunk), 0);
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
      const { bytes, offsets, missing } = concatTextChunks(chunks.map(readTextChunk));
      return meta.idLike === undefined
        ? { kind: 'text', name: meta.name, bytes, offsets, missing }
        : { kind: 'text', name: meta.name, bytes, offsets, missing, idLike: meta.idLike };
    }
  }
}

function isTextChunk(values: ChunkValues): values is TextChunk {
  return !Array.isArray(values) && !ArrayBuffer.isView(values);
}

/** A text chunk in the packed layout; string arrays written before packed text are packed here. */
function readTextChunk(values: ChunkValues): TextChunk {
  if (isTextChunk(values)) return values;
  if (Array.isArray(values)) return createTextColumn('', values);
  throw new StudioError('StorageError', `A stored text chunk holds a ${values.constructor.name}, not text. Delete the dataset and import the file again.`);
}

/** Joins packed text chunks end to end, shifting each chunk's offsets by the bytes before it. */
function concatTextChunks(chunks: readonly TextChunk[]): TextChunk {
  if (chunks.length === 1) return chunks[0];
  const rows = chunks.reduce((sum, chunk) => sum + chunk.missing.length, 0);
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.bytes.length, 0));
  const offsets = new Uint32Array(rows + 1);
  const missing = new Uint8Array(rows);
  let row = 0;
  let byte = 0;
  for (const chunk of chunks) {
    bytes.set(chunk.bytes, byte);
    missing.set(chunk.missing, row);
    for (let i = 1; i < chunk.offsets.length; i++) offsets[row + i] = byte + chunk.offsets[i];
    row += chunk.missing.length;
    byte += chunk.bytes.length;
  }
  return { bytes, offsets, missing };
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
