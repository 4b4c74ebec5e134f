// The schema of the model versions a notebook file carries (`models`): a model's name, each version's number,
// stage and time, and its whole run — checked where a Monitor or Retrain cell relies on it (ids, task, metrics,
// model kind, fitted pipeline, input contract, provenance), every other field of the run passed on untouched.

import * as v from 'valibot';
import type { MonitorHistoryEntry } from '../../monitor/monitor-history';
import { METRIC_IDS } from '../../problem/metrics';
import { checkModelName, STAGES } from '../../registry/stage-rules';
import { COLUMN_KINDS } from '../../table/types';
import type { TrainedRun } from '../../train/types';
import { CELL_SPEC_SCHEMAS } from './spec-schemas';
import { atLeast, finiteNumber, integer, integerFrom, nonEmptyText, oneOf, plainObject, texts } from './schema-rules';

const column = v.looseObject({ name: v.string(), kind: oneOf(COLUMN_KINDS) });

const inputContract = v.looseObject({
  formatVersion: v.literal(1, 'must be 1'),
  columns: v.array(column),
  target: v.nullable(v.looseObject({ name: v.string(), classes: v.nullable(texts) })),
  trainRowCount: integerFrom(0),
});

const provenance = v.looseObject({
  dataset: v.looseObject({ contentHash: v.string(), name: nonEmptyText, rowCount: integerFrom(0), columns: v.array(column) }),
  split: v.looseObject({ key: v.string(), request: v.looseObject({ holdout: plainObject, folds: v.nullable(plainObject), summarize: plainObject }) }),
  problem: CELL_SPEC_SCHEMAS.problem,
  pipelineHash: v.string(),
});

/** A TrainedRun as runs/<id>.json holds it (and a bundle, read back); fields a file written by an older build may lack take their empty value. */
export const trainedRun = v.pipe(
  v.looseObject({
    id: nonEmptyText,
    family: nonEmptyText,
    label: v.string(),
    task: oneOf(['binary', 'multiclass', 'regression', 'clustering']),
    seed: integer,
    primaryMetric: oneOf(METRIC_IDS),
    params: plainObject,
    metrics: v.looseObject({ validation: plainObject, cv: v.nullable(plainObject) }),
    model: v.looseObject({ kind: nonEmptyText }),
    pipeline: v.looseObject({ formatVersion: v.literal(1, 'must be 1'), steps: v.array(plainObject), inputColumns: v.array(column), outputColumns: v.array(column) }),
    featureNames: texts,
    classes: v.optional(texts),
    inputContract: v.optional(inputContract),
    provenance: v.optional(provenance),
    trainedAt: finiteNumber,
    baseline: v.optional(v.boolean(), false),
    stopped: v.optional(v.boolean(), false),
    durationMs: v.optional(atLeast(0), 0),
    curve: v.optional(v.array(plainObject), () => []),
    info: v.optional(plainObject, () => ({})),
  }),
  v.transform((run) => run as unknown as TrainedRun),
);

const historyEntry = v.pipe(
  v.looseObject({
    modelName: v.string(),
    version: integerFrom(1),
    at: finiteNumber,
    batch: v.string(),
    rows: integerFrom(0),
    status: oneOf(['ok', 'warn', 'alert']),
    psi: plainObject,
    predictionPsi: v.nullable(v.number()),
    performance: v.nullable(plainObject),
  }),
  v.transform((entry) => entry as unknown as MonitorHistoryEntry),
);

const modelName = v.pipe(
  v.string(),
  v.check((name) => {
    try {
      return checkModelName(name) === name;
    } catch {
      return false;
    }
  }, 'must be 1–64 letters, digits, spaces, ".", "-" or "_", without spaces around it'),
);

/** One entry of a file's `models`: the name and at least one version. */
export const embeddedModel = v.object({
  name: modelName,
  versions: v.pipe(
    v.array(v.object({ version: integerFrom(1), stage: oneOf(STAGES), registeredAt: atLeast(0), run: trainedRun, monitorHistory: v.optional(v.array(historyEntry)) })),
    v.minLength(1, 'must hold at least one version'),
  ),
});
