// How an Explain cell's spec becomes the job's options, the key that tells whether a saved explanation still
// matches them, and what the cells above must provide before it can run.

import type { ExplainCellSpec } from '../notebook/types';
import type { ProblemSpec } from '../problem/types';
import type { ExplainOptions } from './explain-result';

/** Seed of every random choice of an explanation (shuffles, SHAP rows, background, ICE rows). */
export const EXPLAIN_SEED = 20261122;

/** The job's options from `spec`; the multiclass class is looked up by label among the run's classes (unknown → the first). */
export function readExplainOptions(spec: ExplainCellSpec, classes: readonly string[] | undefined): ExplainOptions {
  const index = spec.explainedClass !== null && classes ? classes.indexOf(spec.explainedClass) : -1;
  return { repeats: spec.repeats, shapRows: spec.shapRows, pdFeatures: spec.pdFeatures, seed: EXPLAIN_SEED, classIndex: index >= 0 ? index : null };
}

/** The saved output's input key: which run, with which options. */
export function describeExplanationKey(runId: string, options: ExplainOptions): string {
  const { repeats, shapRows, pdFeatures, seed, classIndex } = options;
  return `${runId}|repeats=${repeats}|rows=${shapRows}|pd=${pdFeatures}|class=${classIndex ?? 'default'}|seed=${seed}`;
}

/** What the cells above still lack, as a sentence naming the cell to add or run; null when the cell can run. */
export function describeExplainWaiting(upstream: { hasDataset: boolean; problem: ProblemSpec | null; hasSplit: boolean; hasTrainCell: boolean; runCount: number }): string | null {
  const { hasDataset, problem, hasSplit, hasTrainCell, runCount } = upstream;
  if (!hasDataset) return 'Add a Data cell above this one.';
  if (!problem || problem.target === null || problem.task === 'clustering') return 'Add a Problem cell above with a target (a supervised task): explanations measure how features drive predictions of it.';
  if (!hasSplit) return 'Add and run a Split cell above: models are explained on its validation rows.';
  if (!hasTrainCell) return 'Add a Train cell above: this cell explains its stored runs.';
  if (runCount === 0) return 'Train a model in the Train cell above.';
  return null;
}
