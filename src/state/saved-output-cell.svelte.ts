// The shared life of a cell whose result is computed in a worker and saved (Profile, Split, Prepare…):
// show the saved output on load, run one job at a time (a new run cancels the old), keep the frame's status in
// step, save the result, and keep errors in the cell. A cancel is quiet.

import { createAbortError, isAbortError } from '../core/errors';
import type { CellId } from '../core/notebook/types';
import { loadCellOutputs, saveCellOutput } from '../storage/cell-outputs';
import { describeError } from './error-message';
import type { NotebookState } from './notebook-state.svelte';

export interface RunOptions<O> {
  /** A message when the finished output itself is an error for the frame (e.g. a class absent from training). */
  errorOf?: (output: O) => string | null;
  /** Shown in the cell after a cancel. */
  cancelNotice?: string;
}

export abstract class SavedOutputCellState<O> {
  output = $state.raw<O | null>(null);
  running = $state(false);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  loaded = $state(false);
  #abort: AbortController | null = null;

  constructor(
    readonly notebook: NotebookState,
    readonly cellId: CellId,
  ) {}

  /** True when a stored value has the shape this version writes (older shapes are ignored, then re-run). */
  protected abstract isOutput(value: unknown): value is O;

  /** Shows the saved output, if any. */
  async init(): Promise<void> {
    try {
      const saved = (await loadCellOutputs(await this.notebook.studio.db(), this.notebook.id)).get(this.cellId);
      if (this.isOutput(saved) && !this.output) this.output = saved;
    } catch (error) {
      this.error = describeError(error);
    } finally {
      this.loaded = true;
    }
  }

  /**
   * Keeps the frame's status in step with the saved output: 'done' when it matches the current inputs, 'stale'
   * when not — also right after a reload. `current` is null while the inputs are unknown (nothing changes then);
   * a running job or an error keeps its status.
   */
  syncStatus(current: boolean | null): void {
    const run = this.notebook.runs[this.cellId];
    if (this.running || !this.output || current === null || run?.status === 'error') return;
    const status = current ? 'done' : 'stale';
    if (run?.status !== status) this.notebook.setRun(this.cellId, { ...run, status });
  }

  /** Stops a running job at once (its worker is terminated). */
  cancel(): void {
    this.#abort?.abort();
  }

  /** Runs `compute` with a fresh signal, then shows and saves its output; errors stay in the cell. */
  protected async runAndSave(compute: (signal: AbortSignal) => Promise<O>, options: RunOptions<O> = {}): Promise<void> {
    this.cancel();
    const abort = new AbortController();
    this.#abort = abort;
    Object.assign(this, { error: null, notice: null, running: true });
    const previousRun = this.notebook.runs[this.cellId];
    this.notebook.setRun(this.cellId, { status: 'running' });
    const startedMs = performance.now();
    try {
      const output = await compute(abort.signal);
      if (abort.signal.aborted) throw createAbortError();
      this.output = output;
      const blocking = options.errorOf?.(output) ?? null;
      this.notebook.setRun(this.cellId, blocking ? { status: 'error', error: blocking } : { status: 'done', durationMs: performance.now() - startedMs });
      await saveCellOutput(await this.notebook.studio.db(), this.notebook.id, this.cellId, output);
    } catch (error) {
      if (isAbortError(error)) {
        if (this.#abort !== abort) return; // superseded by a newer run: that run owns the cell now
        if (options.cancelNotice) this.notice = options.cancelNotice;
        this.notebook.setRun(this.cellId, previousRun ?? { status: 'idle' });
      } else {
        this.error = describeError(error);
        this.notebook.setRun(this.cellId, { status: 'error', error: this.error });
      }
    } finally {
      if (this.#abort === abort) {
        this.#abort = null;
        this.running = false;
      }
    }
  }
}
