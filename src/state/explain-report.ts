// What the Explain cell works out on the main thread (all cheap): the job's options from the spec, the key that
// tells whether the saved explanation still matches them, what is missing upstream, and the sentences it shows.

import type { ShapValues } from '../core/explain/compute-tree-shap';
import type { ExplainCellSpec } from '../core/notebook/types';
import type { ProblemSpec } from '../core/problem/types';
import type { ExplainOptions, ExplainProgress, ExplainResult } from '../workers/explain-run';

/** Seed of every random choice of an explanation (shuffles, SHAP rows, background, ICE rows). */
export const EXPLAIN_SEED = 20261122;

/** Largest |base + Σφ − prediction| that still counts as adding up. */
export const ADDITIVITY_TOLERANCE = 1e-6;

/** The worker options of `spec`; the multiclass class is looked up by label among the run's classes (unknown → the first). */
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

/** "probability of “yes”", "log-odds margin of “yes”" or "predicted value": what SHAP values add up to. */
export function describeOutputSpace(space: NonNullable<ExplainResult['shap']>['space'], explainedClass: ExplainResult['explainedClass']): string {
  const of = explainedClass ? ` of “${explainedClass.label}”` : '';
  if (space === 'probability') return `probability${of}`;
  if (space === 'margin') return explainedClass ? `log-odds margin${of}` : 'raw margin';
  return 'predicted value';
}

/** One line for the progress bar, e.g. "Permutation importance: 12 of 30 features". */
export function describeProgress(progress: ExplainProgress | null): string {
  if (!progress) return 'Starting…';
  const { stage, done, total } = progress;
  if (stage === 'importance') return `Permutation importance: ${done} of ${total} features`;
  if (stage === 'shap') return `SHAP values: ${done} of ${total} rows`;
  return `Partial dependence: ${done} of ${total} features`;
}

/** The additivity line of one explained row: "base + contributions = prediction ✓", or how far off it is. */
export function describeAdditivity(baseValue: number, contributions: number, prediction: number): string {
  const sum = baseValue + contributions;
  const format = (value: number) => value.toPrecision(4);
  const gap = Math.abs(sum - prediction);
  if (!Number.isFinite(gap)) return 'The model returned a non-finite output for this row; its SHAP values cannot be checked.';
  const head = `base ${format(baseValue)} + contributions ${format(contributions)} = ${format(sum)}`;
  return gap <= ADDITIVITY_TOLERANCE ? `${head} = prediction ${format(prediction)} ✓` : `${head}, but the prediction is ${format(prediction)} (off by ${gap.toExponential(1)}) ✗`;
}

/** The saved SHAP section as core's ShapValues (one output), for rankShapImportance, beeswarm and waterfall. */
export function toShapValues(result: ExplainResult): ShapValues | null {
  const shap = result.shap;
  if (!shap) return null;
  return {
    rows: shap.rows.length, features: result.featureNames.length, outputs: 1, featureNames: result.featureNames,
    space: shap.space, baseValue: [shap.baseValue], values: shap.values,
  };
}

/** The explained rows' feature values as the FeatureMatrix the beeswarm reads. */
export function readExplainedRows(result: ExplainResult): { values: Float64Array; rows: number; cols: number; featureNames: string[] } | null {
  const shap = result.shap;
  return shap ? { values: shap.featureValues, rows: shap.rows.length, cols: result.featureNames.length, featureNames: result.featureNames } : null;
}

/** `row` kept within the explained rows (0 when there are none). */
export function clampRow(row: number, rows: number): number {
  return rows === 0 || !Number.isFinite(row) ? 0 : Math.min(rows - 1, Math.max(0, Math.floor(row)));
}
