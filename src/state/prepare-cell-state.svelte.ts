// Runtime state of one Prepare cell: "Fit & preview" in the compute worker (fit on the Split's training rows
// only, transform the validation rows), and the saved result (fitted pipeline JSON + preview + input key) so
// a reload shows every step's fitted state without refitting.

import { transfer } from 'comlink';
import { createAbortError, isAbortError } from '../core/errors';
import type { CellId } from '../core/notebook/types';
import { collectTransferables } from '../core/table/table-buffers';
import { FITTED_PIPELINE_FORMAT_VERSION } from '../core/transform/fitted-types';
import type { PipelinePreview } from '../core/transform/preview-pipeline';
import type { PipelineStep } from '../core/transform/step-types';
import { loadCellOutputs, saveCellOutput } from '../storage/cell-outputs';
import { callCompute } from '../workers/clients';
import { describePrepareInputKey, type PublishedDataset, type PublishedSplit } from './artifacts';
import { copyTableForTransfer } from './copy-table-for-transfer';
import { describeError } from './error-message';
import type { NotebookState } from './notebook-state.svelte';

/** What a Prepare cell saves: the preview (fitted pipeline inside) and the key of its inputs. */
export interface PrepareOutput {
  kind: 'prepare';
  preview: PipelinePreview;
  inputKey: string;
}

/** True when a stored output has the shape this version writes (a fitted pipeline of the current format). */
export function isPrepareOutput(value: unknown): value is PrepareOutput {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<PrepareOutput>;
  return v.kind === 'prepare' && typeof v.inputKey === 'string' && v.preview?.fitted?.formatVersion === FITTED_PIPELINE_FORMAT_VERSION;
}

export class PrepareCellState {
  output = $state.raw<PrepareOutput | null>(null);
  running = $state(false);
  error = $state<string | null>(null);
  loaded = $state(false);
  #abort: AbortController | null = null;

  constructor(
    readonly notebook: NotebookState,
    readonly cellId: CellId,
  ) {}

  /** Shows the saved fit, if any. */
  async init(): Promise<void> {
    try {
      const saved = (await loadCellOutputs(await this.notebook.studio.db(), this.notebook.id)).get(this.cellId);
      if (isPrepareOutput(saved) && !this.output) this.output = saved;
    } catch (error) {
      this.error = describeError(error);
    } finally {
      this.loaded = true;
    }
  }

  /** Fits `steps` on the split's training rows in the worker, previews the validation rows, saves the result. */
  async run(steps: PipelineStep[], dataset: PublishedDataset, split: PublishedSplit): Promise<void> {
    this.cancel();
    const abort = new AbortController();
    this.#abort = abort;
    this.error = null;
    this.running = true;
    this.notebook.setRun(this.cellId, { status: 'running' });
    const startedMs = performance.now();
    try {
      const table = await copyTableForTransfer(dataset.table);
      if (abort.signal.aborted) throw createAbortError();
      // $state proxies cannot be structured-cloned: send plain copies of the steps.
      const plainSteps = JSON.parse(JSON.stringify(steps)) as PipelineStep[];
      const rows = { train: split.train.slice(), validation: split.validation.slice() };
      const preview = await callCompute(
        (api) => api.previewPipeline(transfer(table, [...collectTransferables(table), rows.train.buffer, rows.validation.buffer]), plainSteps, rows),
        abort.signal,
      );
      const output: PrepareOutput = { kind: 'prepare', preview, inputKey: describePrepareInputKey(split.key, steps) };
      this.output = output;
      this.notebook.setRun(this.cellId, { status: 'done', durationMs: performance.now() - startedMs });
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
