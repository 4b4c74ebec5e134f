// The open notebook: its saved shape (edited through the pure core reducers, autosaved ~300 ms after the
// last edit and on pagehide) and each cell's runtime `CellRun`, which is never saved.

import { findUpstream, listDownstream } from '../core/notebook/dependencies';
import { DEFAULT_NOTEBOOK_NAME, isPristineNotebook } from '../core/notebook/pristine';
import * as reducers from '../core/notebook/reducers';
import type { CellId, CellKind, CellSpecs, Notebook, NotebookId, ProblemCellSpec } from '../core/notebook/types';
import { StudioError } from '../core/errors';
import { loadNotebook, saveNotebook } from '../storage/notebooks';
import { Debouncer } from './debouncer';
import { describeError } from './error-message';
import type { PublishedDataset, PublishedModel, PublishedPipeline, PublishedSplit } from './artifacts';
import type { PipelineStep } from '../core/transform/step-types';
import { findPrepareCellBelow } from './suggested-steps';
import { createCellId } from './ids';
import type { Studio } from './studio.svelte';
import type { RunStore, StoredRunRef } from '../workers/stored-runs';

export const AUTOSAVE_DELAY_MS = 300;

/** Runtime state of one cell; `durationMs` is the last run's wall time. */
export interface CellRun {
  status: 'idle' | 'running' | 'done' | 'error' | 'stale';
  error?: string;
  durationMs?: number;
}

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error';

export class NotebookState {
  notebook = $state.raw<Notebook | null>(null);
  loadError = $state<string | null>(null);
  saveStatus = $state<SaveStatus>('saved');
  runs = $state.raw<Record<CellId, CellRun>>({});
  /** The runtime artifact registry: each Data cell's current table, by the Data cell's id. */
  datasets = $state.raw<Record<CellId, PublishedDataset>>({});
  /** Each Split cell's current parts, by the Split cell's id (absent until it has run or its saved split matches). */
  splits = $state.raw<Record<CellId, PublishedSplit>>({});
  /** Each Prepare cell's current fitted pipeline, by the Prepare cell's id (absent until its fit matches its inputs). */
  pipelines = $state.raw<Record<CellId, PublishedPipeline>>({});
  /** Each Train cell's stored runs and best run, by the Train cell's id (absent until its leaderboard loads). */
  models = $state.raw<Record<CellId, PublishedModel>>({});
  /** Cells that can be re-run from outside (frame button, "Run stale"), by id → their run function. */
  runners = $state.raw<Record<CellId, () => Promise<void>>>({});
  /** True while "Run stale" / "Run all" works through the notebook. */
  runningAll = $state(false);
  readonly #autosave = new Debouncer(() => void this.save(), AUTOSAVE_DELAY_MS);
  readonly #onPageHide = () => this.#autosave.flush();

  constructor(
    readonly studio: Studio,
    readonly id: NotebookId,
  ) {}

