// The Evaluate cell's runner: the picked run (else the leaderboard's best) predicts the validation rows and the
// predictions are scored where the table is — the metric table and the primary metric's interval. The threshold,
// the final evaluation on the test part and the learning curve are the view's edits of this output.

import { findPositiveClass } from '../../../train/score-model';
import type { PartScores } from '../../../evaluate/score-held-out';
import type { RunPredictions } from '../../../evaluate/run-predictions';
import type { LearningCurve } from '../../../train/compute-learning-curve';
import type { SupervisedTask } from '../../../problem/types';
import type { MetricId } from '../../../problem/metrics';
import type { CellRunner } from '../runner';
import { requireInput } from '../runner';
import { checkPickedRun, checkSupervised, findPickedRun, requirePickedRun } from './pick-run';

/** The Evaluate cell's output: the run's validation predictions and scores, and what the view added to them. */
export interface EvaluateOutput {
  /** The dataset key the predictions' rows index (slices, fairness and worst rows read its columns). */
  readonly datasetKey: string;
  readonly runId: string;
  readonly runLabel: string;
  readonly task: SupervisedTask;
  /** Class index scored as positive (binary). */
  readonly positive: number;
  readonly primaryMetric: MetricId;
  readonly predictions: RunPredictions;
  readonly validation: PartScores;
  /** Only set by an explicit final evaluation (which the Split cell counts). */
  readonly test: (PartScores & { readonly evaluatedAt: number }) | null;
  /** Set by "Learning curve" (refits of this run on shares of the training rows). */
  readonly learningCurve: LearningCurve | null;
}

export const evaluateRunner: CellRunner<'evaluate', EvaluateOutput> = {
  kind: 'evaluate',
  inputs: ['dataset', 'split', 'model', 'problem'],
  optional: [],
  publishes: null,
  outputVersion: 1,
  auto: false,
  check(spec, inputs) {
    return checkSupervised(requireInput(inputs, 'problem')) ?? checkPickedRun(inputs, spec.runId);
  },
  describeInputs(spec, inputs) {
    const runId = findPickedRun(inputs, spec.runId)?.id ?? 'none';
    return `${requireInput(inputs, 'split').key}|run=${runId}|${JSON.stringify(requireInput(inputs, 'problem'))}`;
  },
  async run(spec, inputs, context) {
    const problem = requireInput(inputs, 'problem');
    const run = requirePickedRun(inputs, spec.runId);
    context.onProgress({ message: `Predicting the validation rows with ${run.label}` });
    const { predictions, scores } = await context.compute.evaluateRun(requireInput(inputs, 'dataset').key, requireInput(inputs, 'split').validation, run.id, problem, context);
    const previous = context.previous;
    return {
      datasetKey: requireInput(inputs, 'dataset').key, runId: run.id, runLabel: run.label, task: problem.task as SupervisedTask, positive: findPositiveClass(problem, run.classes), primaryMetric: problem.primaryMetric,
      predictions, validation: scores,
      test: previous?.runId === run.id ? previous.test : null,
      learningCurve: previous?.runId === run.id ? previous.learningCurve : null,
    };
  },
  summarize: (output) => ({
    run: output.runLabel,
    rows: output.validation.rows,
    metrics: Object.fromEntries(output.validation.metrics.map((row) => [row.id, row.value.value])),
    primary: { metric: output.primaryMetric, value: output.validation.primary.value, low: output.validation.primary.low, high: output.validation.primary.high },
    ...(output.test ? { test: Object.fromEntries(output.test.metrics.map((row) => [row.id, row.value.value])) } : {}),
  }),
};
