// Runtime state of one Prepare cell: "Fit & preview" in the compute worker (fit on the Split's training rows
// only, transform the validation rows), and the saved result (fitted pipeline JSON + preview + input key) so
// a reload shows every step's fitted state without refitting.

import { transfer } from 'comlink';
import { createAbortError } from '../core/errors';
import { collectTransferables } from '../core/table/table-buffers';
import { FITTED_PIPELINE_FORMAT_VERSION } from '../core/transform/fitted-types';
import type { PipelinePreview } from '../core/transform/preview-pipeline';
import type { PipelineStep } from '../core/transform/step-types';
import { callCompute } from '../workers/clients';
import { describePrepareInputKey, type PublishedDataset, type PublishedSplit } from './artifacts';
import { copyTableForTransfer } from './copy-table-for-transfer';
import { SavedOutputCellState } from './saved-output-cell.svelte';

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

export class PrepareCellState extends SavedOutputCellState<PrepareOutput> {
  protected isOutput(value: unknown): value is PrepareOutput {
    return isPrepareOutput(value);
  }

  /** Fits `steps` on the split's training rows in the worker (rules never pick `target`), previews the validation rows, saves the result. */
  run(steps: PipelineStep[], dataset: PublishedDataset, split: PublishedSplit, target: string | null): Promise<void> {
    return this.runAndSave(async (signal) => {
      const table = await copyTableForTransfer(dataset.table);
      if (signal.aborted) throw createAbortError();
      // $state proxies cannot be structured-cloned: send plain copies of the steps.
      const plainSteps = JSON.parse(JSON.stringify(steps)) as PipelineStep[];
      const rows = { train: split.train.slice(), validation: split.validation.slice() };
      const preview = await callCompute(
        (api) => api.previewPipeline(transfer(table, [...collectTransferables(table), rows.train.buffer, rows.validation.buffer]), plainSteps, rows, target),
        signal,
      );
      return { kind: 'prepare', preview, inputKey: describePrepareInputKey(split.key, steps, target) };
    });
  }
}
