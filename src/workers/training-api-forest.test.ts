import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, tableOf } from '../test-support/table-builders';
import { createTestRunStore } from '../test-support/run-store';
import type { TrainRequest } from '../core/train/types';
import { trainingApi } from './training-api';
import { holdTestTable } from '../test-support/held-table';

const TABLE = tableOf(
  numericColumn('x', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
  categoricalColumn('y', ['a', 'a', 'b', 'a', 'a', 'b', 'b', 'a', 'b', 'b', 'a', 'b']),
);
const PARTS = { train: Uint32Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), validation: Uint32Array.of(10, 11), folds: [] };
const REQUEST: TrainRequest = {
  id: 'rf-parts', family: 'random_forest', params: { nEstimators: 8 }, seed: 3, steps: [], crossValidate: false,
  problem: { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] },
};

describe('trainingApi: a forest in parts', () => {
  it('two parts merged give the model trainRun gives, with progress per tree of each part', async () => {
    holdTestTable('f1', TABLE);
    const progress: string[] = [];
    const first = await trainingApi.trainForestPart('f1', PARTS, REQUEST, { start: 0, end: 5 }, (p) => progress.push(`a${p.iteration}/${p.total}`));
    const second = await trainingApi.trainForestPart('f1', PARTS, REQUEST, { start: 5, end: 8 }, (p) => progress.push(`b${p.iteration}/${p.total}`));
    const runs = createTestRunStore();
    const merged = await runs.commit(await trainingApi.mergeForestRun('f1', PARTS, REQUEST, [second, first], runs.store));
    const whole = await runs.commit(await trainingApi.trainRun('f1', PARTS, { ...REQUEST, id: 'rf-whole' }, 'auto', runs.store));
    const [a, b] = [await runs.load(merged.runId), await runs.load(whole.runId)];
    expect({ model: JSON.stringify(a?.model), metrics: a?.metrics, first: progress[0], last: progress.at(-1) })
      .toEqual({ model: JSON.stringify(b?.model), metrics: b?.metrics, first: 'a1/5', last: 'b3/3' });
  });
});
