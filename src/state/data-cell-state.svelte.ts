// The Data cell's view state: importing a file or sample in a worker (progress, cancel = terminate), saving it,
// offering a stored duplicate, and pointing the cell at a stored dataset. Opening the dataset with its overrides is
// the runtime's Data runner (an automatic cell): this class only says what the view shows of it.

import { isAbortError } from '../core/errors';
import type { DatasetMeta } from '../core/ingest/dataset-meta';
import type { ImportProgress, ImportResult } from '../core/ingest/types';
import type { DataOutput } from '../core/notebook/runtime/runners/data';
import type { CellId, ColumnOverride, DataCellSpec, DatasetId } from '../core/notebook/types';
import { findDatasetsByHash, saveDataset } from '../storage/datasets';
import { deleteStoredChunks } from '../storage/streamed-datasets';
import { deriveMemoryBudgetBytes } from '../core/budget/memory-budget';
import { isOverImportBudget } from '../core/ingest/stream-import-plan';
import type { ImportOptions } from '../core/ingest/types';
import { importFileInWorker, importFileStreamedInWorker } from '../workers/clients';
import type { DatasetView } from './browser-compute-port';
import { describeError } from './error-message';
import type { NotebookState } from './notebook-state.svelte';
import type { SampleInfo } from './samples';

/** What the cell shows below its source picker. */
export type DataCellView = 'empty' | 'loading' | 'ready' | 'missing';

/** An import whose content hash matches stored datasets, waiting for the user to reuse one or keep a copy. */
export interface PendingDuplicate {
  result: ImportResult;
  fileName: string;
  label: string;
  matches: DatasetMeta[];
}

export class DataCellState {
  progress = $state.raw<ImportProgress | null>(null);
  /** The file being imported, for the progress line. */
  importingName = $state<string | null>(null);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  duplicate = $state.raw<PendingDuplicate | null>(null);
  /** Import the next CSV streamed (chunks + sample) even when it fits in memory; a CSV over the budget always is. */
  forceStreamed = $state(false);
  #importAbort: AbortController | null = null;

  constructor(
    readonly notebook: NotebookState,
    readonly cellId: CellId,
  ) {}

  get spec(): DataCellSpec | undefined {
    return this.notebook.specOf(this.cellId, 'data');
  }

  /** The opened dataset the view shows (table, record, columns), once the runtime has opened it. */
  get opened(): DatasetView | null {
    const output = this.notebook.cells[this.cellId]?.output as DataOutput | null | undefined;
    return output ? (this.notebook.datasetViews[output.artifact.key] ?? null) : null;
  }

  /** What the view shows: nothing yet, the dataset opening, ready, or a dataset deleted meanwhile. */
  get view(): DataCellView {
    const run = this.notebook.cells[this.cellId];
    if (!this.spec?.datasetId) return 'empty';
    if (run?.status === 'running') return 'loading';
    if (run?.status === 'error' && run.error?.includes('no longer stored')) return 'missing';
    return this.opened && run?.status === 'done' ? 'ready' : run?.status === 'error' ? 'empty' : 'loading';
  }

  /** The runtime's error opening the dataset, or this view's own (an import that failed). */
  get shownError(): string | null {
    const run = this.notebook.cells[this.cellId];
    return this.error ?? (run?.status === 'error' && this.view !== 'missing' ? (run.error ?? null) : null);
  }

  get isImporting(): boolean {
    return this.importingName !== null;
  }

  /** Starts a waiting sample import (a notebook started from a sample); the runtime opens a stored dataset itself. */
  async init(): Promise<void> {
    const sample = this.notebook.studio.takePendingSample(this.cellId);
    if (sample) await this.importSample(sample);
  }

  /** Imports a bundled sample; a sample already stored is reused without asking. */
  async importSample(sample: SampleInfo): Promise<void> {
    this.error = null;
    try {
      const file = await this.notebook.studio.fetchSample(sample);
      await this.importFile(file, `sample: ${sample.name}`, sample.name, true);
    } catch (error) {
      this.error = describeError(error);
    }
  }

