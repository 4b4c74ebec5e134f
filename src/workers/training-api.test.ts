import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, tableOf } from '../test-support/table-builders';
import { createTestRunStore } from '../test-support/run-store';
import type { TrainingProgressRecord, TrainRequest } from '../core/train/types';
import { trainingApi } from './training-api';
import { holdTestTable } from '../test-support/held-table';
import { holdsTable } from './dataset-tables';

const TABLE = tableOf(
  numericColumn('x', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
  categoricalColumn('y', ['a', 'a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b', 'b']),
);
const PARTS = {
  train: Uint32Array.of(0, 1, 2, 3, 6, 7, 8, 9),
  validation: Uint32Array.of(4, 5, 10, 11),
  folds: [{ train: Uint32Array.of(0, 1, 6, 7), validation: Uint32Array.of(2, 3, 8, 9) }],
};
const REQUEST: TrainRequest = {
  id: 'job-1', family: 'gradient_boosting', params: { maxIter: 40, minSamplesLeaf: 1, earlyStopping: 'off' }, seed: 1,
  problem: { target: 'y', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: [] }, steps: [], crossValidate: true,
};

describe('trainingApi', () => {
  it('holds the tables it is given by key and refuses a job on a table it does not hold', async () => {
    await trainingApi.holdDataset(holdTestTable('t1', TABLE));
    expect([holdsTable('t1'), holdsTable('t2')]).toEqual([true, false]);
    await expect(trainingApi.trainRun('t2', PARTS, REQUEST, 'auto', createTestRunStore().store)).rejects.toThrow('This worker holds no table "t2"; open it first.');
  });

  it('trains a run and throttles progress (the last iteration always arrives)', async () => {
    holdTestTable('t1', TABLE);
    const progress: TrainingProgressRecord[] = [];
    const run = await trainingApi.trainRun('t1', PARTS, REQUEST, 'auto', createTestRunStore().store, (p) => progress.push(p));
    // Validation x = 5, 6 (a) lie between the classes' training ranges (≤ 4, ≥ 7): one lands past the split, 3 of 4 right. 40 fast rounds: the first passes, then ≤ 1 per 50 ms, and round 40.
    expect({ accuracy: run.metrics.validation.accuracy, curve: run.curve.length, first: progress[0].iteration, last: progress.at(-1)?.iteration, fewer: progress.length < 40 })
      .toEqual({ accuracy: { value: 0.75 }, curve: 40, first: 1, last: 40, fewer: true });
    expect(await trainingApi.trainFold('t1', PARTS.folds[0], 0, REQUEST, 'auto')).toEqual({ accuracy: { value: 1 } });
  });

  it('stores the fitted model and pipeline itself and sends the page only the summary', async () => {
    holdTestTable('t1', TABLE);
    const runs = createTestRunStore();
    const summary = await trainingApi.trainRun('t1', PARTS, { ...REQUEST, id: 'job-stored' }, 'auto', runs.store);
    const before = await runs.load('job-stored'); // the page has not committed the summary yet
    await runs.commit(summary);
    const whole = await runs.load('job-stored');
    expect({ sent: ['model', 'pipeline'].filter((key) => key in summary), before, model: whole?.model.kind, trees: (whole?.model.state as { trees: unknown[] }).trees.length, steps: whole?.pipeline.steps })
      .toEqual({ sent: [], before: null, model: 'gradient_boosting', trees: 40, steps: [] });
  });

  it('a stop request ends the job\'s fit after its current round and skips its folds', async () => {
    holdTestTable('t1', TABLE);
    const request = { ...REQUEST, id: 'job-stop' };
    trainingApi.requestStop('job-stop');
    const run = await trainingApi.trainRun('t1', PARTS, request, 'auto', createTestRunStore().store);
    expect({ stopped: run.stopped, rounds: run.curve.length, fold: await trainingApi.trainFold('t1', PARTS.folds[0], 0, request, 'auto') })
      .toEqual({ stopped: true, rounds: 1, fold: null });
  });

  it('a stop request reaches a kNN while it predicts the validation rows: the run is stopped and unscored', async () => {
    holdTestTable('t1', TABLE);
    const request: TrainRequest = { ...REQUEST, id: 'job-knn-stop', family: 'knn', params: { k: 3 } };
    trainingApi.requestStop('job-knn-stop');
    const run = await trainingApi.trainRun('t1', PARTS, request, 'auto', createTestRunStore().store);
    expect({ stopped: run.stopped, metrics: run.metrics.validation, family: run.family })
      .toEqual({ stopped: true, metrics: { accuracy: { value: null, reason: 'stopped before the validation rows were scored' } }, family: 'knn' });
  });
});
