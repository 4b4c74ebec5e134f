// The Evaluate cell's view state: the runtime evaluates the picked run on validation (runners/evaluate.ts); this
// adds the view's own jobs, each an edit of that output — the explicit, counted final evaluation on the test part,
// and the learning curve (refits in a worker, cancellable).

import { proxy, type Remote } from 'comlink';
import { isAbortError } from '../core/errors';
import type { EvaluateOutput } from '../core/notebook/runtime/runners/evaluate';
import type { CellId } from '../core/notebook/types';
import type { ProblemSpec } from '../core/problem/types';
import { recordFinalEvaluation } from '../core/split/split-request';
import type { LearningCurveProgress } from '../core/train/compute-learning-curve';
import { getTrainingPool } from '../workers/clients';
import type { StoredLearningCurveRequest, TrainingApi } from '../workers/training-api';
import type { PublishedDataset, PublishedSplit } from './artifacts';
import { CellRun } from './cell-run.svelte';
import { describeError } from './error-message';
import type { NotebookState } from './notebook-state.svelte';
import { ensureTrainingTable } from './training-table';

/** The saved evaluation as the panels read it. */
export type EvaluationOutput = EvaluateOutput;

/** What the view's jobs read from the cells above. */
export interface EvaluateInputs {
  dataset: PublishedDataset;
  split: PublishedSplit;
  splitCellId: CellId;
  problem: ProblemSpec;
}

export class EvaluateCellState extends CellRun<EvaluateOutput> {
  finalRunning = $state(false);
  finalError = $state<string | null>(null);
  curveRunning = $state(false);
  curveProgress = $state<LearningCurveProgress | null>(null);
  curveError = $state<string | null>(null);
  #curveAbort: AbortController | null = null;

  constructor(notebook: NotebookState, cellId: CellId) {
    super(notebook, cellId);
  }

  /** Scores the TEST rows once with the evaluated run and counts it on the Split cell (test metrics show only then). */
  async evaluateOnTest(inputs: EvaluateInputs): Promise<void> {
    const output = this.output;
    if (!output || this.finalRunning) return;
    this.finalRunning = true;
    this.finalError = null;
    try {
      const { scores } = await this.notebook.port.evaluateRun(inputs.dataset.key, inputs.split.test, output.runId, plain(inputs.problem));
      // Counted as soon as test scores exist: looking at them is what spends the test set.
      this.notebook.updateSpec(inputs.splitCellId, 'split', recordFinalEvaluation);
      await this.notebook.editOutput<EvaluateOutput>(this.cellId, (old) => ({ ...old, test: { ...scores, evaluatedAt: Date.now() } }));
    } catch (error) {
      this.finalError = describeError(error);
    } finally {
      this.finalRunning = false;
    }
  }

  /** Refits the evaluated run on 10 … 100 % of the training rows in a worker (progress per size) and keeps the curve. */
  async computeLearningCurve(inputs: EvaluateInputs): Promise<void> {
    const output = this.output;
    if (!output || this.curveRunning) return;
    const abort = new AbortController();
    this.#curveAbort = abort;
    Object.assign(this, { curveRunning: true, curveError: null, curveProgress: null });
    const { dataset, split } = inputs;
    const request: StoredLearningCurveRequest = { run: this.notebook.storedRun(output.runId), problem: plain(inputs.problem), train: split.train, validation: split.validation };
    try {
      const curve = await getTrainingPool().run(async (api: Remote<TrainingApi>) => {
        await ensureTrainingTable(api, dataset);
        return api.computeLearningCurve(dataset.key, request, proxy((progress: LearningCurveProgress) => (this.curveProgress = progress)));
      }, abort.signal);
      await this.notebook.editOutput<EvaluateOutput>(this.cellId, (old) => (old.runId === output.runId ? { ...old, learningCurve: curve } : old));
    } catch (error) {
      if (!isAbortError(error)) this.curveError = describeError(error);
    } finally {
      if (this.#curveAbort === abort) Object.assign(this, { curveRunning: false, curveProgress: null });
      this.#curveAbort = null;
    }
  }

  /** Stops the learning curve at once (its worker is terminated); the previous curve, if any, stays. */
  cancelLearningCurve(): void {
    this.#curveAbort?.abort();
  }

  override cancel(): void {
    super.cancel();
    this.cancelLearningCurve();
  }
}

/** A plain copy ($state proxies cannot cross to a worker). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
