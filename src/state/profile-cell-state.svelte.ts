// Runtime state of one Profile cell: profiling the upstream table in the compute worker (progress, cancel =
// terminate), and the saved result (profile + the key of its inputs) so a reload shows it without recomputing.

import { proxy, transfer } from 'comlink';
import { createAbortError, isAbortError } from '../core/errors';
import type { CellId } from '../core/notebook/types';
import type { TableProfile } from '../core/profile/types';
import { PROFILE_FORMAT_VERSION } from '../core/profile/types';
import { collectTransferables } from '../core/table/table-buffers';
import { loadCellOutputs, saveCellOutput } from '../storage/cell-outputs';
import { callCompute } from '../workers/clients';
import { describeProfileInputKey, type PublishedDataset } from './artifacts';
import { copyTableForTransfer } from './copy-table-for-transfer';
import { describeError } from './error-message';
import type { NotebookState } from './notebook-state.svelte';

/** What a Profile cell saves as its output: the profile and the key of the inputs it was computed from. */
export interface ProfileOutput {
  profile: TableProfile;
  inputKey: string;
}

/** True when a stored output has the shape this version writes (older or foreign outputs are ignored). */
export function isProfileOutput(value: unknown): value is ProfileOutput {
  if (typeof value !== 'object' || value === null) return false;
  const { profile, inputKey } = value as Partial<ProfileOutput>;
  return typeof inputKey === 'string' && typeof profile === 'object' && profile !== null && profile.formatVersion === PROFILE_FORMAT_VERSION;
}

/** The target a profile should use: the Problem's target when it is a column of the table, else none. */
export function chooseProfileTarget(dataset: PublishedDataset, problemTarget: string | null | undefined): string | null {
  if (!problemTarget) return null;
  return dataset.table.columns.some((column) => column.name === problemTarget) ? problemTarget : null;
}

export class ProfileCellState {
  output = $state.raw<ProfileOutput | null>(null);
  /** Steps done / total while a profile runs; null otherwise. */
  progress = $state.raw<{ done: number; total: number } | null>(null);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  loaded = $state(false);
  #abort: AbortController | null = null;

  constructor(
    readonly notebook: NotebookState,
    readonly cellId: CellId,
  ) {}

  get isRunning(): boolean {
    return this.progress !== null;
  }

  /** Shows the saved profile, if any. */
  async init(): Promise<void> {
    try {
      const outputs = await loadCellOutputs(await this.notebook.studio.db(), this.notebook.id);
      const saved = outputs.get(this.cellId);
      if (isProfileOutput(saved) && !this.output) this.output = saved;
    } catch (error) {
      this.error = describeError(error);
    } finally {
      this.loaded = true;
    }
  }

  /** Profiles `dataset` (with `target`, if any) in the worker and saves the result; a cancel keeps the old one. */
  async run(dataset: PublishedDataset, target: string | null): Promise<void> {
    this.cancel();
    const abort = new AbortController();
    this.#abort = abort;
    Object.assign(this, { error: null, notice: null, progress: { done: 0, total: 1 } });
    const previousRun = this.notebook.runs[this.cellId];
    this.notebook.setRun(this.cellId, { status: 'running' });
    const startedMs = performance.now();
    try {
      const request = { ...(target ? { target } : {}), importWarnings: dataset.meta.warnings };
      const onProgress = proxy((done: number, total: number) => {
        if (this.#abort === abort) this.progress = { done, total };
      });
      // A copy made in slices and transferred: cloning a big table in one postMessage blocks the page.
      const table = await copyTableForTransfer(dataset.table);
      if (abort.signal.aborted) throw createAbortError();
      const profile = await callCompute((api) => api.profileTable(transfer(table, collectTransferables(table)), request, onProgress), abort.signal);
      const output: ProfileOutput = { profile, inputKey: describeProfileInputKey(dataset.key, target) };
      this.output = output;
      this.notebook.setRun(this.cellId, { status: 'done', durationMs: performance.now() - startedMs });
      await saveCellOutput(await this.notebook.studio.db(), this.notebook.id, this.cellId, output);
    } catch (error) {
      if (isAbortError(error)) {
        this.notice = 'Profile cancelled.';
        this.notebook.setRun(this.cellId, previousRun ?? { status: 'idle' });
      } else {
        this.error = describeError(error);
        this.notebook.setRun(this.cellId, { status: 'error', error: this.error });
      }
    } finally {
      if (this.#abort === abort) {
        this.#abort = null;
        this.progress = null;
      }
    }
  }

  /** Stops a running profile at once (the compute worker is terminated). */
  cancel(): void {
    this.#abort?.abort();
  }
}
