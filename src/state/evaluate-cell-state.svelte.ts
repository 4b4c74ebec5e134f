// Runtime state of one Evaluate cell: predicts a stored run's validation rows in a training worker (no
// retraining), scores them on the main thread, saves the evaluation as the cell output, runs the explicit,
// counted "final evaluation" on the test rows, and the learning curve (refits in a worker, cancellable).

import { proxy, type Remote } from 'comlink';
import { isAbortError } from '../core/errors';
import type { RunPredictions } from '../core/evaluate/run-predictions';
import { describeEvaluationKey, scoreHeldOut, type PartScores } from '../core/evaluate/score-held-out';
import type { CellId } from '../core/notebook/types';
import type { MetricId } from '../core/problem/metrics';
import type { ProblemSpec, SupervisedTask } from '../core/problem/types';
import type { RowIndices } from '../core/table/types';
import type { LearningCurve, LearningCurveProgress } from '../core/train/compute-learning-curve';
import { findPositiveClass } from '../core/train/score-model';
import type { RunSummary } from '../core/train/types';
import { saveCellOutput } from '../storage/cell-outputs';
import { getTrainingPool } from '../workers/clients';
import type { StoredLearningCurveRequest, TrainingApi } from '../workers/training-api';
import type { PublishedDataset, PublishedSplit } from './artifacts';
import { copyTableForTransfer } from './copy-table-for-transfer';
import { describeError } from './error-message';
import { SavedOutputCellState } from './saved-output-cell.svelte';
import { recordFinalEvaluation } from '../core/split/split-request';

/** What an evaluation reads from the cells above. */
export interface EvaluateInputs {
  dataset: PublishedDataset;
  split: PublishedSplit;
  splitCellId: CellId;
  problem: ProblemSpec;
}

/** The saved output: the run's validation predictions and scores, the last counted test evaluation, the learning curve. */
export interface EvaluationOutput {
  /** 2: predictions carry their dataset rows (version 1 outputs are ignored and the user re-runs). */
  version: 2;
  /** The dataset key the predictions' rows index (slices, fairness and worst rows read its columns). */
  datasetKey: string;
  /** describeEvaluationKey(runId, threshold). */
  key: string;
  runId: string;
  runLabel: string;
  task: SupervisedTask;
  positive: number;
  primaryMetric: MetricId;
  threshold: number;
  predictions: RunPredictions;
  validation: PartScores;
  /** Only set by an explicit final evaluation (which the Split cell counts). */
  test: (PartScores & { evaluatedAt: number }) | null;
  /** Set by "Learning curve" (refits of this run on shares of the training rows). */
  learningCurve: LearningCurve | null;
}

export class EvaluateCellState extends SavedOutputCellState<EvaluationOutput> {
  finalRunning = $state(false);
  finalError = $state<string | null>(null);
  curveRunning = $state(false);
  curveProgress = $state<LearningCurveProgress | null>(null);
  curveError = $state<string | null>(null);
  #curveAbort: AbortController | null = null;

  protected isOutput(value: unknown): value is EvaluationOutput {
    return typeof value === 'object' && value !== null && (value as { version?: unknown }).version === 2 && 'predictions' in value;
  }

  /** Predicts `run` on the validation rows and scores them; a previous test evaluation of the same run is kept. */
  async evaluate(run: RunSummary, inputs: EvaluateInputs, threshold: number): Promise<void> {
    const task = inputs.problem.task as SupervisedTask;
    const positive = findPositiveClass(inputs.problem, run.classes);
    const previous = this.output;
    await this.runAndSave(async (signal) => {
      const predictions = await this.#predict(run, inputs, inputs.split.validation, signal);
      const same = previous?.runId === run.id && previous.datasetKey === inputs.dataset.key;
      return {
        version: 2, datasetKey: inputs.dataset.key, key: describeEvaluationKey(run.id, threshold), runId: run.id, runLabel: run.label, task, positive,
        primaryMetric: inputs.problem.primaryMetric, threshold, predictions,
        validation: scoreHeldOut(predictions, inputs.problem, task, positive),
        test: previous?.runId === run.id ? previous.test : null,
        learningCurve: same ? previous.learningCurve : null,
      };
    });
  }

  /** Keeps the slider's threshold in the saved output (its key changes with it). */
  async saveThreshold(threshold: number): Promise<void> {
    const output = this.output;
    if (!output || output.threshold === threshold) return;
    this.output = { ...output, threshold, key: describeEvaluationKey(output.runId, threshold) };
    await this.#save();
  }

  /** Scores the TEST rows once with the evaluated run and counts it on the Split cell (test metrics show only then). */
  async evaluateOnTest(run: RunSummary, inputs: EvaluateInputs): Promise<void> {
    const output = this.output;
    if (!output || output.runId !== run.id || this.finalRunning) return;
    this.finalRunning = true;
    this.finalError = null;
    try {
      const predictions = await this.#predict(run, inputs, inputs.split.test);
      // Counted as soon as test predictions exist: looking at them is what spends the test set.
      this.notebook.updateSpec(inputs.splitCellId, 'split', recordFinalEvaluation);
      this.output = { ...output, test: { ...scoreHeldOut(predictions, inputs.problem, output.task, output.positive), evaluatedAt: Date.now() } };
      await this.#save();
    } catch (error) {
      this.finalError = describeError(error);
    } finally {
      this.finalRunning = false;
    }
  }

  /** Refits the evaluated run on 10 … 100 % of the training rows in a worker (progress per size) and saves the curve. */
  async computeLearningCurve(run: RunSummary, inputs: EvaluateInputs): Promise<void> {
    const output = this.output;
    if (!output || output.runId !== run.id || this.curveRunning) return;
    const abort = new AbortController();
    this.#curveAbort = abort;
    Object.assign(this, { curveRunning: true, curveError: null, curveProgress: null });
    const { dataset, split } = inputs;
    const request: StoredLearningCurveRequest = {
      run: this.notebook.storedRun(run.id),
      problem: JSON.parse(JSON.stringify(inputs.problem)) as ProblemSpec,
      train: split.train,
      validation: split.validation,
    };
    try {
      const curve = await getTrainingPool().run(async (api: Remote<TrainingApi>) => {
        await this.#sendTable(api, inputs);
        return api.computeLearningCurve(dataset.key, request, proxy((progress: LearningCurveProgress) => (this.curveProgress = progress)));
      }, abort.signal);
      if (this.output?.runId !== run.id) return;
      this.output = { ...this.output, learningCurve: curve };
      await this.#save();
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

  async #sendTable(api: Remote<TrainingApi>, inputs: EvaluateInputs): Promise<void> {
    if (!(await api.hasTable(inputs.dataset.key))) await api.putTable(inputs.dataset.key, await copyTableForTransfer(inputs.dataset.table));
  }

  async #predict(run: RunSummary, inputs: EvaluateInputs, rows: RowIndices, signal?: AbortSignal): Promise<RunPredictions> {
    return getTrainingPool().run(async (api: Remote<TrainingApi>) => {
      await this.#sendTable(api, inputs);
      return api.predictStoredRun(inputs.dataset.key, rows, this.notebook.storedRun(run.id), JSON.parse(JSON.stringify(inputs.problem)) as ProblemSpec);
    }, signal);
  }

  async #save(): Promise<void> {
    if (!this.output) return;
    try {
      await saveCellOutput(await this.notebook.studio.db(), this.notebook.id, this.cellId, this.output);
    } catch (error) {
      this.notebook.studio.toasts.push(`Could not save the evaluation: ${describeError(error)}`, 'error');
    }
  }
}
