// The Predict cell's view state: bringing a file to score (imported in a worker with progress and Cancel, stored as
// a dataset of its own so a reload finds it; the same content is reused, not stored twice) and saving the
// predictions. Scoring itself is the runtime's Predict runner.

import { isAbortError } from '../core/errors';
import type { ImportProgress } from '../core/ingest/types';
import type { PredictOutput } from '../core/notebook/runtime/runners/predict';
import { DEFAULT_IMPORT_OPTIONS, type CellId, type PredictCellSpec } from '../core/notebook/types';
import { findDatasetsByHash, saveDataset } from '../storage/datasets';
import { importFileInWorker } from '../workers/clients';
import { CellRun } from './cell-run.svelte';
import { describeError } from './error-message';
import type { NotebookState } from './notebook-state.svelte';

export class PredictCellState extends CellRun<PredictOutput> {
  progressOfImport = $state.raw<ImportProgress | null>(null);
  importingName = $state<string | null>(null);
  importError = $state<string | null>(null);
  #importAbort: AbortController | null = null;

  constructor(notebook: NotebookState, cellId: CellId) {
    super(notebook, cellId);
  }

  edit(update: (spec: PredictCellSpec) => PredictCellSpec): void {
    this.notebook.updateSpec(this.cellId, 'predict', update);
  }

  /** Imports `file` (or finds the same content stored), points the cell at it and scores it. */
  async bringFile(file: File): Promise<void> {
    this.cancelImport();
    const abort = new AbortController();
    this.#importAbort = abort;
    Object.assign(this, { importError: null, importingName: file.name });
    this.progressOfImport = { bytesRead: 0, bytesTotal: file.size, rows: 0 };
    try {
      const result = await importFileInWorker(file, DEFAULT_IMPORT_OPTIONS, (p) => (this.progressOfImport = p), abort.signal);
      const db = await this.notebook.studio.db();
      const [stored] = await findDatasetsByHash(db, result.contentHash);
      const meta = stored ?? (await saveDataset(db, { name: file.name.replace(/\.(csv|tsv|txt|json|parquet)$/i, '') || file.name, sourceFileName: file.name, table: result.table, result }));
      if (!stored) void this.notebook.studio.refresh();
      this.edit((spec) => ({ ...spec, source: 'file', file: { datasetId: meta.id, name: file.name } }));
      await this.run();
    } catch (error) {
      if (!isAbortError(error)) this.importError = describeError(error);
    } finally {
      if (this.#importAbort === abort) {
        this.#importAbort = null;
        this.importingName = null;
        this.progressOfImport = null;
      }
    }
  }

  cancelImport(): void {
    this.#importAbort?.abort();
  }

  /** The CSV file name for the current output ("penguins-new.predictions.csv"). */
  get downloadName(): string {
    const output = this.output;
    const base = output?.source === 'file' ? (this.spec?.file?.name ?? 'file').replace(/\.[^.]+$/, '') : `${output?.source ?? 'validation'}-rows`;
    return `${base}.predictions.csv`;
  }

  get spec(): PredictCellSpec | null {
    const cell = this.notebook.notebook?.cells.find((c) => c.id === this.cellId);
    return cell?.kind === 'predict' ? cell.spec : null;
  }
}
