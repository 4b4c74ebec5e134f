// Registry of step kinds: kind → its fit/apply definition. Adding a step is one file plus one line here.

import type { Table } from '../table/types';
import type { StepReport } from './fitted-types';
import type { StepDefinition, StepOutput } from './step-context';
import type { ResolvedStep, StepKind, StepOf } from './step-types';
import { binStep } from './steps/bin';
import { capOutliersStep } from './steps/cap-outliers';
import { castStep } from './steps/cast';
import { datePartsStep } from './steps/date-parts';
import { dedupeStep } from './steps/dedupe';
import { deriveStep } from './steps/derive';
import { dropStep } from './steps/drop';
import { filterStep } from './steps/filter-rows';
import { imputeStep } from './steps/impute';
import { log1pStep } from './steps/log1p';
import { oneHotStep } from './steps/one-hot';
import { ordinalStep } from './steps/ordinal';
import { scaleStep } from './steps/scale';
import { targetEncodeStep } from './steps/target-encode';
import { yeoJohnsonStep } from './steps/yeo-johnson';

type FeatureKind = Exclude<StepKind, 'resample'>;

// State types differ per kind; the registry erases them (fit's output is only ever fed back to apply).
interface ErasedDefinition<S> {
  fit(step: S, train: Table): unknown;
  apply(step: S, state: never, table: Table, report: StepReport, mode: 'fit' | 'transform'): StepOutput;
}

const DEFINITIONS: { [K in FeatureKind]: ErasedDefinition<ResolvedStep<StepOf<K>>> } = {
  drop: dropStep,
  cast: castStep,
  impute: imputeStep,
  scale: scaleStep,
  log1p: log1pStep,
  yeo_johnson: yeoJohnsonStep,
  one_hot: oneHotStep,
  ordinal: ordinalStep,
  target_encode: targetEncodeStep,
  bin: binStep,
  date_parts: datePartsStep,
  derive: deriveStep,
  filter: filterStep,
  dedupe: dedupeStep,
  cap_outliers: capOutliersStep,
};

/** The definition of a feature step kind (every kind but 'resample'); it takes the step with its columns resolved. */
export function getStepDefinition<K extends FeatureKind>(kind: K): StepDefinition<ResolvedStep<StepOf<K>>, unknown> {
  return DEFINITIONS[kind] as unknown as StepDefinition<ResolvedStep<StepOf<K>>, unknown>;
}
