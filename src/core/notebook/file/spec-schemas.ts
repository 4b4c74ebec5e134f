// Schemas of every cell kind's spec (core/notebook/types.ts CellSpecs is the truth: `satisfies` makes the
// compiler list every kind and check each schema's output against its spec type). They accept whatever the
// cells' forms can save; what only the data can decide (a target that exists…) is checked when a cell runs.

import * as v from 'valibot';
import { findFamilyInfo, MODEL_CATALOG } from '../../models/catalog';
import { readParams } from '../../models/read-params';
import { METRIC_IDS, METRICS } from '../../problem/metrics';
import { COLUMN_KINDS } from '../../table/types';
import type { CellKind, CellSpecs, ColumnOverride, DatasetId } from '../types';
import { between, finiteNumber, integer, integerFrom, nullableText, oneOf, strictlyBetween, texts } from './schema-rules';
import { pipelineStep } from './step-schemas';

const OVERRIDES = [...COLUMN_KINDS, 'excluded'] as const;

/**
 * Column name → override. Checked key by key in place rather than with v.record, which drops the keys
 * "__proto__", "constructor" and "prototype" — and a column may be named so.
 */
const columnOverrides = v.pipe(
  v.custom<Record<string, ColumnOverride>>((input) => input !== null && typeof input === 'object' && !Array.isArray(input), 'must be an object'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const input = dataset.value;
    for (const [key, value] of Object.entries(input)) {
      if ((OVERRIDES as readonly unknown[]).includes(value)) continue;
      addIssue({ message: `must be one of ${OVERRIDES.map((o) => `"${o}"`).join(', ')}`, input: value, path: [{ type: 'object', origin: 'value', input, key, value }] });
    }
  }),
);

// The metrics a Problem cell can choose (report-only ones are Evaluate's table alone).
const metricId = oneOf(METRIC_IDS.filter((id) => !METRICS[id].reportOnly));

const fractions = v.pipe(
  v.object({ train: between(0, 1), validation: between(0, 1), test: between(0, 1) }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed || dataset.issues) return; // a share out of range is reported on its own
    const sum = dataset.value.train + dataset.value.validation + dataset.value.test;
    // The Split form stores shares of 0.1 % steps; float error from adding them is expected.
    if (Math.abs(sum - 1) > 1e-6) addIssue({ message: 'must add up to 1 (train + validation + test)', input: Math.round(sum * 1e6) / 1e6 });
  }),
);

const FAMILY_KINDS = MODEL_CATALOG.map((family) => family.kind);

/** A Train candidate: a known family, and hyperparameters its schema accepts (core/models/read-params.ts). */
const candidate = v.pipe(
  v.object({ family: oneOf(FAMILY_KINDS), params: v.record(v.string(), v.union([v.number(), v.string(), v.boolean()], 'must be a number, text or true/false')) }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { family, params } = dataset.value;
    try {
      readParams(family, findFamilyInfo(family)?.params ?? [], params);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      addIssue({ message: `are not accepted: ${message}`, input: undefined, path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'params', value: params }] });
    }
  }),
);

/** Every cell kind's spec schema. */
/** One parameter of a Tune cell's space as the user edited it. */
const paramEdit = v.variant('mode', [
  v.object({ mode: v.literal('range'), min: finiteNumber, max: finiteNumber, log: v.boolean() }),
  v.object({ mode: v.literal('options'), options: v.array(v.union([v.string(), v.boolean()])) }),
  v.object({ mode: v.literal('fixed'), value: v.union([finiteNumber, v.string(), v.boolean()]) }),
]);

