// Schemas of the Prepare cell's pipeline steps, one per step kind (core/transform/step-types.ts is the truth:
// `satisfies` makes the compiler list every kind and check each schema's output against its step type).
// Ranges follow the Prepare form (ui/cells/prepare/step-fields.ts); fitting checks the rest against the data.

import * as v from 'valibot';
import type { StepKind, StepOf } from '../../transform/step-types';
import { atLeast, between, finiteNumber, integer, integerFrom, oneOf, texts } from './schema-rules';

const RULE_KINDS = ['numeric', 'categorical', 'boolean', 'datetime', 'missing', 'name'] as const;

const columnRule = v.pipe(
  v.object({
    rule: oneOf(RULE_KINDS),
    pattern: v.optional(v.string()),
    onlyMissing: v.optional(v.boolean()),
    exclude: v.optional(texts),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed || dataset.value.rule !== 'name' || (dataset.value.pattern ?? '') !== '') return;
    const path = [{ type: 'object', origin: 'value', input: dataset.value, key: 'pattern', value: dataset.value.pattern }] as const;
    addIssue({ message: 'must be given when the rule is "name"', input: undefined, path: [...path] });
  }),
);

/** A list of column names, or a column rule `{ rule, pattern?, onlyMissing?, exclude? }`. */
const columns = v.lazy((input) => (Array.isArray(input) ? texts : columnRule));

const base = <K extends StepKind>(kind: K) => ({ kind: v.literal(kind), id: v.string() });

/** Every step kind's schema. */
export const STEP_SCHEMAS = {
  drop: v.object({ ...base('drop'), columns }),
  cast: v.object({ ...base('cast'), columns, to: oneOf(['numeric', 'categorical', 'datetime', 'boolean', 'text']) }),
  impute: v.object({
    ...base('impute'),
    columns,
    strategy: oneOf(['mean', 'median', 'most_frequent', 'constant']),
    fillValue: v.optional(v.union([finiteNumber, v.string()], 'must be a number or text')),
    addIndicator: v.optional(v.boolean()),
  }),
  scale: v.object({
    ...base('scale'),
    columns,
    method: oneOf(['standard', 'minmax', 'robust', 'quantile_uniform', 'quantile_normal']),
    nQuantiles: v.optional(integerFrom(2)),
  }),
  log1p: v.object({ ...base('log1p'), columns }),
  yeo_johnson: v.object({ ...base('yeo_johnson'), columns, standardize: v.optional(v.boolean()) }),
  one_hot: v.object({
    ...base('one_hot'),
    columns,
    maxCategories: v.optional(integerFrom(2)),
    minFrequency: v.optional(atLeast(0)),
    handleUnknown: v.optional(oneOf(['ignore', 'infrequent_if_exist'])),
    drop: v.optional(oneOf(['none', 'first', 'if_binary'])),
  }),
  ordinal: v.object({ ...base('ordinal'), columns }),
  target_encode: v.object({
    ...base('target_encode'),
    columns,
    target: v.string(),
    smoothing: v.optional(v.union([v.literal('auto'), atLeast(0)], 'must be "auto" or a number of at least 0')),
    folds: v.optional(integerFrom(2)),
    seed: v.optional(integer),
  }),
  bin: v.object({ ...base('bin'), columns, method: oneOf(['uniform', 'quantile']), nBins: integerFrom(2) }),
  date_parts: v.object({
    ...base('date_parts'),
    columns,
    parts: v.array(oneOf(['year', 'month', 'day', 'weekday', 'hour', 'is_weekend', 'days_since'])),
    dropOriginal: v.optional(v.boolean()),
  }),
  derive: v.object({ ...base('derive'), name: v.string(), expression: v.string() }),
  filter: v.object({ ...base('filter'), expression: v.string() }),
  dedupe: v.object({ ...base('dedupe') }),
  cap_outliers: v.object({
    ...base('cap_outliers'),
    columns,
    method: oneOf(['percentile', 'iqr']),
    lower: v.optional(between(0, 100)),
    upper: v.optional(between(0, 100)),
    iqrMultiplier: v.optional(atLeast(0)),
  }),
  resample: v.object({
    ...base('resample'),
    method: oneOf(['class_weights', 'oversample', 'undersample', 'smote']),
    target: v.string(),
    seed: v.optional(integer),
    neighbors: v.optional(integerFrom(1)),
  }),
} satisfies { [K in StepKind]: v.GenericSchema<unknown, StepOf<K>> };

const STEP_KINDS = Object.keys(STEP_SCHEMAS) as StepKind[];

/** One pipeline step, chosen by its `kind`; an unknown kind names the known ones. */
export const pipelineStep = v.variant('kind', Object.values(STEP_SCHEMAS), `must be one of ${STEP_KINDS.map((kind) => `"${kind}"`).join(', ')}`);
