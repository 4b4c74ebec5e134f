// The shapes of the records ML Studio keeps in IndexedDB (schema v6).
// Only storage/ reads and writes them; the rest of the app sees domain types (Table, Notebook, DatasetMeta from
// core/ingest/dataset-meta.ts, which a dataset record is).

import type { CellId, DatasetId, NotebookId } from '../core/notebook/types';
import type { RunFit, RunSummary } from '../core/train/types';

/** One text column's rows in a chunk, packed as in TextColumn; `offsets` start at 0 (length rows + 1). */
export interface TextChunk {
  bytes: Uint8Array;
  offsets: Uint32Array;
  missing: Uint8Array;
}

/** Text as databases written before packed text hold it (null missing): still read, never written. */
export type LegacyTextChunk = (string | null)[];

/** One column's values for up to CHUNK_ROWS rows: typed arrays, each on its own buffer. */
export type ChunkValues = Float64Array | Int32Array | Uint8Array | TextChunk | LegacyTextChunk;

/** A column chunk, keyed by [datasetId, columnIndex, chunkIndex]. */
export interface DatasetChunk {
  datasetId: DatasetId;
  columnIndex: number;
  chunkIndex: number;
  values: ChunkValues;
}

/** A cell's last output, keyed by [notebookId, cellId]; `output` is any structured-clonable value. */
export interface CellOutputRecord {
  notebookId: NotebookId;
  cellId: CellId;
  output: unknown;
  /** Epoch ms. */
  savedAt: number;
}

/** A trained run as the leaderboard needs it (v4: the summary only), keyed by run id. `savedAt` is epoch ms. */
export interface RunRecord {
  id: string;
  notebookId: NotebookId;
  cellId: CellId;
  run: RunSummary;
  savedAt: number;
}

/** A trained run's model and fitted pipeline JSON (v4), keyed by run id; written and read by training workers. */
export interface RunFitRecord extends RunFit {
  id: string;
  notebookId: NotebookId;
}