export const CELL_SPEC_SCHEMAS = {
  data: v.object({
    datasetId: v.nullable(v.pipe(v.string('must be text or null'), v.transform((id) => id as DatasetId))),
    sourceLabel: nullableText,
    options: v.object({
      format: oneOf(['auto', 'csv', 'tsv', 'json', 'parquet', 'prediction-log']),
      delimiter: oneOf(['auto', ',', ';', '\t', '|']),
      encoding: oneOf(['auto', 'utf-8', 'windows-1252']),
      missingTokens: texts,
    }),
    columnOverrides,
  }),
  problem: v.object({
    target: nullableText,
    task: oneOf(['binary', 'multiclass', 'regression', 'clustering']),
    positiveClass: v.optional(v.string()),
    primaryMetric: metricId,
    secondaryMetrics: v.array(metricId),
    costs: v.optional(v.object({ truePositive: finiteNumber, falsePositive: finiteNumber, falseNegative: finiteNumber, trueNegative: finiteNumber })),
    baseline: v.optional(v.string()),
    successCriterion: v.optional(v.object({ metric: metricId, op: oneOf(['>=', '<=']), value: finiteNumber })),
  }),
  profile: v.object({
    correlation: oneOf(['pearson', 'spearman', 'cramersV', 'correlationRatio']),
    scatterX: nullableText,
    scatterY: nullableText,
    boxValue: nullableText,
    boxBy: nullableText,
  }),
  split: v.object({
    strategy: oneOf(['auto', 'random', 'stratified', 'temporal', 'grouped']),
    fractions,
    seed: integer,
    target: nullableText,
    timeColumn: nullableText,
    gapDays: between(0, 36_500),
    groupColumn: nullableText,
    cv: v.nullable(v.object({ kind: oneOf(['kfold', 'stratified', 'group', 'timeseries']), k: integerFrom(2, 50) })),
    finalEvaluations: integerFrom(0),
  }),
  prepare: v.object({ steps: v.array(pipelineStep) }),
  train: v.object({
    candidates: v.array(candidate),
    tryAll: v.boolean(),
    crossValidate: v.boolean(),
    autoPrepare: v.boolean(),
    seed: integer,
    backend: oneOf(['auto', 'webgpu', 'webgl', 'wasm', 'cpu']),
    // Absent in notebooks saved before streamed training: the sample, as then.
    rows: v.optional(oneOf(['sample', 'streamed'])),
  }),
  tune: v.object({
    mode: oneOf(['family', 'auto']),
    family: v.pipe(v.string(), v.check((kind) => findFamilyInfo(kind) !== undefined, 'must be a known model family')),
    // Each edit is checked against the family's schema when the cell runs (it names the parameter and the fix).
    space: v.record(v.string(), paramEdit),
    strategy: oneOf(['grid', 'random', 'bayes']),
    gridSteps: integerFrom(2, 20),
    trials: integerFrom(1, 10_000),
    budgetSeconds: between(0, 86_400),
    halving: v.boolean(),
    objective: oneOf(['cv', 'validation']),
    useBest: v.nullable(oneOf(['train', 'train+validation'])),
    ensemble: v.boolean(),
    autoPrepare: v.boolean(),
    seed: integer,
  }),
  evaluate: v.object({
    runId: nullableText,
    threshold: between(0, 1),
    normalize: v.boolean(),
    sliceColumn: nullableText,
    sliceMetric: nullableText,
    sensitiveColumn: nullableText,
    calibration: oneOf(['none', 'platt', 'isotonic']),
  }),
  explain: v.object({
    runId: nullableText,
    repeats: integerFrom(1, 100),
    shapRows: integerFrom(1, 5000),
    row: integerFrom(0),
    pdFeatures: integerFrom(0, 20),
    explainedClass: nullableText,
  }),
  compare: v.object({
    sortBy: nullableText,
    rankBy: oneOf(['validation', 'cv']),
    runA: nullableText,
    runB: nullableText,
    alpha: strictlyBetween(0, 1),
  }),
  predict: v.object({
    runId: nullableText,
    source: oneOf(['validation', 'test', 'file']),
    file: v.nullable(v.object({ datasetId: v.pipe(v.string(), v.transform((id) => id as DatasetId)), name: v.string() })),
  }),
  export: v.object({
    runId: nullableText,
    name: v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be 1–64 letters, digits, - or _, starting with a letter or digit')),
  }),
  monitor: v.pipe(
    v.object({
      model: nullableText,
      version: v.nullable(integerFrom(1)),
      psiWarn: strictlyBetween(0, 10),
      psiAlert: strictlyBetween(0, 10),
      performanceTolerance: between(0, 1),
    }),
    v.check((spec) => spec.psiWarn < spec.psiAlert, 'psiWarn must be below psiAlert'),
  ),
  retrain: v.object({
    when: oneOf(['always', 'on-alert']),
    data: oneOf(['batch', 'window', 'append']),
    windowRows: integerFrom(10),
    holdoutFraction: strictlyBetween(0, 1),
    delta: between(0, 1e9),
    sliceColumn: nullableText,
    sliceTolerance: between(0, 1e9),
    promote: oneOf(['auto', 'confirm']),
    seed: integer,
  }),
  code: v.object({ source: v.string(), timeLimitSeconds: between(1, 600) }),
  note: v.object({ markdown: v.string() }),
} satisfies { [K in CellKind]: v.GenericSchema<unknown, CellSpecs[K]> };

/** The known cell kinds, in the registry's order. */
export const FILE_CELL_KINDS = Object.keys(CELL_SPEC_SCHEMAS) as CellKind[];

/** True when `kind` is a cell kind this build knows. */
export function isCellKind(kind: unknown): kind is CellKind {
  return typeof kind === 'string' && Object.hasOwn(CELL_SPEC_SCHEMAS, kind);
}
