// The notebook file (`<name>.notebook.json`): a notebook as it travels between browsers and to `ml-studio run`.
// Unlike the stored Notebook it names its datasets portably (name, columns, content hash) instead of by the
// browser's dataset id, and may carry the datasets themselves. docs/notebook-format.md describes every field.

import type { Cell, CellId, CellKind, CellSpecs, ImportOptions } from '../types';
import type { ColumnKind } from '../../table/types';
import type { MonitorHistoryEntry } from '../../monitor/monitor-history';
import type { Stage } from '../../registry/types';
import type { TrainedRun } from '../../train/types';

/** The value of a notebook file's `format` field. */
export const NOTEBOOK_FILE_FORMAT = 'ml-studio-notebook';

/** The format version this build writes; older versions are upgraded on read (upgrade-notebook-file.ts). */
export const NOTEBOOK_FILE_VERSION = 1;

/** A column of a bound dataset as it was stored: its name and inferred kind (before the Data cell's overrides). */
export interface DatasetColumnRef {
  readonly name: string;
  readonly kind: ColumnKind;
}

/**
 * What a Data cell reads, named portably: `--data NAME=path` binds a file to `name`; `columns` and `rowCount`
 * let a binding be checked; `contentHash` (hex SHA-256 of the source file's 8 MiB block hashes) finds the same
 * file in a browser's store.
 */
export interface DatasetBinding {
  /** Unique per dataset within a file; Data cells reading the same dataset share it. */
  readonly name: string;
  /** The file it was imported from ("penguins.csv"). */
  readonly fileName: string;
  /** A bundled sample, relative to the app's public folder ("samples/penguins.csv"); absent otherwise. */
  readonly source?: string;
  readonly rowCount: number;
  readonly columns: readonly DatasetColumnRef[];
  readonly contentHash: string;
}

/** A dataset carried inside the file: CSV text (comma, UTF-8, empty = missing) of the table as stored. */
export interface EmbeddedDataset {
  /** The `dataset.name` of the Data cells that read it. */
  readonly name: string;
  readonly mediaType: 'text/csv';
  readonly text: string;
}

/** How an embedded dataset's text is read back: comma-separated UTF-8 where only an empty field is missing. */
export const EMBEDDED_CSV_OPTIONS: ImportOptions = { format: 'csv', delimiter: ',', encoding: 'utf-8', missingTokens: [''] };

/**
 * A registered model version carried inside the file, so a Monitor cell finds it in another browser or headless:
 * its number and stage where it was exported, and its whole run (model, fitted pipeline, input contract), the JSON
 * `ml-studio run` writes to runs/<id>.json.
 */
export interface EmbeddedModelVersion {
  readonly version: number;
  readonly stage: Stage;
  /** Epoch ms. */
  readonly registeredAt: number;
  readonly run: TrainedRun;
  /** The batches monitored against it, oldest first; absent when none was. */
  readonly monitorHistory?: readonly MonitorHistoryEntry[];
}

/** A registered model and the versions the file carries (at most one in production). */
export interface EmbeddedModel {
  readonly name: string;
  readonly versions: readonly EmbeddedModelVersion[];
}

/** A cell as the file holds it; Data cells add the dataset they read (absent when the cell has none). */
export type FileCell = { [K in CellKind]: { readonly id: CellId; readonly kind: K; readonly spec: CellSpecs[K]; readonly title?: string } & (K extends 'data' ? { readonly dataset?: DatasetBinding } : unknown) }[CellKind];

/** A whole notebook file of the current version, validated and with every spec completed by its defaults. */
export interface NotebookFile {
  readonly format: typeof NOTEBOOK_FILE_FORMAT;
  readonly formatVersion: typeof NOTEBOOK_FILE_VERSION;
  readonly notebook: { readonly name: string; readonly cells: readonly FileCell[] };
  /** Empty when the datasets were not embedded. */
  readonly datasets: readonly EmbeddedDataset[];
  /** The model versions the Monitor cells read; absent when the file carries none. */
  readonly models?: readonly EmbeddedModel[];
}

/** A FileCell as a notebook Cell (the dataset binding left out). */
export function toCell(cell: FileCell): Cell {
  return { id: cell.id, kind: cell.kind, spec: cell.spec, ...(cell.title ? { title: cell.title } : {}) } as Cell;
}