  /** Imports `file` in a worker, saves it and points the cell at it. Cancelled imports leave the cell as it was. */
  async importFile(file: File, label = file.name, name = stripExtension(file.name), reuseSilently = false): Promise<void> {
    this.cancel();
    const abort = new AbortController();
    this.#importAbort = abort;
    Object.assign(this, { error: null, notice: null, duplicate: null, importingName: file.name });
    this.progress = { bytesRead: 0, bytesTotal: file.size, rows: 0 };
    try {
      const options = this.spec?.options;
      if (!options) return;
      if (await this.#shouldStream(file, options)) {
        await this.#importStreamed(file, options, label, name, abort.signal);
        return;
      }
      const result = await importFileInWorker(file, options, (p) => (this.progress = p), abort.signal);
      const db = await this.notebook.studio.db();
      const matches = await findDatasetsByHash(db, result.contentHash);
      if (matches.length > 0 && reuseSilently) this.useDataset(matches[0].id, label);
      else if (matches.length > 0) this.duplicate = { result, fileName: file.name, label, matches };
      else await this.#save(result, file.name, label, name);
    } catch (error) {
      if (isAbortError(error)) this.notice = 'Import cancelled.';
      else this.error = describeError(error);
    } finally {
      if (this.#importAbort === abort) {
        this.#importAbort = null;
        this.importingName = null;
        this.progress = null;
      }
    }
  }

  /** Stops a running import at once (the worker is terminated). */
  cancel(): void {
    this.#importAbort?.abort();
  }

  /** Keeps the duplicate as a new stored dataset after all. */
  async saveDuplicateAnyway(): Promise<void> {
    const pending = this.duplicate;
    if (!pending) return;
    this.duplicate = null;
    try {
      await this.#save(pending.result, pending.fileName, pending.label, stripExtension(pending.fileName));
    } catch (error) {
      this.error = describeError(error);
    }
  }

  /** Points the cell at a stored dataset (overrides reset); the runtime opens it. */
  useDataset(id: DatasetId, label?: string): void {
    this.duplicate = null;
    this.error = null;
    const meta = this.notebook.studio.datasets.find((d) => d.id === id);
    this.notebook.updateSpec(this.cellId, 'data', (spec) => ({ ...spec, datasetId: id, sourceLabel: label ?? meta?.name ?? spec.sourceLabel, columnOverrides: {} }));
    if (meta) this.notebook.adoptDatasetName(meta.name);
  }

  /** Clears the cell's dataset so a new one can be imported (the stored dataset stays). */
  clearDataset(): void {
    this.notebook.updateSpec(this.cellId, 'data', (spec) => ({ ...spec, datasetId: null, sourceLabel: null, columnOverrides: {} }));
  }

  /** Sets (or with null, removes) one column's override; the runtime opens the dataset again with it. */
  setOverride(column: string, override: ColumnOverride | null): void {
    this.notebook.updateSpec(this.cellId, 'data', (spec) => {
      const { [column]: _old, ...rest } = spec.columnOverrides;
      return { ...spec, columnOverrides: override === null ? rest : { ...rest, [column]: override } };
    });
  }

  /** True when the user asked for streaming (CSV/TSV only) or the file's ordinary import would not fit this tab's memory budget. */
  async #shouldStream(file: File, options: ImportOptions): Promise<boolean> {
    const budgetBytes = deriveMemoryBudgetBytes({ deviceMemoryGiB: (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory });
    if (this.forceStreamed) return isOverImportBudget(file, file.name, options, 0);
    return isOverImportBudget(file, file.name, options, budgetBytes);
  }

  /** Streams `file` into storage from the import worker; a cancel (the worker is terminated) deletes the chunks it wrote. */
  async #importStreamed(file: File, options: ImportOptions, label: string, name: string, signal: AbortSignal): Promise<void> {
    const studio = this.notebook.studio;
    const datasetId = crypto.randomUUID() as DatasetId;
    try {
      const meta = await importFileStreamedInWorker(file, options, { dbName: studio.dbName, datasetId, name }, (p) => (this.progress = p), signal);
      this.notebook.updateSpec(this.cellId, 'data', (spec) => ({ ...spec, datasetId: meta.id, sourceLabel: label, columnOverrides: {} }));
      this.notebook.adoptDatasetName(meta.name);
      void studio.refresh();
      void studio.requestPersistenceOnce();
    } catch (error) {
      if (isAbortError(error)) await deleteStoredChunks(await studio.db(), datasetId).catch(() => undefined);
      throw error;
    }
  }

  async #save(result: ImportResult, fileName: string, label: string, name: string): Promise<void> {
    const studio = this.notebook.studio;
    const meta = await saveDataset(await studio.db(), { name, sourceFileName: fileName, table: result.table, result });
    this.notebook.updateSpec(this.cellId, 'data', (spec) => ({ ...spec, datasetId: meta.id, sourceLabel: label, columnOverrides: {} }));
    this.notebook.adoptDatasetName(meta.name);
    void studio.refresh();
    void studio.requestPersistenceOnce();
  }
}

function stripExtension(fileName: string): string {
  return fileName.replace(/\.(csv|tsv|txt|json|parquet)$/i, '') || fileName;
}
