// The open notebook's place among tabs: whether this tab writes it (tab-lock.ts: one writer per notebook, others
// read-only until they take over) and which of its cells the page left running last time (running-cells.ts).
// NotebookState asks it before saving or running, and tells it which cells run.

import type { CellRuntime } from '../core/notebook/runtime/notebook-runtime';
import type { CellId, Notebook, NotebookId } from '../core/notebook/types';
import type { StudioDb } from '../storage/db';
import { removeUnsummarisedFits } from '../storage/repair';
import { readRunningCells, writeRunningCells } from '../storage/running-cells';
import { claimTabLock, lockNameOf, type TabLock, type TabRole } from './tab-lock';

export class NotebookTab {
  /** writer: this tab saves the notebook; reader / released: another tab does (the read-only banner); pending until claimed. */
  role = $state<TabRole | 'pending'>('pending');
  /** Set when a take-over got no answer from the other tab. */
  takeOverFailed = $state(false);
  /** Cells that were running when the page last went away ("interrupted — run again"), until they run again. */
  interrupted = $state.raw<ReadonlySet<CellId>>(new Set());
  #lock: TabLock | null = null;
  #released = false;
  /** The running cells last written to the marks, joined. */
  #runningKey = '';

  constructor(
    readonly notebookId: NotebookId,
    /** Before another tab takes the notebook over: stop the runs and save what this tab has. */
    private readonly letGo: () => Promise<void>,
  ) {}

  /** True while another tab writes this notebook: nothing here is saved or run. */
  get readOnly(): boolean {
    return this.role === 'reader' || this.role === 'released';
  }

  /** Claims the notebook: writer when no other tab holds it, else reader. */
  async claim(): Promise<void> {
    const lock = await claimTabLock({ name: lockNameOf(this.notebookId), beforeRelease: () => this.letGo(), onRoleChange: (role) => (this.role = role) });
    this.#lock = lock;
    this.role = lock.role;
    if (this.#released) lock.release();
  }

  /** Lets the notebook go to other tabs (the page closes). */
  release(): void {
    this.#released = true;
    this.#lock?.release();
  }

  /** Asks the writer tab to let go, then reloads this page as the writer; `takeOverFailed` when it does not answer. */
  async takeOver(): Promise<void> {
    this.takeOverFailed = false;
    if (await this.#lock?.requestTakeOver()) location.reload();
    else this.takeOverFailed = true;
  }

  /** A writer tab opening the notebook: the cells marked running last time are interrupted; fits their runs left without a summary go. */
  async collectInterrupted(db: StudioDb, notebook: Notebook): Promise<void> {
    if (this.role !== 'writer') return;
    const marked = new Set(readRunningCells(this.notebookId));
    if (marked.size === 0) return;
    writeRunningCells(this.notebookId, []);
    this.interrupted = new Set(notebook.cells.filter((cell) => marked.has(cell.id)).map((cell) => cell.id));
    await removeUnsummarisedFits(db, this.notebookId).catch(() => []);
  }

  /** Marks the running cells (a writer tab only); a cell that runs again is no longer interrupted. */
  followRunning(cells: Readonly<Record<CellId, CellRuntime>>): void {
    if (this.role !== 'writer') return;
    const running = Object.keys(cells).filter((cellId) => cells[cellId as CellId].status === 'running') as CellId[];
    const key = running.join('|');
    if (key === this.#runningKey) return;
    this.#runningKey = key;
    writeRunningCells(this.notebookId, running);
    if (running.some((cellId) => this.interrupted.has(cellId))) this.interrupted = new Set([...this.interrupted].filter((cellId) => !running.includes(cellId)));
  }
}
