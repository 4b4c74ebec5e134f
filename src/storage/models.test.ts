import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CellId, NotebookId } from '../core/notebook/types';
import type { TrainedRun } from '../core/train/types';
import { openStudioDb } from './db';
import { deleteRun, listRuns, loadRun, saveTrainedRun } from './models';
import { createTestDbName } from './test-fixtures';

function runOf(id: string, trainedAt: number): TrainedRun {
  return {
    id, family: 'knn', label: 'k-nearest neighbours', baseline: false, params: { k: 3 }, task: 'binary', seed: 1, primaryMetric: 'accuracy',
    metrics: { validation: { accuracy: { value: 0.5 } }, cv: null }, curve: [{ iteration: 1, total: 1, metrics: {} }], durationMs: 12, trainedAt, stopped: false,
    model: { formatVersion: 1, kind: 'knn', task: 'binary', params: { k: 3 }, featureNames: ['x'], classes: ['a', 'b'], state: { X: new Float64Array([1, 2]) } },
    pipeline: { formatVersion: 1, steps: [], inputColumns: [], outputColumns: [], trainRowCount: 2 },
    featureNames: ['x'], classes: ['a', 'b'], info: {},
  };
}

const N1 = 'n1' as NotebookId;
const C1 = 'c1' as CellId;

describe('trained runs in storage', () => {
  it('saves, lists per notebook and cell (oldest first), loads and deletes runs', async () => {
    const db = await openStudioDb(createTestDbName());
    await saveTrainedRun(db, N1, C1, runOf('r2', 200));
    await saveTrainedRun(db, N1, C1, runOf('r1', 100));
    await saveTrainedRun(db, N1, 'c2' as CellId, runOf('r3', 300));
    await saveTrainedRun(db, 'n2' as NotebookId, C1, runOf('r4', 50));

    expect((await listRuns(db, N1)).map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect((await listRuns(db, N1, C1)).map((r) => [r.id, r.cellId])).toEqual([['r1', 'c1'], ['r2', 'c1']]);
    const loaded = await loadRun(db, 'r1');
    expect(loaded).toEqual({ id: 'r1', notebookId: 'n1', cellId: 'c1', run: runOf('r1', 100), savedAt: expect.any(Number) });

    await deleteRun(db, 'r1');
    await deleteRun(db, 'missing');
    expect({ gone: await loadRun(db, 'r1'), left: (await listRuns(db, N1)).map((r) => r.id) }).toEqual({ gone: null, left: ['r2', 'r3'] });
    db.close();
  });
});
