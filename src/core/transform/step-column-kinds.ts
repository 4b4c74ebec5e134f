// Which column kinds each step can work on: a rule only ever picks columns of these kinds, and the Prepare
// cell's column picker offers only them. Kept apart from the step files so the steps stay unaware of rules.

import type { ColumnKind } from '../table/types';
import type { PipelineStep, StepKind } from './step-types';

const NUMERIC: readonly ColumnKind[] = ['numeric'];
const CATEGORY: readonly ColumnKind[] = ['categorical', 'text', 'boolean'];

/** Kinds a step of this kind reads from its columns; 'any' for every kind; null when the step has no columns. */
export const STEP_COLUMN_KINDS: { readonly [K in StepKind]: readonly ColumnKind[] | 'any' | null } = {
  drop: 'any',
  cast: 'any',
  impute: 'any',
  scale: NUMERIC,
  log1p: NUMERIC,
  yeo_johnson: NUMERIC,
  bin: NUMERIC,
  cap_outliers: NUMERIC,
  one_hot: CATEGORY,
  ordinal: CATEGORY,
  target_encode: CATEGORY,
  date_parts: ['datetime'],
  derive: null,
  filter: null,
  dedupe: null,
  resample: null,
};

/** The kinds `step` accepts as configured: a mean or median imputation needs numbers (or datetimes). */
export function listStepColumnKinds(step: PipelineStep): readonly ColumnKind[] | 'any' | null {
  if (step.kind === 'impute' && (step.strategy === 'mean' || step.strategy === 'median')) return ['numeric', 'datetime'];
  return STEP_COLUMN_KINDS[step.kind];
}
