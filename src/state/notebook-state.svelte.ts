// The open notebook: its saved shape (edited through the pure core reducers, autosaved ~300 ms after the last edit
// and on pagehide) and every cell's runtime, owned by the core NotebookRuntime over the page's compute port: status,
// output and published artifact of each cell, runs of one cell, the stale ones or all, whether a view shows them.
// One tab writes a notebook (`tab`, tab-lock-notebook.svelte.ts): another tab shows it read-only — nothing saved,
// nothing run — until it takes over; cells the page left running show as interrupted next time.

import type { ArtifactKind, CellInputs } from '../core/notebook/runtime/artifacts';
import { NotebookRuntime, type CellRuntime } from '../core/notebook/runtime/notebook-runtime';
import type { RunProgress } from '../core/notebook/runtime/runner';
import { DEFAULT_NOTEBOOK_NAME, isPristineNotebook } from '../core/notebook/pristine';
import * as reducers from '../core/notebook/reducers';
import { EMPTY_HISTORY, recordEdit, redoEdit, undoEdit, type EditHistory } from '../core/notebook/edit-history';
import type { CellId, CellKind, CellSpecs, Notebook, NotebookId, ProblemCellSpec } from '../core/notebook/types';
import { StudioError } from '../core/errors';
import { loadNotebook, saveNotebook } from '../storage/notebooks';
import { NotebookTab } from './tab-lock-notebook.svelte';
import { Debouncer } from './debouncer';
import { describeError } from './error-message';
import type { PublishedDataset, PublishedModel, PublishedPipeline, PublishedSplit } from './artifacts';
import { createBrowserComputePort, type BrowserComputePort, type BrowserPortEnv, type DatasetView } from './browser-compute-port';
import { createCellOutputStore } from './cell-output-store';
import type { PipelineStep } from '../core/transform/step-types';
import { findPrepareCellBelow } from './suggested-steps';
import { createCellId } from './ids';
import type { Studio } from './studio.svelte';
import { holdUpdateReload } from './service-worker';
import type { RunStore, StoredRunRef } from '../workers/stored-runs';

export const AUTOSAVE_DELAY_MS = 300;

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error';

export class NotebookState {
  notebook = $state.raw<Notebook | null>(null);
  loadError = $state<string | null>(null);
  saveStatus = $state<SaveStatus>('saved');
  /** Whether an edit can be taken back / made again (the header's Undo and Redo). */
  canUndo = $state(false);
  canRedo = $state(false);
  #history: EditHistory = EMPTY_HISTORY;
  /** Every cell's runtime (status, output, error, progress…), as the runtime derives it. */
  cells = $state.raw<Record<CellId, CellRuntime>>({});
  /** The datasets Data cells opened, by dataset key: the table the views show, its record and columns. */
  datasetViews = $state.raw<Record<string, DatasetView>>({});
  /** Cells shown folded to their header (their views are not mounted); kept per notebook in this browser. */
  collapsed = $state.raw<ReadonlySet<CellId>>(new Set());
  /** True while "Run stale" / "Run all" works through the notebook. */
  runningAll = $state(false);
  /** Whether this tab writes the notebook, and the cells the page left running last time. */
  readonly tab: NotebookTab;
  readonly port: BrowserComputePort;
  readonly runtime: NotebookRuntime;
  readonly #progressListeners = new Map<CellId, Set<(progress: RunProgress) => void>>();
  readonly #autosave = new Debouncer(() => void this.save(), AUTOSAVE_DELAY_MS);
  #releaseUpdateHold: () => void = () => undefined;
  readonly #onPageHide = () => this.#autosave.flush();

