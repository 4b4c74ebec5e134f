// One pass over a ChunkSource's prepared chunks: read, prepare, visit, let go — so memory holds one chunk, plus the
// prepared chunks an optional cache keeps (up to its byte budget) to spare later passes the read and the pipeline.

import { createAbortError } from '../../errors';
import type { ChunkSource } from '../../table/chunk-source';
import { prepareChunk, type PreparedChunk, type StreamedPreparation } from './prepare-streamed';

/** Prepared chunks kept across passes, first come first kept, until `budgetBytes` of feature and target values. */
export interface ChunkCache {
  readonly budgetBytes: number;
  usedBytes: number;
  readonly chunks: Map<number, PreparedChunk>;
}

export function createChunkCache(budgetBytes: number): ChunkCache {
  return { budgetBytes, usedBytes: 0, chunks: new Map() };
}

export interface ScanOptions {
  signal?: AbortSignal;
  cache?: ChunkCache;
  /** Chunk indices in visiting order (default 0, 1, …). */
  order?: readonly number[];
}

/** Visits every chunk's prepared rows in `order`; rejects with an AbortError once `signal` aborts (checked per chunk). */
export async function scanPreparedChunks(source: ChunkSource, prep: StreamedPreparation, visit: (chunk: PreparedChunk, index: number) => void | Promise<void>, options: ScanOptions = {}): Promise<void> {
  const order = options.order ?? Array.from({ length: source.chunkCount }, (_, i) => i);
  for (const index of order) {
    if (options.signal?.aborted === true) throw createAbortError();
    await visit(await readPrepared(source, prep, index, options.cache), index);
  }
}

async function readPrepared(source: ChunkSource, prep: StreamedPreparation, index: number, cache: ChunkCache | undefined): Promise<PreparedChunk> {
  const cached = cache?.chunks.get(index);
  if (cached !== undefined) return cached;
  const chunk = prepareChunk(prep, await source.readChunk(index), index * source.chunkRows);
  if (cache !== undefined) {
    const bytes = measureChunkBytes(chunk);
    if (cache.usedBytes + bytes <= cache.budgetBytes) {
      cache.chunks.set(index, chunk);
      cache.usedBytes += bytes;
    }
  }
  return chunk;
}

function measureChunkBytes(chunk: PreparedChunk): number {
  const part = (p: PreparedChunk['train']): number => (p === null ? 0 : p.X.values.byteLength + p.y.values.byteLength);
  return part(chunk.train) + part(chunk.validation);
}
