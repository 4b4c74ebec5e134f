// The app-wide state: the database connection, the Home lists (notebooks, datasets, storage use), the samples
// and the toast region. The only place that opens the database; notebook and cell states borrow it from here.
// Where the browser gives no IndexedDB the studio runs on an in-memory store (`storageMode` 'memory', a banner says
// nothing will be kept); a write refused for a full disk is reported once, with where to free space.

import { addCell, createNotebook, renameNotebook, updateCellSpec } from '../core/notebook/reducers';
import { DEFAULT_NOTEBOOK_NAME } from '../core/notebook/pristine';
import type { CellId, DatasetId, NotebookId } from '../core/notebook/types';
import { StudioError } from '../core/errors';
import { STUDIO_DB_NAME, type StudioDb } from '../storage/db';
import { openStudioStorage, type StorageMode } from '../storage/open-storage';
import { listenForQuota, type QuotaReport } from '../storage/quota';
import { removeOrphanChunks } from '../storage/repair';
import { deleteDataset, listDatasets, renameDataset } from '../storage/datasets';
import type { DatasetMeta } from '../core/ingest/dataset-meta';
import { deleteNotebook, listNotebooks, loadNotebook, saveNotebook } from '../storage/notebooks';
import { estimateStorage, requestPersistentStorage } from '../storage/usage';
import { describeError } from './error-message';
import { createCellId, createNotebookId } from './ids';
import { importNotebookFile } from './import-notebook';
import { fetchSampleFile, fetchSamples, type SampleInfo } from './samples';
import { Toasts } from './toasts.svelte';
import { loadTemplate } from './templates';

export type NotebookListing = Awaited<ReturnType<typeof listNotebooks>>[number];

export class Studio {
  readonly toasts = new Toasts();
  readonly baseUrl: string;
  notebooks = $state.raw<NotebookListing[]>([]);
  datasets = $state.raw<DatasetMeta[]>([]);
  usage = $state.raw<{ usageBytes: number; quotaBytes: number } | null>(null);
  samples = $state.raw<SampleInfo[]>([]);
  /** False until the first `refresh` finishes (Home shows a loading line until then). */
  loaded = $state(false);
  /** True while a notebook file is being imported (its datasets may take a while). */
  importingNotebook = $state(false);
  /** Where data is kept: 'pending' until the database opens, then IndexedDB or (storage unavailable) memory. */
  storageMode = $state<'pending' | StorageMode>('pending');
  /** The last write refused because storage is full (the banner's "free space" link), until dismissed. */
  storageFull = $state.raw<QuotaReport | null>(null);
  #db: Promise<StudioDb> | null = null;
  #dbName: string;
  #persistenceAsked = false;
  /** Samples a freshly created notebook's Data cell should import as soon as it mounts. */
  readonly #pendingSamples = new Map<CellId, SampleInfo>();

  /** `dbName` exists for tests; the app uses the default database (training workers open it by this name too). */
  constructor(baseUrl: string, dbName = STUDIO_DB_NAME) {
    this.baseUrl = baseUrl;
    this.#dbName = dbName;
    listenForQuota((report) => {
      this.storageFull = report;
      this.toasts.push(report.message, 'error');
    });
  }

  /** The name workers open the store by: the database's, or the in-memory store's (`memory:…`) once that is chosen. */
  get dbName(): string {
    return this.#dbName;
  }

