// Runtime state of one Split cell: splitting the upstream table in the compute worker, and the saved result
// (parts, folds, summary + the key of its inputs). A reload shows the saved split and publishes it to the
// cells below when its key still matches — no recompute (splits are cheap, but saved ones show at once).

import { transfer } from 'comlink';
import { createAbortError, isAbortError } from '../core/errors';
import type { CellId, ProblemCellSpec, SplitCellSpec } from '../core/notebook/types';
import type { SplitResult } from '../core/split/run-split';
import { collectTransferables } from '../core/table/table-buffers';
import { loadCellOutputs, saveCellOutput } from '../storage/cell-outputs';
import { callCompute } from '../workers/clients';
import type { PublishedDataset, PublishedSplit } from './artifacts';
import { copyTableForTransfer } from './copy-table-for-transfer';
import { describeError } from './error-message';
import type { NotebookState } from './notebook-state.svelte';
import { buildSplitRequest, describeSplitInputKey } from './split-request';

/** What a Split cell saves: the result and the key of the inputs it was computed from. */
export interface SplitOutput {
  kind: 'split';
  result: SplitResult;
  inputKey: string;
}

/** True when a stored output has the shape this version writes. */
export function isSplitOutput(value: unknown): value is SplitOutput {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SplitOutput>;
  return v.kind === 'split' && typeof v.inputKey === 'string' && v.result?.train instanceof Uint32Array;
}

/** The split later cells read from a saved output. */
export function publishOutput(output: SplitOutput): PublishedSplit {
  const { train, validation, test, folds } = output.result;
  return { key: output.inputKey, train, validation, test, folds };
}

/** The input key for the current spec, or an error message when the spec cannot be run on this table. */
export function readSplitInput(spec: SplitCellSpec, problem: ProblemCellSpec | null, dataset: PublishedDataset): { key: string | null; error: string | null } {
  try {
    return { key: describeSplitInputKey(dataset.key, buildSplitRequest(spec, problem, dataset.table)), error: null };
  } catch (error) {
    return { key: null, error: describeError(error) };
  }
}

export class SplitCellState {
  output = $state.raw<SplitOutput | null>(null);
  running = $state(false);
  error = $state<string | null>(null);
  loaded = $state(false);
  #abort: AbortController | null = null;

  constructor(
    readonly notebook: NotebookState,
    readonly cellId: CellId,
  ) {}

  /** Shows the saved split, if any. */
  async init(): Promise<void> {
    try {
      const saved = (await loadCellOutputs(await this.notebook.studio.db(), this.notebook.id)).get(this.cellId);
      if (isSplitOutput(saved) && !this.output) this.output = saved;
    } catch (error) {
      this.error = describeError(error);
    } finally {
      this.loaded = true;
    }
  }

  /** Splits `dataset` as `spec` says in the worker, saves and shows the result; errors stay in the cell. */
  async run(spec: SplitCellSpec, problem: ProblemCellSpec | null, dataset: PublishedDataset): Promise<void> {
    this.cancel();
    const abort = new AbortController();
    this.#abort = abort;
    this.error = null;
    this.running = true;
    this.notebook.setRun(this.cellId, { status: 'running' });
    const startedMs = performance.now();
    try {
      const request = buildSplitRequest(spec, problem, dataset.table);
      const table = await copyTableForTransfer(dataset.table);
      if (abort.signal.aborted) throw createAbortError();
      const result = await callCompute((api) => api.splitTable(transfer(table, collectTransferables(table)), request), abort.signal);
      const output: SplitOutput = { kind: 'split', result, inputKey: describeSplitInputKey(dataset.key, request) };
      this.output = output;
      const blocking = result.summary.issues.find((issue) => issue.level === 'error');
      this.notebook.setRun(this.cellId, blocking ? { status: 'error', error: blocking.message } : { status: 'done', durationMs: performance.now() - startedMs });
      await saveCellOutput(await this.notebook.studio.db(), this.notebook.id, this.cellId, output);
    } catch (error) {
      if (isAbortError(error)) this.notebook.setRun(this.cellId, { status: 'idle' });
      else {
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

  cancel(): void {
    this.#abort?.abort();
  }
}
