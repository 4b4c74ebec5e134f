// What an import produces besides the Table: how each column was typed (with the evidence),
// and everything the user should know about the file (renamed headers, ragged rows, encoding).

import type { ColumnKind, Table } from '../table/types';
import type { ImportOptions } from '../notebook/types';
import type { TextEncoding } from './read-text';

export type { ImportOptions };

export interface ColumnInference {
  /** The column's name in the table (made unique, never empty). */
  name: string;
  /** The header text as it was in the file. */
  originalName: string;
  kind: ColumnKind;
  /** Finer detail, e.g. 'integer', 'decimal', 'iso-date', 'dd/mm/yyyy', 'yes/no', 'id', 'free text'. */
  detail: string;
  /** One sentence a user can check, e.g. "1,460 of 1,461 values parse as ISO dates (yyyy-mm-dd); 1 missing." */
  evidence: string;
  missing: number;
  distinct: number;
  /** Up to 5 distinct raw values as they appeared in the file. */
  examples: string[];
}

export type ImportWarningCode =
  | 'renamed-header'
  | 'ragged-rows'
  | 'encoding'
  | 'replacement-characters'
  | 'blank-lines'
  | 'mixed-types'
  | 'truncated-field'
  | 'malformed-quotes'
  | 'lone-carriage-returns'
  | 'number-overflow'
  | 'prediction-log';

export interface ImportWarning {
  code: ImportWarningCode;
  message: string;
  /** 1-based line numbers in the file, at most the first 20. */
  lines?: number[];
}

export type ImportFormat = 'csv' | 'tsv' | 'json' | 'parquet' | 'prediction-log';

export interface ImportResult {
  table: Table;
  inference: ColumnInference[];
  warnings: ImportWarning[];
  format: ImportFormat;
  /** The delimiter used for text formats. */
  delimiter?: string;
  /** The encoding the bytes were decoded with. */
  encoding: TextEncoding;
  /** Size of the source file in bytes. */
  sourceBytes: number;
  /** Hex SHA-256 over the SHA-256 digests of the source's 8 MiB blocks (hash-blocks.ts), the same on every import path. */
  contentHash: string;
  durationMs: number;
}

/** Progress records, sent at most every ~100 ms. */
export interface ImportProgress {
  bytesRead: number;
  bytesTotal: number;
  rows: number;
}