  /** Loads the notebook and starts listening for pagehide; sets `loadError` when it cannot. */
  async load(): Promise<void> {
    window.addEventListener('pagehide', this.#onPageHide);
    try {
      const notebook = await loadNotebook(await this.studio.db(), this.id);
      if (!notebook) throw new StudioError('StorageError', 'This notebook does not exist (it may have been deleted). Go back to Home to open another one.');
      this.notebook = notebook;
    } catch (error) {
      this.loadError = describeError(error);
    }
  }

  /** Saves any pending edit and stops listening; a notebook left as it was created (nothing imported) is deleted. */
  dispose(): void {
    window.removeEventListener('pagehide', this.#onPageHide);
    if (this.notebook && isPristineNotebook(this.notebook)) {
      this.#autosave.cancel();
      void this.studio.deleteNotebook(this.id);
      return;
    }
    this.#autosave.flush();
  }

  rename(name: string): void {
    this.#edit((nb, now) => reducers.renameNotebook(nb, name, now));
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

  deleteCell(cellId: CellId): void {
    this.#edit((nb, now) => reducers.deleteCell(nb, cellId, now));
    const { [cellId]: _removed, ...rest } = this.runs;
    this.runs = rest;
    this.publishDataset(cellId, null);
  }

  moveCell(cellId: CellId, offset: number): void {
    this.#edit((nb, now) => reducers.moveCell(nb, cellId, offset, now));
  }

  /** Edits a cell's spec; cells downstream of it that have run are marked 'stale'. */
  updateSpec<K extends CellKind>(cellId: CellId, kind: K, update: (spec: CellSpecs[K]) => CellSpecs[K]): void {
    const before = this.notebook;
    this.#edit((nb, now) => reducers.updateCellSpec(nb, cellId, kind, update, now));
    if (this.notebook && this.notebook !== before) this.markDownstreamStale(cellId);
  }

  /** Marks every finished run downstream of `cellId` as stale (its inputs changed). */
  markDownstreamStale(cellId: CellId): void {
    if (!this.notebook) return;
    const stale = listDownstream(this.notebook, cellId).filter((id) => this.runs[id]?.status === 'done');
    if (stale.length === 0) return;
    const runs = { ...this.runs };
    for (const id of stale) runs[id] = { ...runs[id], status: 'stale' };
    this.runs = runs;
  }

  /** A Data cell publishes its current table (or null when it has none) for the cells below it. */
  publishDataset(cellId: CellId, dataset: PublishedDataset | null): void {
    if (this.datasets[cellId] === dataset) return;
    const { [cellId]: _old, ...rest } = this.datasets;
    this.datasets = dataset ? { ...rest, [cellId]: dataset } : rest;
  }

  /** The dataset the nearest Data cell above `cellId` publishes; null when there is none (or it has no table yet). */
  upstreamDataset(cellId: CellId): { sourceCellId: CellId | null; dataset: PublishedDataset | null } {
    const sourceCellId = this.notebook ? findUpstream(this.notebook, cellId, 'dataset') : null;
    return { sourceCellId, dataset: sourceCellId ? (this.datasets[sourceCellId] ?? null) : null };
  }

  /** A Split cell publishes its current parts (or null when it has none that match its inputs). */
  publishSplit(cellId: CellId, split: PublishedSplit | null): void {
    if ((this.splits[cellId] ?? null) === split) return;
    const { [cellId]: _old, ...rest } = this.splits;
    this.splits = split ? { ...rest, [cellId]: split } : rest;
  }

  /** The split the nearest Split cell above `cellId` publishes; null when there is none (or it has not run). */
  upstreamSplit(cellId: CellId): { sourceCellId: CellId | null; split: PublishedSplit | null } {
    const sourceCellId = this.notebook ? findUpstream(this.notebook, cellId, 'split') : null;
    return { sourceCellId, split: sourceCellId ? (this.splits[sourceCellId] ?? null) : null };
  }

  /** A Prepare cell publishes its current pipeline (or null when its fit does not match its inputs). */
  publishPipeline(cellId: CellId, pipeline: PublishedPipeline | null): void {
    if ((this.pipelines[cellId] ?? null) === pipeline) return;
    const { [cellId]: _old, ...rest } = this.pipelines;
    this.pipelines = pipeline ? { ...rest, [cellId]: pipeline } : rest;
  }

  /** The pipeline the nearest Prepare cell above `cellId` publishes; null when there is none (or it has not fitted). */
  upstreamPipeline(cellId: CellId): { sourceCellId: CellId | null; pipeline: PublishedPipeline | null } {
    const sourceCellId = this.notebook ? findUpstream(this.notebook, cellId, 'pipeline') : null;
    return { sourceCellId, pipeline: sourceCellId ? (this.pipelines[sourceCellId] ?? null) : null };
  }

  /** A Train cell publishes its runs and best run (or null when it has none). */
  publishModel(cellId: CellId, model: PublishedModel | null): void {
    if ((this.models[cellId] ?? null) === model) return;
    const { [cellId]: _old, ...rest } = this.models;
    this.models = model ? { ...rest, [cellId]: model } : rest;
  }

  /** The runs the nearest Train cell above `cellId` publishes; null when there is none (or it has no runs). */
  upstreamModel(cellId: CellId): { sourceCellId: CellId | null; model: PublishedModel | null } {
    const sourceCellId = this.notebook ? findUpstream(this.notebook, cellId, 'model') : null;
    return { sourceCellId, model: sourceCellId ? (this.models[sourceCellId] ?? null) : null };
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
    const sourceCellId = this.notebook ? findUpstream(this.notebook, cellId, 'problem') : null;
    return sourceCellId ? (this.specOf(sourceCellId, 'problem') ?? null) : null;
  }

  /** The current spec of a cell, or undefined once it is deleted. */
  specOf<K extends CellKind>(cellId: CellId, kind: K): CellSpecs[K] | undefined {
    const cell = this.notebook && reducers.findCell(this.notebook, cellId);
    return cell?.kind === kind ? (cell.spec as CellSpecs[K]) : undefined;
  }

  /** Lets a mounted cell be re-run from its frame or by "Run stale"; returns the unregister function. */
  registerRunner(cellId: CellId, run: () => Promise<void>): () => void {
    this.runners = { ...this.runners, [cellId]: run };
    return () => {
      if (this.runners[cellId] !== run) return;
      const { [cellId]: _gone, ...rest } = this.runners;
      this.runners = rest;
    };
  }

  /** Cells in notebook order that are stale and can be re-run. */
  get staleCellIds(): CellId[] {
    return (this.notebook?.cells ?? []).filter((cell) => this.runs[cell.id]?.status === 'stale' && this.runners[cell.id]).map((cell) => cell.id);
  }

  /**
   * Re-runs stale cells top to bottom (`all`: every runnable cell), one at a time. A cell re-run can make cells
   * below it stale, so the next cell is chosen after each run; a cell whose run fails stops the sweep.
   */
  async runCells(all = false): Promise<void> {
    if (this.runningAll) return;
    this.runningAll = true;
    try {
      const done = new Set<CellId>();
      for (let guard = 0; guard < 4 * (this.notebook?.cells.length ?? 0); guard++) {
        await Promise.resolve(); // let the cells' effects settle their statuses
        const next = (this.notebook?.cells ?? []).find((cell) =>
          !done.has(cell.id) && this.runners[cell.id] && (all || this.runs[cell.id]?.status === 'stale'));
        if (!next) break;
        done.add(next.id);
        await this.runners[next.id]();
        if (this.runs[next.id]?.status === 'error') break;
      }
    } finally {
      this.runningAll = false;
    }
  }

  /** Where a training worker stores the fit of a run of this notebook. */
  get runStore(): RunStore {
    return { dbName: this.studio.dbName, notebookId: this.id };
  }

  /** How a training worker finds stored run `runId` (it reads the model there; the page holds summaries only). */
  storedRun(runId: string): StoredRunRef {
    return { dbName: this.studio.dbName, runId };
  }

  setRun(cellId: CellId, run: CellRun): void {
    this.runs = { ...this.runs, [cellId]: run };
  }

  /** Writes the notebook now; a failure shows in the save status and as a toast. */
  async save(): Promise<void> {
    const notebook = this.notebook;
    if (!notebook) return;
    this.saveStatus = 'saving';
    try {
      await saveNotebook(await this.studio.db(), notebook);
      // A newer edit may have arrived while saving; it has its own pending save.
      if (this.notebook === notebook) this.saveStatus = 'saved';
    } catch (error) {
      this.saveStatus = 'error';
      this.studio.toasts.push(`Could not save the notebook: ${describeError(error)}`, 'error');
    }
  }

  #edit(reduce: (notebook: Notebook, now: number) => Notebook): void {
    if (!this.notebook) return;
    const next = reduce(this.notebook, Date.now());
    if (next === this.notebook) return;
    this.notebook = next;
    this.saveStatus = 'unsaved';
    this.#autosave.schedule();
  }
}
