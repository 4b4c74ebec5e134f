import { describe, expect, it } from 'vitest';
import type { SplitRequest } from '../core/split/run-split';
import { runSplit } from '../core/split/run-split';
import type { TrainRequest } from '../core/train/types';
import { holdTestTable } from '../test-support/held-table';
import { createTestRunStore } from '../test-support/run-store';
import { categoricalColumn, numericColumn, tableOf } from '../test-support/table-builders';
import { trainingApi } from './training-api';

// The worker's Reproduce job: reads the stored run by id, trains it again from its record on the table it holds
// and compares (core's reproduceRun is tested in core/train/reproduce-run.test.ts); nothing new is stored.
const X = [...Array.from({ length: 12 }, (_, i) => i), ...Array.from({ length: 12 }, (_, i) => 30 + i)];
const TABLE = tableOf(numericColumn('x', X), categoricalColumn('y', X.map((x) => (x < 20 ? 'a' : 'b'))));
const PROBLEM = { target: 'y', task: 'binary' as const, primaryMetric: 'accuracy' as const, secondaryMetrics: [] };
const SPLIT: SplitRequest = { holdout: { kind: 'stratified', fractions: { train: 0.75, validation: 0.25, test: 0 }, seed: 2, target: 'y' }, folds: null, summarize: {}, target: 'y' };

describe('trainingApi.reproduceStoredRun', () => {
  it('trains a stored decision tree again from its record and finds every metric equal; the notes come back', async () => {
    const ref = holdTestTable('rp', TABLE);
    const split = runSplit(TABLE, SPLIT);
    const request: TrainRequest = {
      id: 'rp-1', family: 'decision_tree', params: {}, seed: 3, problem: PROBLEM, steps: [], crossValidate: false,
      provenance: { dataset: { contentHash: 'ef'.repeat(32), name: 'toy', rowCount: 24, columns: [{ name: 'x', kind: 'numeric' }, { name: 'y', kind: 'categorical' }] }, split: { key: 's', request: SPLIT, trainRows: split.train.length, validationRows: split.validation.length }, problem: PROBLEM },
    };
    const runs = createTestRunStore();
    const stored = await runs.commit(await trainingApi.trainRun('rp', { train: split.train, validation: split.validation, folds: [] }, request, 'auto', runs.store));
    const report = await trainingApi.reproduceStoredRun(ref, stored, ['a note']);
    expect(report).toEqual({ outcome: 'exact', message: 'Reproduced exactly: every metric equal.', differences: [], pipelineMatches: true, notes: ['a note'] });
    expect((await runs.load('rp-1:reproduce'))).toBeNull();
  });
});
