// The default path on raw data: with no Prepare steps, every family that fits the task trains on a table with
// missing numbers, categories (one missing, one rare), a boolean, a date and free text — automatic preparation
// provides what each family needs (before it, 6 of 9 families failed Try all on such data).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { booleanColumn, categoricalColumn, datetimeColumn, numericColumn, tableOf, textColumn } from '../../test-support/table-builders';
import { listFamiliesForTask } from '../models/registry';
import type { ProblemSpec, SupervisedTask } from '../problem/types';
import { createRandom } from '../random/prng';
import { describeAutoPreparation } from './plan-auto-preparation';
import { trainCandidate } from './train-candidate';

const ROWS = 80;
const random = createRandom(11);
const x = Array.from({ length: ROWS }, (_, i) => (i % 9 === 4 ? null : Math.round(random() * 1000) / 10));
const size = Array.from({ length: ROWS }, (_, i) => (i % 11 === 3 ? null : i === 7 ? 'huge' : ['small', 'medium', 'large'][i % 3]));
const TABLE = tableOf(
  numericColumn('x', x),
  numericColumn('income', Array.from({ length: ROWS }, () => 20_000 + Math.round(random() * 80_000))),
  categoricalColumn('size', size),
  booleanColumn('member', Array.from({ length: ROWS }, (_, i) => (i % 13 === 0 ? null : i % 2 === 0))),
  datetimeColumn('joined', Array.from({ length: ROWS }, (_, i) => `20${10 + (i % 10)}-0${1 + (i % 9)}-15`)),
  textColumn('id', Array.from({ length: ROWS }, (_, i) => `row-${i}`), true),
  categoricalColumn('label', Array.from({ length: ROWS }, (_, i) => ((x[i] ?? 50) + (size[i] === 'large' ? 30 : 0) > 60 ? 'high' : (i % 4 === 1 ? 'mid' : 'low')))),
  categoricalColumn('binary', Array.from({ length: ROWS }, (_, i) => ((x[i] ?? 50) > 50 ? 'yes' : 'no'))),
  numericColumn('amount', Array.from({ length: ROWS }, (_, i) => 3 * (x[i] ?? 50) + (size[i] === 'large' ? 40 : 0) + random())),
);
const ALL = Uint32Array.from({ length: ROWS }, (_, i) => i);
const PARTS = { train: ALL.filter((r) => r % 4 !== 0), validation: ALL.filter((r) => r % 4 === 0), folds: [] };
const PROBLEMS: Record<SupervisedTask, ProblemSpec> = {
  binary: { target: 'binary', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] },
  multiclass: { target: 'label', task: 'multiclass', primaryMetric: 'accuracy', secondaryMetrics: [] },
  regression: { target: 'amount', task: 'regression', primaryMetric: 'rmse', secondaryMetrics: [] },
};
// The other targets are dropped, as a user would in Prepare; nothing else is.
const dropOtherTargets = (target: string) => [{ kind: 'drop' as const, id: 'drop-targets', columns: ['label', 'binary', 'amount'].filter((c) => c !== target) }];

beforeAll(async () => {
  await tf.setBackend('wasm');
});

describe.each(Object.keys(PROBLEMS) as SupervisedTask[])('Try all on raw data (%s)', (task) => {
  const problem = PROBLEMS[task];
  it.each(listFamiliesForTask(task).map((f) => f.kind))('%s trains and scores validation rows', async (family) => {
    const run = await trainCandidate(TABLE, PARTS, {
      id: family, family, params: { epochs: 20 }, seed: 1, problem, steps: dropOtherTargets(problem.target!), crossValidate: false,
    });
    const score = run.metrics.validation[problem.primaryMetric];
    expect({ scored: typeof score?.value === 'number' && Number.isFinite(score.value), idSkipped: !run.featureNames.includes('id') }).toEqual({ scored: true, idSkipped: true });
    if (family === 'knn') expect(describeAutoPreparation(run.autoPreparation!)).toBe('auto: date parts 1, impute 3 columns, one-hot 1, scale 5');
  }, 60_000);
});
