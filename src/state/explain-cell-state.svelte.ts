// Runtime state of one Explain cell: explains a stored run on the validation rows in a training worker
// (progress streamed back, cancel = terminate that worker) and saves the explanation as the cell output.

import { proxy, transfer, type Remote } from 'comlink';
import type { ProblemSpec, SupervisedTask } from '../core/problem/types';
import { collectTransferables } from '../core/table/table-buffers';
import type { RunSummary } from '../core/train/types';
import { getTrainingPool } from '../workers/clients';
import { describeExplanationKey } from '../core/explain/explain-options';
import type { ExplainOptions, ExplainProgress, ExplainResult } from '../core/explain/explain-result';
import type { TrainingApi } from '../workers/training-api';
import type { PublishedDataset, PublishedSplit } from './artifacts';
import { copyTableForTransfer } from './copy-table-for-transfer';
import { SavedOutputCellState } from './saved-output-cell.svelte';

/** What an explanation reads from the cells above. */
export interface ExplainInputs {
  dataset: PublishedDataset;
  split: PublishedSplit;
  problem: ProblemSpec;
}

/** The saved output: which run was explained with which options, and the worker's result. */
export interface ExplanationOutput {
  version: 1;
  /** describeExplanationKey(runId, options). */
  key: string;
  runId: string;
  runLabel: string;
  task: SupervisedTask;
  classes: string[] | null;
  options: ExplainOptions;
  result: ExplainResult;
  explainedAt: number;
}

export class ExplainCellState extends SavedOutputCellState<ExplanationOutput> {
  /** The latest progress record of the running job; null when idle. */
  progress = $state.raw<ExplainProgress | null>(null);

  protected isOutput(value: unknown): value is ExplanationOutput {
    return typeof value === 'object' && value !== null && (value as { version?: unknown }).version === 1 && 'result' in value && 'key' in value;
  }

  /** True when the shown explanation is of `run` with `options` (false → "outdated", or none yet). */
  matches(run: RunSummary | null, options: ExplainOptions): boolean {
    return this.output !== null && run !== null && this.output.key === describeExplanationKey(run.id, options);
  }

  /** Explains `run` on the validation rows with `options`; a new press cancels a running one. */
  async explain(run: RunSummary, inputs: ExplainInputs, options: ExplainOptions): Promise<void> {
    const { dataset, split } = inputs;
    const problem = JSON.parse(JSON.stringify(inputs.problem)) as ProblemSpec;
    this.progress = null;
    const onProgress = proxy((progress: ExplainProgress) => {
      if (this.running) this.progress = progress;
    });
    try {
      await this.runAndSave(async (signal) => {
        const result = await getTrainingPool().run(async (api: Remote<TrainingApi>) => {
          if (!(await api.hasTable(dataset.key))) {
            const copy = await copyTableForTransfer(dataset.table);
            await api.putTable(dataset.key, transfer(copy, collectTransferables(copy)));
          }
          return api.explainStoredRun(dataset.key, split.validation, this.notebook.storedRun(run.id), problem, options, onProgress);
        }, signal);
        return {
          version: 1, key: describeExplanationKey(run.id, options), runId: run.id, runLabel: run.label, task: problem.task as SupervisedTask,
          classes: run.classes ?? null, options, result, explainedAt: Date.now(),
        };
      }, { cancelNotice: 'Explanation cancelled.' });
    } finally {
      if (!this.running) this.progress = null;
    }
  }
}
