// The Compare cell's runner: runs A and B (the picks, else the two best of the board) predict the validation rows
// and are tested against each other — McNemar or a paired t-test of absolute errors on those rows, plain and
// corrected t-tests over matching CV folds. The board's order is the view's; the pair and alpha are inputs.

import { assembleComparison, describeFoldSizes, type ComparisonReport } from '../../../compare/assemble-comparison';
import { buildCompareBoard, describePickProblem, resolvePicks } from '../../../compare/build-compare-board';
import type { RunPredictions } from '../../../evaluate/run-predictions';
import type { MetricId } from '../../../problem/metrics';
import type { SupervisedTask } from '../../../problem/types';
import { findPositiveClass } from '../../../train/score-model';
import type { RunSummary } from '../../../train/types';
import type { CompareCellSpec } from '../../types';
import type { CellInputs } from '../artifacts';
import type { CellRunner } from '../runner';
import { requireInput } from '../runner';
import { checkSupervised } from './pick-run';

/** One compared run as kept: its id, label and validation predictions (positive = the class index ROC/PR score). */
export interface ComparedSide {
  readonly id: string;
  readonly label: string;
  readonly positive: number;
  readonly predictions: RunPredictions;
}

/** The Compare cell's output: both runs' validation predictions and the report of the tests. */
export interface CompareOutput {
  readonly task: SupervisedTask;
  readonly primaryMetric: MetricId;
  readonly alpha: number;
  readonly a: ComparedSide;
  readonly b: ComparedSide;
  readonly report: ComparisonReport;
}

/** Runs A and B as the spec picks them (else the board's best two), or why they cannot be compared. */
export function pickPair(spec: CompareCellSpec, inputs: CellInputs): { a: RunSummary; b: RunSummary } | { waiting: string } {
  const { runs } = requireInput(inputs, 'model');
  const board = buildCompareBoard(runs, requireInput(inputs, 'problem').primaryMetric, spec.sortBy, spec.rankBy);
  const picks = resolvePicks(board, spec.runA, spec.runB);
  const problem = describePickProblem(board, picks.runA, picks.runB);
  if (problem !== null) return { waiting: problem };
  return { a: runs.find((run) => run.id === picks.runA)!, b: runs.find((run) => run.id === picks.runB)! };
}

export const compareRunner: CellRunner<'compare', CompareOutput> = {
  kind: 'compare',
  inputs: ['dataset', 'split', 'model', 'problem'],
  optional: [],
  publishes: null,
  outputVersion: 1,
  auto: false,
  check(spec, inputs) {
    const pair = pickPair(spec, inputs);
    return checkSupervised(requireInput(inputs, 'problem')) ?? ('waiting' in pair ? pair.waiting : null);
  },
  describeInputs(spec, inputs) {
    const pair = pickPair(spec, inputs);
    const ids = 'a' in pair ? `${pair.a.id}|${pair.b.id}` : 'none';
    return `${requireInput(inputs, 'split').key}|${ids}|alpha=${spec.alpha}|${JSON.stringify(requireInput(inputs, 'problem'))}`;
  },
  async run(spec, inputs, context) {
    const problem = requireInput(inputs, 'problem');
    const split = requireInput(inputs, 'split');
    const datasetKey = requireInput(inputs, 'dataset').key;
    const pair = pickPair(spec, inputs);
    if ('waiting' in pair) throw new Error(pair.waiting);
    const { a, b } = pair;
    context.onProgress({ message: `Predicting the validation rows with ${a.label} and ${b.label}` });
    const [predictionsA, predictionsB] = await Promise.all([a, b].map((run) => context.compute.predictRun(datasetKey, split.validation, run.id, problem, context)));
    const task = problem.task as SupervisedTask;
    const report = assembleComparison({
      task, primaryMetric: problem.primaryMetric, alpha: spec.alpha,
      runA: { id: a.id, label: a.label, cv: a.metrics.cv }, runB: { id: b.id, label: b.label, cv: b.metrics.cv },
      predictionsA, predictionsB, folds: describeFoldSizes(split.folds),
    });
    return {
      task, primaryMetric: problem.primaryMetric, alpha: spec.alpha, report,
      a: { id: a.id, label: a.label, positive: findPositiveClass(problem, a.classes), predictions: predictionsA },
      b: { id: b.id, label: b.label, positive: findPositiveClass(problem, b.classes), predictions: predictionsB },
    };
  },
  summarize: ({ a, b, report }) => ({ a: a.label, b: b.label, report }),
};
