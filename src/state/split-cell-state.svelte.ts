// Runtime state of one Split cell: splitting the upstream table in the compute worker, and the saved result
// (parts, folds, summary + the key of its inputs). A reload shows the saved split and publishes it to the
// cells below when its key still matches — no recompute (splits are cheap, but saved ones show at once).

import { transfer } from 'comlink';
import { createAbortError } from '../core/errors';
import type { ProblemCellSpec, SplitCellSpec } from '../core/notebook/types';
import type { SplitResult } from '../core/split/run-split';
import { collectTransferables } from '../core/table/table-buffers';
import { callCompute } from '../workers/clients';
import type { PublishedDataset, PublishedSplit } from './artifacts';
import { copyTableForTransfer } from './copy-table-for-transfer';
import { describeError } from './error-message';
import { SavedOutputCellState } from './saved-output-cell.svelte';
import { buildSplitRequest, describeSplitInputKey } from '../core/split/split-request';

/** What a Split cell saves: the result and the key of the inputs it was computed from. */
export interface SplitOutput {
  kind: 'split';
  /** 2: the summary reads a regression target as numbers and counts rows left out for want of a target (version 1 outputs are ignored and the split re-runs). */
  version: 2;
  result: SplitResult;
  inputKey: string;
}

/** True when a stored output has the shape this version writes. */
export function isSplitOutput(value: unknown): value is SplitOutput {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SplitOutput>;
  return v.kind === 'split' && v.version === 2 && typeof v.inputKey === 'string' && v.result?.train instanceof Uint32Array;
}

/** The split later cells read from a saved output. */
export function publishOutput(output: SplitOutput): PublishedSplit {
  const { train, validation, test, folds } = output.result;
  return { key: output.inputKey, train, validation, test, folds };
}

/** The input key for the current spec, or an error message when the spec cannot be run on this table. */
export function readSplitInput(spec: SplitCellSpec, problem: ProblemCellSpec | null, dataset: PublishedDataset): { key: string | null; error: string | null } {
  try {
    return { key: describeSplitInputKey(dataset.key, buildSplitRequest(spec, problem, dataset.table.columns)), error: null };
  } catch (error) {
    return { key: null, error: describeError(error) };
  }
}

export class SplitCellState extends SavedOutputCellState<SplitOutput> {
  protected isOutput(value: unknown): value is SplitOutput {
    return isSplitOutput(value);
  }

  /** Splits `dataset` as `spec` says in the worker, saves and shows the result; errors stay in the cell. */
  run(spec: SplitCellSpec, problem: ProblemCellSpec | null, dataset: PublishedDataset): Promise<void> {
    return this.runAndSave(async (signal) => {
      const request = buildSplitRequest(spec, problem, dataset.table.columns);
      const table = await copyTableForTransfer(dataset.table);
      if (signal.aborted) throw createAbortError();
      const result = await callCompute((api) => api.splitTable(transfer(table, collectTransferables(table)), request), signal);
      return { kind: 'split', version: 2, result, inputKey: describeSplitInputKey(dataset.key, request) };
    }, { errorOf: (output) => output.result.summary.issues.find((issue) => issue.level === 'error')?.message ?? null });
  }
}
