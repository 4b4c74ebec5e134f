// The sentences the Explain cell shows (what SHAP values add up to, progress, the additivity check) and the row
// picker's bounds: UI wording only; the job, its options and its result live in core/explain.

import type { ExplainProgress, ExplainResult } from '../core/explain/explain-result';

/** Largest |base + Σφ − prediction| that still counts as adding up. */
export const ADDITIVITY_TOLERANCE = 1e-6;

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

/** `row` kept within the explained rows (0 when there are none). */
export function clampRow(row: number, rows: number): number {
  return rows === 0 || !Number.isFinite(row) ? 0 : Math.min(rows - 1, Math.max(0, Math.floor(row)));
}
