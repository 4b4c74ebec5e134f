// A view's handle on one cell's runtime (owned by NotebookState's NotebookRuntime): its output, status, error and
// live progress, and the verbs a view dispatches — run, cancel, stop. Views render this; they publish nothing.

import type { CellRuntime } from '../core/notebook/runtime/notebook-runtime';
import type { RunProgress } from '../core/notebook/runtime/runner';
import type { CellId } from '../core/notebook/types';
import type { NotebookState } from './notebook-state.svelte';

export class CellRun<O> {
  /** The latest progress record of a run in progress; null otherwise. */
  progress = $state.raw<RunProgress | null>(null);

  constructor(
    readonly notebook: NotebookState,
    readonly cellId: CellId,
  ) {}

  get runtime(): CellRuntime | undefined {
    return this.notebook.cells[this.cellId];
  }

  /** The last output, current or stale; null before the first run. */
  get output(): O | null {
    return (this.runtime?.output as O | null | undefined) ?? null;
  }

  get running(): boolean {
    return this.runtime?.status === 'running';
  }

  /** True when the inputs changed since the output was computed. */
  get stale(): boolean {
    return this.runtime?.status === 'stale';
  }

  get error(): string | null {
    return this.runtime?.status === 'error' ? (this.runtime.error ?? null) : null;
  }

  /** Why the cell cannot run yet (an input missing), or null. */
  get waiting(): string | null {
    return this.runtime?.status === 'waiting' ? this.runtime.waiting : null;
  }

  /** Listens to the cell's progress (call from onMount; returns the unsubscribe function). */
  listen(): () => void {
    return this.notebook.listenToProgress(this.cellId, (progress) => (this.progress = progress));
  }

  async run(): Promise<void> {
    this.progress = null;
    await this.notebook.runCell(this.cellId);
    this.progress = null;
  }

  cancel(): void {
    this.notebook.cancelCell(this.cellId);
  }

  stop(): void {
    this.notebook.stopCell(this.cellId);
  }
}
