import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { DatasetId } from '../core/notebook/types';
import { createSyntheticTable } from '../core/train/stream/fixtures/synthetic-table';
import type { TrainingProgressRecord, TrainRequest } from '../core/train/types';
import { takeRows } from '../core/transform/take-rows';
import { openStudioDb } from '../storage/db';
import { saveDataset } from '../storage/datasets';
import { buildImportResult } from '../storage/test-fixtures';
import { createTestRunStore } from '../test-support/run-store';
import { holdTable } from './dataset-tables';
import { trainingApi } from './training-api';
import { applyOverridesToChunks } from './stream-train';
import { chunkSourceFromTable } from '../core/table/chunk-source';
import { categoricalColumn, numericColumn, tableOf } from '../test-support/table-builders';

const TABLE = createSyntheticTable({ rows: 3000, features: 3, classes: 2, seed: 6 });
const REQUEST: TrainRequest = {
  id: 'streamed-1', family: 'logistic_regression', params: {}, seed: 1, steps: [], crossValidate: false,
  problem: { target: 'label', task: 'binary', primaryMetric: 'accuracy', secondaryMetrics: ['roc-auc'] },
};

describe('trainingApi.trainStreamedRun', () => {
  it('reads every stored row of the dataset, stores the run like any other and records where its rows came from', async () => {
    const runs = createTestRunStore();
    const db = await openStudioDb(runs.store.dbName);
    const meta = await saveDataset(db, { name: 'big', sourceFileName: 'big.csv', table: TABLE, result: buildImportResult(TABLE) });
    db.close();
    // The held sample (the Data cell's artifact): here the first 500 rows.
    holdTable('sample-1', takeRows(TABLE, Array.from({ length: 500 }, (_, i) => i)));
    const progress: TrainingProgressRecord[] = [];
    const split = { validationShare: 0.25, testShare: 0, seed: 3 };
    const summary = await trainingApi.trainStreamedRun('sample-1', { dbName: runs.store.dbName, datasetId: meta.id as DatasetId }, REQUEST, split, runs.store, (p) => progress.push(p));
    expect(summary.info.rowsUsed).toMatch(/^every row, streamed: trained on [\d,]+ of 3,000 rows, validated on [\d,]+ \(rows picked by a hash of their index, not the Split cell's\)$/);
    expect((summary.info.streamedTrainRows as number) + (summary.info.streamedValidationRows as number)).toBe(3000);
    expect(summary.metrics.validation.accuracy!.value).toBeGreaterThan(0.8);
    expect(summary.metrics.validation['roc-auc']).toEqual({ value: null, reason: expect.stringMatching(/^not computed when training streamed/) });
    expect(progress.length).toBeGreaterThan(0);
    await runs.commit(summary);
    expect((await runs.load('streamed-1'))?.model.kind).toBe('logistic_regression');
  });
});

describe('applyOverridesToChunks', () => {
  const table = tableOf(numericColumn('x', [1, 2, 3]), categoricalColumn('c', ['a', 'b', 'a']));

  it('leaves excluded columns out of every chunk', async () => {
    const source = applyOverridesToChunks(chunkSourceFromTable(table, 2), { c: 'excluded' });
    const chunk = await source.readChunk(1);
    expect({ names: chunk.columns.map((c) => c.name), rows: chunk.rowCount }).toEqual({ names: ['x'], rows: 1 });
  });

  it('refuses a kind the Data cell changed, naming the column and what to do', () => {
    expect(() => applyOverridesToChunks(chunkSourceFromTable(table, 2), { x: 'categorical' })).toThrow('the Data cell reads "x" as categorical. Clear that setting in the Data cell, or train on the sample.');
  });
});
