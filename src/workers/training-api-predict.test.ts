import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, tableOf } from '../test-support/table-builders';
import { createTestRunStore } from '../test-support/run-store';
import type { TrainRequest } from '../core/train/types';
import { trainingApi } from './training-api';
import { holdTestTable } from '../test-support/held-table';

const TABLE = tableOf(
  numericColumn('x', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
  categoricalColumn('y', ['a', 'a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b', null]),
);
const PARTS = { train: Uint32Array.of(0, 1, 2, 3, 6, 7, 8, 9), validation: Uint32Array.of(4, 5, 10, 11), folds: [] };
const PROBLEM = { target: 'y', task: 'binary' as const, primaryMetric: 'accuracy' as const, secondaryMetrics: [] };
const REQUEST: TrainRequest = {
  id: 'predict-1', family: 'decision_tree', params: {}, seed: 1, problem: PROBLEM, steps: [], crossValidate: false,
};

describe('trainingApi.predictStoredRun', () => {
  it('predicts held-out rows of a stored run, leaving out rows without a target', async () => {
    holdTestTable('p1', TABLE);
    const runs = createTestRunStore();
    const ref = await runs.commit(await trainingApi.trainRun('p1', PARTS, REQUEST, 'auto', runs.store));
    const predictions = await trainingApi.predictStoredRun('p1', Uint32Array.of(0, 5, 10, 11), ref, PROBLEM);
    // The tree splits x at 5.5 (midway between the training classes' 4 and 7), so x = 6 is called b; row 11 has no target and is left out.
    expect({ ...predictions, proba: predictions.proba && Array.from(predictions.proba) }).toEqual({
      rows: Uint32Array.of(0, 5, 10),
      yTrue: Float64Array.of(0, 0, 1),
      yPred: Float64Array.of(0, 1, 1),
      proba: [1, 0, 0, 1, 0, 1],
      classes: ['a', 'b'],
    });
  });

  it('refuses an empty part with a message naming what to do', async () => {
    holdTestTable('p1', TABLE);
    const runs = createTestRunStore();
    const ref = await runs.commit(await trainingApi.trainRun('p1', PARTS, REQUEST, 'auto', runs.store));
    await expect(trainingApi.predictStoredRun('p1', new Uint32Array(0), ref, PROBLEM)).rejects.toThrow('The split part to evaluate has no rows; give it a share above 0 in the Split cell.');
  });

  it('refuses a run that is not stored, naming it', async () => {
    holdTestTable('p1', TABLE);
    await expect(trainingApi.predictStoredRun('p1', PARTS.validation, createTestRunStore().ref('gone'), PROBLEM)).rejects.toMatchObject({
      name: 'StorageError', message: 'The trained run "gone" is not stored (it was deleted, or its training did not finish). Train it again in the Train cell.',
    });
  });
});
