// A table too large to hold at once, read a chunk of rows at a time (from IndexedDB in the browser, from a file in
// Node). Streamed imports write one; streamed training and stratified sampling read one, chunk after chunk.

import type { Table } from './types';

/** Rows of one table in order, served a chunk at a time; every chunk has the same columns (names, kinds, levels). */
export interface ChunkSource {
  /** Rows over all chunks. */
  readonly rowCount: number;
  /** Chunks; chunk i holds rows [i·chunkRows, min((i+1)·chunkRows, rowCount)). */
  readonly chunkCount: number;
  /** Rows per chunk (the last may hold fewer). */
  readonly chunkRows: number;
  /** Chunk `index` (0-based) as a Table of its rows; rejects with a StudioError naming the dataset when it is gone. */
  readChunk(index: number): Promise<Table>;
}

/** A ChunkSource over a table already in memory, cut into chunks of `chunkRows` rows (tests; small data). */
export { chunkSourceFromTable } from './chunk-source-from-table';
