// The config form of each step kind as data: which fields it has and when each shows — so one generic form
// renders every step, and edits go through `setStepField`. (The column kinds a picker offers are core's.)

import type { PipelineStep, StepKind } from '../../../core/transform/step-types';

type Choices = readonly (readonly [string, string])[];

/** One form field of a step; `when` hides it unless the step matches (e.g. fill value only for 'constant'). */
export type StepField = { readonly key: string; readonly label: string; readonly when?: (step: PipelineStep) => boolean } & (
  | { readonly type: 'select'; readonly choices: Choices }
  | { readonly type: 'number'; readonly min?: number; readonly max?: number; readonly optional?: boolean }
  | { readonly type: 'checkbox' }
  | { readonly type: 'column' }
  | { readonly type: 'text' }
  | { readonly type: 'expression' }
  | { readonly type: 'fill' }
  | { readonly type: 'parts'; readonly choices: readonly string[] }
);

const has = (key: string, value: string) => (step: PipelineStep) => (step as unknown as Record<string, unknown>)[key] === value;
const isQuantile = (step: PipelineStep) => step.kind === 'scale' && step.method.startsWith('quantile');

export const STEP_FIELDS: { readonly [K in StepKind]: readonly StepField[] } = {
  drop: [],
  cast: [
    { key: 'to', label: 'New type', type: 'select', choices: [['numeric', 'Numeric'], ['categorical', 'Categorical'], ['datetime', 'Date/time'], ['boolean', 'Boolean'], ['text', 'Text']] },
  ],
  impute: [
    { key: 'strategy', label: 'Strategy', type: 'select', choices: [['mean', 'Mean'], ['median', 'Median'], ['most_frequent', 'Most frequent'], ['constant', 'Constant']] },
    { key: 'fillValue', label: 'Fill value', type: 'fill', when: has('strategy', 'constant') },
    { key: 'addIndicator', label: 'Add missing indicator', type: 'checkbox' },
  ],
  scale: [
    { key: 'method', label: 'Method', type: 'select', choices: [['standard', 'Standard (z-score)'], ['minmax', 'Min–max'], ['robust', 'Robust (median, IQR)'], ['quantile_uniform', 'Quantile → uniform'], ['quantile_normal', 'Quantile → normal']] },
    { key: 'nQuantiles', label: 'Quantiles', type: 'number', min: 2, optional: true, when: isQuantile },
  ],
  log1p: [],
  yeo_johnson: [{ key: 'standardize', label: 'Standardize after', type: 'checkbox' }],
  one_hot: [
    { key: 'maxCategories', label: 'Max categories', type: 'number', min: 2, optional: true },
    { key: 'minFrequency', label: 'Min frequency', type: 'number', min: 0, optional: true },
    { key: 'handleUnknown', label: 'Unseen categories', type: 'select', choices: [['infrequent_if_exist', '→ "other" column'], ['ignore', '→ all zeros']] },
    // 'none' first: a step without the field (every step saved before it existed) shows what it does.
    { key: 'drop', label: 'Drop', type: 'select', choices: [['none', 'None (a column per category)'], ['first', 'First column (unpenalised linear models)'], ['if_binary', 'First, if only two columns']] },
  ],
  ordinal: [],
  target_encode: [
    { key: 'target', label: 'Target', type: 'column' },
    { key: 'folds', label: 'Inner folds', type: 'number', min: 2 },
    { key: 'seed', label: 'Seed', type: 'number' },
  ],
  bin: [
    { key: 'method', label: 'Method', type: 'select', choices: [['uniform', 'Equal width'], ['quantile', 'Quantile']] },
    { key: 'nBins', label: 'Bins', type: 'number', min: 2 },
  ],
  date_parts: [
    { key: 'parts', label: 'Parts', type: 'parts', choices: ['year', 'month', 'day', 'weekday', 'hour', 'is_weekend', 'days_since'] },
    { key: 'dropOriginal', label: 'Drop the original column', type: 'checkbox' },
  ],
  derive: [
    { key: 'name', label: 'New column', type: 'text' },
    { key: 'expression', label: 'Expression', type: 'expression' },
  ],
  filter: [{ key: 'expression', label: 'Keep rows where', type: 'expression' }],
  dedupe: [],
  cap_outliers: [
    { key: 'method', label: 'Bounds', type: 'select', choices: [['iqr', 'Tukey fences (k·IQR)'], ['percentile', 'Percentiles']] },
    { key: 'iqrMultiplier', label: 'k', type: 'number', min: 0, optional: true, when: has('method', 'iqr') },
    { key: 'lower', label: 'Lower %', type: 'number', min: 0, max: 100, optional: true, when: has('method', 'percentile') },
    { key: 'upper', label: 'Upper %', type: 'number', min: 0, max: 100, optional: true, when: has('method', 'percentile') },
  ],
  resample: [
    { key: 'method', label: 'Method', type: 'select', choices: [['class_weights', 'Class weights'], ['oversample', 'Random over-sampling'], ['undersample', 'Random under-sampling'], ['smote', 'SMOTE']] },
    { key: 'target', label: 'Target', type: 'column' },
    { key: 'seed', label: 'Seed', type: 'number' },
    { key: 'neighbors', label: 'Neighbours', type: 'number', min: 1, optional: true, when: has('method', 'smote') },
  ],
};

/** `step` with field `key` set to `value`; `undefined` removes an optional field. */
export function setStepField(step: PipelineStep, key: string, value: unknown): PipelineStep {
  const next = { ...step } as Record<string, unknown>;
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next as unknown as PipelineStep;
}

/** A constant fill value from its text: a number when the text is one, else the text itself. */
export function readFillValue(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
}
