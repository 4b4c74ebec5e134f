// Runtime state of one Compare cell: predicts runs A and B on the validation rows in training workers (stored
// models, no retraining), runs the paired tests on the main thread (cheap), and saves the comparison as the
// cell output keyed by A|B|alpha, so a change of picks shows it as outdated.

import type { Remote } from 'comlink';
import { assembleComparison, describeComparisonKey, describeFoldSizes, type ComparisonReport } from '../core/compare/assemble-comparison';
import { DataError } from '../core/errors';
import type { RunPredictions } from '../core/evaluate/run-predictions';
import type { MetricId } from '../core/problem/metrics';
import type { ProblemSpec, SupervisedTask } from '../core/problem/types';
import { findPositiveClass } from '../core/train/score-model';
import type { RunSummary } from '../core/train/types';
import { getTrainingPool } from '../workers/clients';
import type { TrainingApi } from '../workers/training-api';
import type { PublishedDataset, PublishedSplit } from './artifacts';
import { copyTableForTransfer } from './copy-table-for-transfer';
import { SavedOutputCellState } from './saved-output-cell.svelte';

/** What a comparison reads from the cells above. */
export interface CompareInputs {
  dataset: PublishedDataset;
  split: PublishedSplit;
  problem: ProblemSpec;
}

/** One compared run as saved: its id, label and validation predictions (positive = class index scored by ROC/PR). */
export interface ComparedSide {
  id: string;
  label: string;
  positive: number;
  predictions: RunPredictions;
}

/** The saved output: both runs' validation predictions and the report of the tests. */
export interface ComparisonOutput {
  version: 1;
  /** describeComparisonKey(runA, runB, alpha). */
  key: string;
  task: SupervisedTask;
  primaryMetric: MetricId;
  alpha: number;
  a: ComparedSide;
  b: ComparedSide;
  report: ComparisonReport;
}

export class CompareCellState extends SavedOutputCellState<ComparisonOutput> {
  protected isOutput(value: unknown): value is ComparisonOutput {
    return typeof value === 'object' && value !== null && (value as { version?: unknown }).version === 1 && 'report' in value && 'a' in value;
  }

  /** Predicts A and B on the validation rows and tests them; refuses (in the cell) a missing pick or the same run twice. */
  async compare(runA: RunSummary | null, runB: RunSummary | null, inputs: CompareInputs | null, alpha: number): Promise<void> {
    await this.runAndSave(async (signal) => {
      if (!inputs) throw new DataError('Nothing to compare yet: the Data, Problem, Split and Train cells above must have run.');
      if (!runA || !runB) throw new DataError('Train at least two models to compare, then pick run A and run B.');
      if (runA.id === runB.id) throw new DataError(`A and B are both “${runA.label}”: pick two different runs to compare.`);
      const task = inputs.problem.task as SupervisedTask;
      const [predictionsA, predictionsB] = await Promise.all([this.#predict(runA, inputs, signal), this.#predict(runB, inputs, signal)]);
      const report = assembleComparison({
        task, primaryMetric: inputs.problem.primaryMetric, alpha,
        runA: { id: runA.id, label: runA.label, cv: runA.metrics.cv }, runB: { id: runB.id, label: runB.label, cv: runB.metrics.cv },
        predictionsA, predictionsB, folds: describeFoldSizes(inputs.split.folds),
      });
      return {
        version: 1, key: describeComparisonKey(runA.id, runB.id, alpha), task, primaryMetric: inputs.problem.primaryMetric, alpha,
        a: { id: runA.id, label: runA.label, positive: findPositiveClass(inputs.problem, runA.classes), predictions: predictionsA },
        b: { id: runB.id, label: runB.label, positive: findPositiveClass(inputs.problem, runB.classes), predictions: predictionsB },
        report,
      };
    }, { cancelNotice: 'Comparison cancelled.' });
  }

  async #predict(run: RunSummary, inputs: CompareInputs, signal: AbortSignal): Promise<RunPredictions> {
    const { dataset, problem, split } = inputs;
    return getTrainingPool().run(async (api: Remote<TrainingApi>) => {
      if (!(await api.hasTable(dataset.key))) await api.putTable(dataset.key, await copyTableForTransfer(dataset.table));
      return api.predictStoredRun(dataset.key, split.validation, this.notebook.storedRun(run.id), JSON.parse(JSON.stringify(problem)) as ProblemSpec);
    }, signal);
  }
}