  /** The database, opened on first use (in memory where IndexedDB is unavailable); blocked/upgraded-elsewhere events become toasts. */
  db(): Promise<StudioDb> {
    this.#db ??= openStudioStorage(this.#dbName, {
      onBlocked: () => this.toasts.push('ML Studio is open in an older version in another tab. Close that tab to continue.', 'error'),
      onVersionChange: () => this.toasts.push('ML Studio was updated in another tab. Reload this page to keep working.', 'error'),
    }).then(
      (opened) => {
        this.#dbName = opened.name;
        this.storageMode = opened.mode;
        // Chunks an older build left without their dataset record; every save now is one transaction.
        void removeOrphanChunks(opened.db).catch(() => undefined);
        return opened.db;
      },
      (error: unknown) => {
        this.#db = null;
        throw error;
      },
    );
    return this.#db;
  }

  /** Reloads the Home lists and the storage estimate; failures become a toast. */
  async refresh(): Promise<void> {
    await this.#report(async () => {
      const db = await this.db();
      const [notebooks, datasets, usage] = await Promise.all([listNotebooks(db), listDatasets(db), estimateStorage()]);
      this.notebooks = [...notebooks].sort((a, b) => b.updatedAt - a.updatedAt);
      this.datasets = [...datasets].sort((a, b) => b.importedAt - a.importedAt);
      this.usage = usage;
    });
    this.loaded = true;
  }

  /** Loads the samples index once (an absent index means no samples). */
  async loadSamples(): Promise<void> {
    if (this.samples.length > 0) return;
    this.samples = await fetchSamples(this.baseUrl).catch(() => []);
  }

  /** Creates and stores an empty notebook with one Data cell; returns its id. */
  async createNotebook(name = DEFAULT_NOTEBOOK_NAME): Promise<NotebookId> {
    const now = Date.now();
    const notebook = addCell(createNotebook(createNotebookId(), name, now), 'data', createCellId(), now);
    await saveNotebook(await this.db(), notebook);
    return notebook.id;
  }

  /** Creates a notebook named after `sample` whose Data cell imports the sample when it first shows. */
  async createNotebookFromSample(sample: SampleInfo): Promise<NotebookId> {
    const now = Date.now();
    const cellId = createCellId();
    let notebook = addCell(createNotebook(createNotebookId(), sample.name, now), 'data', cellId, now);
    notebook = updateCellSpec(notebook, cellId, 'data', (spec) => ({ ...spec, sourceLabel: `sample: ${sample.name}` }), now);
    await saveNotebook(await this.db(), notebook);
    this.#pendingSamples.set(cellId, sample);
    return notebook.id;
  }

  /** A new notebook from template `id` (state/templates.ts), its data read from the bundled sample; null after an error toast. */
  async createFromTemplate(id: string): Promise<NotebookId | null> {
    try {
      const { name, text } = await loadTemplate(id);
      return await this.importNotebook(new File([text], name, { type: 'application/json' }));
    } catch (error) {
      this.toasts.push(`Could not open the template: ${describeError(error)}`, 'error');
      return null;
    }
  }

  /**
   * Imports a `.notebook.json` file as a new notebook with its datasets (found in the store, embedded or a sample);
   * returns its id, or null after an error toast naming the problem. A dataset it could not find is named in a toast.
   */
  async importNotebook(file: File): Promise<NotebookId | null> {
    if (this.importingNotebook) return null;
    this.importingNotebook = true;
    try {
      await this.loadSamples();
      const imported = await importNotebookFile(this, file);
      for (const wanted of imported.wanted) this.toasts.push(`“${imported.name}” needs ${wanted}: import that file in its Data cell.`);
      for (const sentence of imported.models) this.toasts.push(sentence);
      return imported.id;
    } catch (error) {
      this.toasts.push(`Could not import “${file.name}”: ${describeError(error)}`, 'error');
      return null;
    } finally {
      this.importingNotebook = false;
      await this.refresh();
    }
  }

  /** The sample waiting for this cell, removed once taken. */
  takePendingSample(cellId: CellId): SampleInfo | undefined {
    const sample = this.#pendingSamples.get(cellId);
    this.#pendingSamples.delete(cellId);
    return sample;
  }

  /** Fetches a sample's bytes as a File. */
  fetchSample(sample: SampleInfo): Promise<File> {
    return fetchSampleFile(this.baseUrl, sample);
  }

  async renameNotebook(id: NotebookId, name: string): Promise<void> {
    await this.#report(async () => {
      const db = await this.db();
      const notebook = await loadNotebook(db, id);
      if (!notebook) throw new StudioError('StorageError', `The notebook "${id}" no longer exists. Reload the page.`);
      await saveNotebook(db, renameNotebook(notebook, name, Date.now()));
    });
    await this.refresh();
  }

  async deleteNotebook(id: NotebookId): Promise<void> {
    await this.#report(async () => deleteNotebook(await this.db(), id));
    await this.refresh();
  }

  async renameDataset(id: DatasetId, name: string): Promise<void> {
    const trimmed = name.trim();
    if (trimmed === '') return;
    await this.#report(async () => renameDataset(await this.db(), id, trimmed));
    await this.refresh();
  }

  /** Deletes a stored dataset; notebooks that used it then say it is gone. */
  async deleteDataset(id: DatasetId): Promise<void> {
    await this.#report(async () => deleteDataset(await this.db(), id));
    await this.refresh();
  }

  /** Asks the browser once per session to keep our data (called after a successful import). */
  async requestPersistenceOnce(): Promise<void> {
    if (this.#persistenceAsked) return;
    this.#persistenceAsked = true;
    await requestPersistentStorage().catch(() => null);
  }

  async #report(task: () => Promise<unknown>): Promise<void> {
    try {
      await task();
    } catch (error) {
      this.toasts.push(describeError(error), 'error');
    }
  }
}
