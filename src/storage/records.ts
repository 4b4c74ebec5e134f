// The shapes of the records ML Studio keeps in IndexedDB (schema v4).
// Only storage/ reads and writes them; the rest of the app sees domain types (Table, Notebook).

import type { ColumnKind } from '../core/table/types';
import type { CellId, DatasetId, NotebookId } from '../core/notebook/types';
import type { ColumnInference, ImportFormat, ImportWarning } from '../core/ingest/types';
import type { RunFit, RunSummary } from '../core/train/types';

/** What a stored column needs besides its values to rebuild the Column. */
export interface StoredColumnMeta {
  name: string;
  kind: ColumnKind;
  /** Categorical columns only: the levels the codes index into. */
  levels?: string[];
  /** Numeric columns only: every present value is an integer. */
  integer?: boolean;
  /** Text columns only: inference judged the column an identifier. */
  idLike?: boolean;
}

/** A stored dataset's description; its values live in `datasetChunks`. Times are epoch ms, sizes bytes. */
export interface DatasetMeta {
  id: DatasetId;
  name: string;
  sourceFileName: string;
  format: ImportFormat;
  rowCount: number;
  columnCount: number;
  columns: StoredColumnMeta[];
  /** Sum of the chunk sizes: typed arrays by byteLength (legacy string-array text: 2 bytes per char + 8 per value). */
  storedBytes: number;
  sourceBytes: number;
  /** Hex hash of the source file (SHA-256 of its 8 MiB blocks' SHA-256s, core/ingest/hash-blocks.ts), to spot re-imports of the same file. */
  contentHash: string;
  importedAt: number;
  inference: ColumnInference[];
  warnings: ImportWarning[];
  encoding: string;
  delimiter?: string;
}

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

/** Registered models: the store exists from v2; later milestones give the record its fields. */
export interface ModelRecord {
  id: string;
  [field: string]: unknown;
}