  constructor(
    readonly studio: Studio,
    readonly id: NotebookId,
    /** Makes the port the runtime computes through (the workers; tests pass one of their own). */
    makePort: (env: BrowserPortEnv) => BrowserComputePort = createBrowserComputePort,
  ) {
    this.tab = new NotebookTab(id, () => this.#letGo());
    const db = () => this.studio.db();
    const outputs = createCellOutputStore(db, id);
    // Read when a job starts: the store's name changes once, when storage turns out to be in memory.
    const runStore: RunStore = { get dbName() { return studio.dbName; }, notebookId: id };
    this.port = makePort({ db, runStore, onDatasetView: (view) => (this.datasetViews = { ...this.datasetViews, [view.key]: view }) });
    this.runtime = new NotebookRuntime({
      compute: this.port,
      // A read-only tab keeps its results to itself: the writer tab's are the saved ones.
      outputs: { load: outputs.load, save: (cellId, saved) => (this.readOnly ? Promise.resolve() : outputs.save(cellId, saved)) },
      onChange: () => this.#syncCells(),
      onProgress: (cellId, progress) => this.#progressListeners.get(cellId)?.forEach((listener) => listener(progress)),
    });
  }

  /** Claims the notebook for this tab (or opens it read-only), loads it and starts listening for pagehide; sets `loadError` when it cannot. */
  async load(): Promise<void> {
    window.addEventListener('pagehide', this.#onPageHide);
    // An update's reload (UpdatePrompt) waits for the last edit to be saved: a reload aborts a write in flight.
    this.#releaseUpdateHold = holdUpdateReload(async () => {
      if (this.readOnly || !this.#autosave.isPending) return;
      this.#autosave.cancel();
      await this.save();
    });
    try {
      await this.tab.claim();
      const db = await this.studio.db();
      const notebook = await loadNotebook(db, this.id);
      if (!notebook) throw new StudioError('StorageError', 'This notebook does not exist (it may have been deleted). Go back to Home to open another one.');
      this.notebook = notebook;
      this.collapsed = readCollapsed(this.id);
      await this.tab.collectInterrupted(db, notebook);
      this.runtime.setNotebook(notebook);
      await this.runtime.restore();
    } catch (error) {
      this.loadError = describeError(error);
    }
  }

  /**
   * Ends the runs in progress, saves any pending edit, stops listening and lets the notebook go to other tabs; a
   * notebook left as it was created (nothing imported) is deleted. A read-only tab saves and deletes nothing.
   */
  dispose(): void {
    window.removeEventListener('pagehide', this.#onPageHide);
    this.#releaseUpdateHold();
    this.runtime.cancelAll();
    const release = () => this.tab.release();
    if (this.readOnly) {
      this.#autosave.cancel();
      release();
    } else if (this.notebook && isPristineNotebook(this.notebook)) {
      this.#autosave.cancel();
      void this.studio.deleteNotebook(this.id).finally(release);
    } else {
      // The lock is let go once the last save is written, so a tab that takes the notebook next reads it.
      const pending = this.#autosave.isPending;
      this.#autosave.cancel();
      void (pending ? this.save() : Promise.resolve()).finally(release);
    }
  }

  /** True while another tab writes this notebook: edits stay in this tab, runs are refused. */
  get readOnly(): boolean {
    return this.tab.readOnly;
  }

  /** Before another tab takes the notebook: stop every run and write what this tab has. */
  async #letGo(): Promise<void> {
    this.runtime.cancelAll();
    this.#autosave.cancel();
    await this.save();
  }

  rename(name: string): void {
    this.#edit((nb, now) => reducers.renameNotebook(nb, name, now), 'name');
  }

  /** Takes the last edit back (a deleted cell returns with its output); false when there is none. */
  undo(): boolean {
    const step = this.notebook && undoEdit(this.#history, this.notebook);
    if (!step) return false;
    this.#applyHistory(step);
    return true;
  }

  /** Makes the last undone edit again; false when there is none. */
  redo(): boolean {
    const step = this.notebook && redoEdit(this.#history, this.notebook);
    if (!step) return false;
    this.#applyHistory(step);
    return true;
  }

  /** Names a still-untitled notebook after its first dataset (a name the user gave is kept). */
  adoptDatasetName(name: string): void {
    if (this.notebook?.name === DEFAULT_NOTEBOOK_NAME && name.trim() !== '') this.rename(name);
  }

  /** Adds a cell of `kind` at `index` (default: the end) and returns its id. */
  addCell(kind: CellKind, index?: number): CellId {
    const cellId = createCellId();
    this.#edit((nb, now) => reducers.addCell(nb, kind, cellId, now, index));
    return cellId;
  }

  /** Adds a copy of `cellId` (same settings, no output yet) below it; returns the copy's id. */
  duplicateCell(cellId: CellId): CellId {
    const copyId = createCellId();
    this.#edit((nb, now) => reducers.duplicateCell(nb, cellId, copyId, now));
    return copyId;
  }

  deleteCell(cellId: CellId): void {
    this.#edit((nb, now) => reducers.deleteCell(nb, cellId, now));
  }

  moveCell(cellId: CellId, offset: number): void {
    this.#edit((nb, now) => reducers.moveCell(nb, cellId, offset, now));
  }

  /** Moves a cell to `index` (its place after the move), e.g. where it was dropped. */
  moveCellTo(cellId: CellId, index: number): void {
    this.#edit((nb, now) => reducers.moveCell(nb, cellId, index - nb.cells.findIndex((cell) => cell.id === cellId), now));
  }

  /** Names a cell; an empty name shows its kind alone again. */
  renameCell(cellId: CellId, title: string): void {
    this.#edit((nb, now) => reducers.renameCell(nb, cellId, title, now));
  }

  /** Edits a cell's spec; the runtime marks the cells whose inputs changed stale (automatic ones run again). */
  updateSpec<K extends CellKind>(cellId: CellId, kind: K, update: (spec: CellSpecs[K]) => CellSpecs[K]): void {
    this.#edit((nb, now) => reducers.updateCellSpec(nb, cellId, kind, update, now), `spec:${cellId}`);
  }

  /** The dataset the nearest Data cell above `cellId` opened, with its table for the views; null until it has. */
  upstreamDataset(cellId: CellId): { sourceCellId: CellId | null; dataset: PublishedDataset | null } {
    const sourceCellId = this.#producerOf(cellId, 'dataset');
    const artifact = this.inputsOf(cellId).dataset;
    const view = artifact ? this.datasetViews[artifact.key] : undefined;
    return { sourceCellId, dataset: artifact && view ? { datasetId: view.meta.id, table: view.table, meta: view.meta, key: artifact.key, ref: view.ref } : null };
  }

  /** The split the nearest Split cell above `cellId` publishes; null when there is none (or it is not done). */
  upstreamSplit(cellId: CellId): { sourceCellId: CellId | null; split: PublishedSplit | null } {
    const sourceCellId = this.#producerOf(cellId, 'split');
    return { sourceCellId, split: this.inputsOf(cellId).split ?? null };
  }

  /** The pipeline the nearest Prepare cell above `cellId` publishes; null when there is none (or it is not done). */
  upstreamPipeline(cellId: CellId): { sourceCellId: CellId | null; pipeline: PublishedPipeline | null } {
    const sourceCellId = this.#producerOf(cellId, 'pipeline');
    return { sourceCellId, pipeline: this.inputsOf(cellId).pipeline ?? null };
  }

  /** The runs the nearest Train cell above `cellId` publishes; null when there is none (or it has no runs). */
  upstreamModel(cellId: CellId): { sourceCellId: CellId | null; model: PublishedModel | null } {
    const sourceCellId = this.#producerOf(cellId, 'model');
    return { sourceCellId, model: this.inputsOf(cellId).model ?? null };
  }

  /** The nearest cell above `cellId` that publishes `kind` (read through `cells`, so a view re-reads it on any change). */
  #producerOf(cellId: CellId, kind: ArtifactKind): CellId | null {
    void this.cells;
    return this.runtime.findProducer(cellId, kind);
  }

  /** What the runtime hands `cellId` now (read through `cells`, so a view re-reads it when any cell changes). */
  inputsOf(cellId: CellId): CellInputs {
    void this.cells;
    return this.runtime.inputsOf(cellId);
  }

  /** Appends `makeStep(existing steps)` (null: nothing) to the nearest Prepare cell below `cellId` (created right below when none); returns its id. */
  addStepBelow(cellId: CellId, makeStep: (steps: readonly PipelineStep[]) => PipelineStep | null): CellId | null {
    if (!this.notebook) return null;
    const { prepareCellId, insertAt } = findPrepareCellBelow(this.notebook, cellId);
    const target = prepareCellId ?? this.addCell('prepare', insertAt);
    this.updateSpec(target, 'prepare', (spec) => {
      const step = makeStep(spec.steps);
      return step ? { ...spec, steps: [...spec.steps, step] } : spec;
    });
    return target;
  }

  /** The spec of the nearest Problem cell above `cellId`, or null. */
  upstreamProblem(cellId: CellId): ProblemCellSpec | null {
    const sourceCellId = this.#producerOf(cellId, 'problem');
    return sourceCellId ? (this.specOf(sourceCellId, 'problem') ?? null) : null;
  }

  /** The current spec of a cell, or undefined once it is deleted. */
  specOf<K extends CellKind>(cellId: CellId, kind: K): CellSpecs[K] | undefined {
    const cell = this.notebook && reducers.findCell(this.notebook, cellId);
    return cell?.kind === kind ? (cell.spec as CellSpecs[K]) : undefined;
  }

  /** Runs one cell (a run in progress is cancelled first); its status, output or error show in `cells`. Refused while read-only. */
  runCell(cellId: CellId): Promise<CellRuntime> {
    if (this.#refuseReadOnly()) return Promise.resolve(this.runtime.get(cellId));
    return this.runtime.run(cellId);
  }

  /** Ends a cell's run at once (its worker is terminated); nothing of it is kept. */
  cancelCell(cellId: CellId): void {
    this.runtime.cancel(cellId);
  }

  /** Asks a running cell to finish its current step and keep what it has (Train: the best models so far). */
  stopCell(cellId: CellId): void {
    this.runtime.stop(cellId);
  }

  /** Hears every progress record of `cellId`'s runs; returns the unsubscribe function. */
  listenToProgress(cellId: CellId, listener: (progress: RunProgress) => void): () => void {
    const listeners = this.#progressListeners.get(cellId) ?? new Set();
    listeners.add(listener);
    this.#progressListeners.set(cellId, listeners);
    return () => void listeners.delete(listener);
  }

  /** Replaces a cell's output by a view's edit of it (a deleted run, a final evaluation), saved like a run's. */
  editOutput<O>(cellId: CellId, update: (output: O) => O): Promise<void> {
    return this.runtime.setOutput(cellId, (output) => update(output as O));
  }

  /** Like editOutput, but starts the output of a cell that has none yet (`update` gets null). */
  putOutput<O>(cellId: CellId, update: (output: O | null) => O): Promise<void> {
    return this.runtime.putOutput(cellId, (output) => update(output as O | null));
  }

  isCollapsed(cellId: CellId): boolean {
    return this.collapsed.has(cellId);
  }

  /** Folds a cell to its header or unfolds it (remembered for this notebook in this browser). */
  setCollapsed(cellId: CellId, collapsed: boolean): void {
    const next = new Set(this.collapsed);
    if (collapsed) next.add(cellId);
    else next.delete(cellId);
    this.collapsed = next;
    writeCollapsed(this.id, next);
  }

  /** Cells in notebook order that are stale. */
  get staleCellIds(): CellId[] {
    return (this.notebook?.cells ?? []).filter((cell) => this.cells[cell.id]?.status === 'stale').map((cell) => cell.id);
  }

  /** Runs the stale cells top to bottom (`all`: every cell); a cell that fails stops the sweep. */
  async runCells(all = false): Promise<void> {
    if (this.runningAll || this.#refuseReadOnly()) return;
    this.runningAll = true;
    try {
      await this.runtime.runAll({ onlyStale: !all });
    } finally {
      this.runningAll = false;
    }
  }

  #syncCells(): void {
    const cells: Record<CellId, CellRuntime> = {};
    for (const cell of this.notebook?.cells ?? []) cells[cell.id] = this.runtime.get(cell.id);
    this.cells = cells;
    this.tab.followRunning(cells);
  }

  #refuseReadOnly(): boolean {
    if (this.readOnly) this.studio.toasts.push('This notebook is open in another tab: take it over (the banner above) to run cells here.');
    return this.readOnly;
  }

  /** Where a training worker stores the fit of a run of this notebook. */
  get runStore(): RunStore {
    return { dbName: this.studio.dbName, notebookId: this.id };
  }

  /** How a training worker finds stored run `runId` (it reads the model there; the page holds summaries only). */
  storedRun(runId: string): StoredRunRef {
    return { dbName: this.studio.dbName, runId };
  }

  /** Writes the notebook now; a failure shows in the save status and as a toast. A read-only tab writes nothing ("Not saved"). */
  async save(): Promise<void> {
    const notebook = this.notebook;
    if (!notebook) return;
    if (this.readOnly) {
      this.saveStatus = 'error';
      return;
    }
    this.saveStatus = 'saving';
    try {
      await saveNotebook(await this.studio.db(), notebook);
      // A newer edit may have arrived while saving; it has its own pending save.
      if (this.notebook === notebook) this.saveStatus = 'saved';
    } catch (error) {
      this.saveStatus = 'error';
      // A full disk is reported by the studio already (with what to delete).
      if (describeError(error) !== this.studio.storageFull?.message) this.studio.toasts.push(`Could not save the notebook: ${describeError(error)}`, 'error');
    }
  }

  /** Applies an edit; `coalesce` merges a burst of edits of one kind (typing in one cell) into one undo step. */
  #edit(reduce: (notebook: Notebook, now: number) => Notebook, coalesce: string | null = null): void {
    if (!this.notebook) return;
    const now = Date.now();
    const next = reduce(this.notebook, now);
    if (next === this.notebook) return;
    this.#setHistory(recordEdit(this.#history, this.notebook, now, coalesce));
    this.#show(next);
  }

  #applyHistory(step: { notebook: Notebook; history: EditHistory }): void {
    this.#setHistory(step.history);
    this.#show({ ...step.notebook, updatedAt: Date.now() });
  }

  #show(next: Notebook): void {
    this.notebook = next;
    this.runtime.setNotebook(next);
    this.saveStatus = 'unsaved';
    this.#autosave.schedule();
  }

  #setHistory(history: EditHistory): void {
    this.#history = history;
    this.canUndo = history.past.length > 0;
    this.canRedo = history.future.length > 0;
  }
}

const collapsedKey = (id: NotebookId) => `ml-studio:collapsed:${id}`;

function readCollapsed(id: NotebookId): ReadonlySet<CellId> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(collapsedKey(id)) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((cellId): cellId is CellId => typeof cellId === 'string') : []);
  } catch {
    return new Set();
  }
}

function writeCollapsed(id: NotebookId, cellIds: ReadonlySet<CellId>): void {
  try {
    if (cellIds.size === 0) localStorage.removeItem(collapsedKey(id));
    else localStorage.setItem(collapsedKey(id), JSON.stringify([...cellIds]));
  } catch {
    // Storage full or blocked: the cells stay folded for this visit only.
  }
}
