// Runtime state of the Train cell's clustering tools: "Pick k" (k-means for k = 2..10 in a training worker,
// with progress and Cancel = terminate) and the PCA projection of the validation rows coloured by k-means.

import { proxy } from 'comlink';
import { isAbortError } from '../core/errors';
import type { PickKResult } from '../core/train/pick-k';
import type { RunProjection } from '../core/train/project-runs';
import type { RunSummary, TrainRequest } from '../core/train/types';
import { getTrainingPool } from '../workers/clients';
import { describeError } from './error-message';
import type { NotebookState } from './notebook-state.svelte';
import type { TrainInputs } from './train-cell-state.svelte';
import { ensureTrainingTable } from './training-table';

/** Progress of a "Pick k" job: ks fitted so far of the total. */
export interface PickKProgress {
  done: number;
  total: number;
}

export class ClusterToolsState {
  pick = $state.raw<PickKResult | null>(null);
  pickProgress = $state.raw<PickKProgress | null>(null);
  picking = $state(false);
  pickError = $state<string | null>(null);
  projection = $state.raw<RunProjection | null>(null);
  projectionError = $state<string | null>(null);
  #pickAbort: AbortController | null = null;
  #projectionAbort: AbortController | null = null;
  #projectionKey = '';

  constructor(readonly notebook: NotebookState) {}

  /** Fits k-means for k = 2..10 on the prepared training rows in a worker; a new press cancels the last. */
  async pickK(inputs: TrainInputs, seed: number, autoPrepare = true): Promise<void> {
    this.cancelPickK();
    const abort = new AbortController();
    this.#pickAbort = abort;
    this.picking = true;
    this.pickError = null;
    this.pickProgress = null;
    const request = buildPickKRequest(inputs, seed, autoPrepare);
    try {
      const onProgress = (done: number, total: number) => {
        if (!abort.signal.aborted) this.pickProgress = { done, total };
      };
      this.pick = await getTrainingPool().run(async (api) => {
        await ensureTrainingTable(api, inputs.dataset);
        return api.pickK(inputs.dataset.key, inputs.split.train, request, proxy(onProgress));
      }, abort.signal);
    } catch (error) {
      if (!isAbortError(error)) this.pickError = describeError(error);
    } finally {
      if (this.#pickAbort === abort) {
        this.#pickAbort = null;
        this.picking = false;
        this.pickProgress = null;
      }
    }
  }

  /** Ends a running "Pick k" at once (its worker is terminated); the last finished curves stay. */
  cancelPickK(): void {
    this.#pickAbort?.abort();
    this.#pickAbort = null;
    this.picking = false;
    this.pickProgress = null;
  }

  /** Projects the validation rows with `pcaRun`, coloured by `kmeansRun` (recomputed only when runs or data change). */
  async project(inputs: TrainInputs, pcaRun: RunSummary, kmeansRun: RunSummary | null): Promise<void> {
    const key = `${inputs.dataset.key}|${inputs.split.validation.length}|${pcaRun.id}|${kmeansRun?.id ?? ''}`;
    if (key === this.#projectionKey) return;
    this.#projectionKey = key;
    this.#projectionAbort?.abort();
    const abort = new AbortController();
    this.#projectionAbort = abort;
    this.projectionError = null;
    try {
      const { notebook } = this;
      const projection = await getTrainingPool().run(async (api) => {
        await ensureTrainingTable(api, inputs.dataset);
        return api.projectStoredRuns(inputs.dataset.key, inputs.split.validation, notebook.storedRun(pcaRun.id), kmeansRun ? notebook.storedRun(kmeansRun.id) : null, pcaRun.seed);
      }, abort.signal);
      if (this.#projectionAbort === abort) this.projection = projection;
    } catch (error) {
      if (!isAbortError(error) && this.#projectionAbort === abort) this.projectionError = describeError(error);
    }
  }

  /** Cancels whatever runs (the cell is going away). */
  dispose(): void {
    this.cancelPickK();
    this.#projectionAbort?.abort();
  }
}

/** The k-means request "Pick k" sends: the cell's seed, problem and prepared-pipeline steps as plain JSON. */
function buildPickKRequest(inputs: TrainInputs, seed: number, autoPrepare: boolean): TrainRequest {
  const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  return { id: 'pick-k', family: 'kmeans', params: {}, seed, problem: plain(inputs.problem), steps: plain(inputs.pipeline?.steps ?? []), crossValidate: false, autoPrepare };
}
