// What the studio knows about an imported dataset besides its values: name, source, size, column kinds, the
// importer's inference and warnings. Storage keeps it beside the column chunks; the Data cell and Home show it.

import type { DatasetId } from '../notebook/types';
import type { ColumnKind } from '../table/types';
import type { ColumnInference, ImportFormat, ImportWarning } from './types';
import type { ColumnSketchJson } from '../stats/sketches/column-sketch';

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

/** A dataset's description (stored beside its column chunks). Times are epoch ms, sizes bytes. */
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
  /**
   * Set on a dataset imported streamed (larger than memory): its chunks hold every row, but it is never loaded
   * whole — loadDataset gives the sample dataset's table instead; read every row with a ChunkSource
   * (storage/chunk-source.ts).
   */
  streamed?: StreamedDatasetMeta;
}

/** What a streamed dataset keeps besides its chunks: the sample's id and size, and every column's sketch. */
export interface StreamedDatasetMeta {
  /** The ordinary dataset holding the seeded uniform sample (deleted with this one). */
  sampleDatasetId: DatasetId;
  sampleRows: number;
  sampleSeed: number;
  /** Rows per stored chunk (the last may hold fewer) and how many chunks. */
  chunkRows: number;
  chunkCount: number;
  /** Rows of the file's head the column types were inferred from. */
  headRows: number;
  /** One per column, over every row (core/stats/sketches/column-sketch.ts). */
  sketches: ColumnSketchJson[];
}
