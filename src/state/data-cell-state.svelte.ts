// Runtime state of one Data cell: importing a file or sample in a worker (progress, cancel = terminate),
// saving it, reusing a stored dataset, and re-deriving the shown table from the stored one + column overrides.

import { isAbortError } from '../core/errors';
import type { ImportProgress, ImportResult } from '../core/ingest/types';
import type { CellId, ColumnOverride, DataCellSpec, DatasetId } from '../core/notebook/types';
import type { OverrideProblem } from '../core/table/apply-column-overrides';
import type { ColumnSummary, Table } from '../core/table/types';
import { findDatasetsByHash, loadDataset, listDatasets, saveDataset } from '../storage/datasets';
import type { DatasetMeta } from '../core/ingest/dataset-meta';
import { callCompute, importFileInWorker } from '../workers/clients';
import { describeDatasetKey } from './artifacts';
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
  view = $state<DataCellView>('empty');
  progress = $state.raw<ImportProgress | null>(null);
  /** The file being imported, for the progress line. */
  importingName = $state<string | null>(null);
  meta = $state.raw<DatasetMeta | null>(null);
  /** The stored table with the cell's column overrides applied. */
  table = $state.raw<Table | null>(null);
  summaries = $state.raw<ColumnSummary[]>([]);
  /** Columns whose override left some values missing, with what to do. */
  problems = $state.raw<OverrideProblem[]>([]);
  applying = $state(false);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  duplicate = $state.raw<PendingDuplicate | null>(null);
  #storedTable: Table | null = null;
  #importAbort: AbortController | null = null;
  #generation = 0;

  constructor(
    readonly notebook: NotebookState,
    readonly cellId: CellId,
  ) {}

  get spec(): DataCellSpec | undefined {
    return this.notebook.specOf(this.cellId, 'data');
  }

  get isImporting(): boolean {
    return this.importingName !== null;
  }

  /** Starts a waiting sample import, or shows the stored dataset the spec points at. */
  async init(): Promise<void> {
    const sample = this.notebook.studio.takePendingSample(this.cellId);
    if (sample) return this.importSample(sample);
    const datasetId = this.spec?.datasetId;
    if (datasetId) await this.showDataset(datasetId);
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

  /** Imports `file` in a worker, saves it and shows it. Cancelled imports leave the cell as it was. */
  async importFile(file: File, label = file.name, name = stripExtension(file.name), reuseSilently = false): Promise<void> {
    this.cancel();
    const abort = new AbortController();
    this.#importAbort = abort;
    Object.assign(this, { error: null, notice: null, duplicate: null, importingName: file.name });
    this.progress = { bytesRead: 0, bytesTotal: file.size, rows: 0 };
    const previousRun = this.notebook.runs[this.cellId];
    this.notebook.setRun(this.cellId, { status: 'running' });
    const startedMs = performance.now();
    try {
      const options = this.spec?.options;
      if (!options) return;
      const result = await importFileInWorker(file, options, (p) => (this.progress = p), abort.signal);
      const db = await this.notebook.studio.db();
      const matches = await findDatasetsByHash(db, result.contentHash);
      if (matches.length > 0 && reuseSilently) {
        await this.useDataset(matches[0].id, label);
      } else if (matches.length > 0) {
        this.duplicate = { result, fileName: file.name, label, matches };
      } else {
        await this.#saveAndShow(result, file.name, label, name);
      }
      this.notebook.setRun(this.cellId, { status: 'done', durationMs: performance.now() - startedMs });
    } catch (error) {
      if (isAbortError(error)) {
        this.notice = 'Import cancelled.';
        this.notebook.setRun(this.cellId, previousRun ?? { status: 'idle' });
      } else {
        this.error = describeError(error);
        this.notebook.setRun(this.cellId, { status: 'error', error: this.error });
      }
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
    await this.#guard(() => this.#saveAndShow(pending.result, pending.fileName, pending.label, stripExtension(pending.fileName)));
  }

  /** Points the cell at a stored dataset (overrides reset) and shows it. */
  async useDataset(id: DatasetId, label?: string): Promise<void> {
    this.duplicate = null;
    const meta = this.notebook.studio.datasets.find((d) => d.id === id);
    this.notebook.updateSpec(this.cellId, 'data', (spec) => ({ ...spec, datasetId: id, sourceLabel: label ?? meta?.name ?? spec.sourceLabel, columnOverrides: {} }));
    if (meta) this.notebook.adoptDatasetName(meta.name);
    await this.showDataset(id);
  }

  /** Clears the cell's dataset so a new one can be imported (the stored dataset stays). */
  clearDataset(): void {
    this.notebook.updateSpec(this.cellId, 'data', (spec) => ({ ...spec, datasetId: null, sourceLabel: null, columnOverrides: {} }));
    Object.assign(this, { view: 'empty', meta: null, table: null, summaries: [], problems: [] });
    this.#storedTable = null;
    this.notebook.publishDataset(this.cellId, null);
  }

  /** Sets (or with null, removes) one column's override and rebuilds the shown table in the worker. */
  async setOverride(column: string, override: ColumnOverride | null): Promise<void> {
    this.notebook.updateSpec(this.cellId, 'data', (spec) => {
      const { [column]: _old, ...rest } = spec.columnOverrides;
      return { ...spec, columnOverrides: override === null ? rest : { ...rest, [column]: override } };
    });
    await this.#guard(() => this.#applyOverrides());
  }

  /** Loads a stored dataset and derives the view; a dataset deleted meanwhile shows as missing. */
  async showDataset(id: DatasetId): Promise<void> {
    this.view = 'loading';
    await this.#guard(async () => {
      const db = await this.notebook.studio.db();
      const stored = await loadDataset(db, id).catch(async (error: unknown) => {
        const exists = (await listDatasets(db)).some((d) => d.id === id);
        if (exists) throw error;
        return null;
      });
      if (!stored) {
        this.view = 'missing';
        this.notebook.publishDataset(this.cellId, null);
        return;
      }
      this.meta = stored.meta;
      this.#storedTable = stored.table;
      await this.#applyOverrides();
    });
    if (this.view === 'loading') this.view = this.meta ? 'ready' : 'empty';
  }

  async #saveAndShow(result: ImportResult, fileName: string, label: string, name: string): Promise<void> {
    const studio = this.notebook.studio;
    const meta = await saveDataset(await studio.db(), { name, sourceFileName: fileName, table: result.table, result });
    this.notebook.updateSpec(this.cellId, 'data', (spec) => ({ ...spec, datasetId: meta.id, sourceLabel: label, columnOverrides: {} }));
    this.notebook.adoptDatasetName(meta.name);
    this.meta = meta;
    this.#storedTable = result.table;
    await this.#applyOverrides();
    void studio.refresh();
    void studio.requestPersistenceOnce();
  }

  async #applyOverrides(): Promise<void> {
    const stored = this.#storedTable;
    const overrides = this.spec?.columnOverrides ?? {};
    if (!stored) return;
    const generation = ++this.#generation;
    this.applying = true;
    try {
      const { table, problems } = await callCompute((api) => api.applyColumnOverrides(stored, overrides));
      const summaries = await callCompute((api) => api.describeColumns(table));
      if (generation !== this.#generation) return;
      Object.assign(this, { table, problems, summaries, view: 'ready' });
      this.#publish(table, overrides);
    } finally {
      if (generation === this.#generation) this.applying = false;
    }
  }

  /** Hands the shown table to the cells below (Problem, Profile…) through the notebook's registry. */
  #publish(table: Table, overrides: Record<string, ColumnOverride>): void {
    const meta = this.meta;
    if (!meta) return;
    this.notebook.publishDataset(this.cellId, { datasetId: meta.id, table, meta, key: describeDatasetKey(meta.id, overrides) });
  }

  async #guard(task: () => Promise<void>): Promise<void> {
    try {
      this.error = null;
      await task();
    } catch (error) {
      if (!isAbortError(error)) this.error = describeError(error);
    }
  }
}

function stripExtension(fileName: string): string {
  return fileName.replace(/\.(csv|tsv|txt|json|parquet)$/i, '') || fileName;
}
