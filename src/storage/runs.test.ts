import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CellId, NotebookId } from '../core/notebook/types';
import { splitRun } from '../core/train/split-run';
import type { TrainedRun } from '../core/train/types';
import { openStudioDb, type StudioDb } from './db';
import { deleteRun, listAllRuns, listRuns, loadTrainedRun, requireTrainedRun, saveRunFit, saveRunSummary } from './runs';
import { registerVersion } from './registry';
import { buildTrainedRun as runOf, createTestDbName } from './test-fixtures';

/** Stores both parts of `run`, as the training worker (fit) and the page (summary) do. */
async function store(db: StudioDb, notebookId: string, cellId: string, run: TrainedRun): Promise<void> {
  const { summary, fit } = splitRun(run);
  await saveRunFit(db, notebookId as NotebookId, run.id, fit);
  await saveRunSummary(db, notebookId as NotebookId, cellId as CellId, summary);
}

const N1 = 'n1' as NotebookId;
const C1 = 'c1' as CellId;

describe('trained runs in storage', () => {
  it('lists summaries per notebook and cell (oldest first) without model or pipeline, loads whole runs and deletes both parts', async () => {
    const db = await openStudioDb(createTestDbName());
    await store(db, 'n1', 'c1', runOf('r2', 200));
    await store(db, 'n1', 'c1', runOf('r1', 100));
    await store(db, 'n1', 'c2', runOf('r3', 300));
    await store(db, 'n2', 'c1', runOf('r4', 50));

    expect((await listRuns(db, N1)).map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(await listRuns(db, N1, C1)).toEqual([
      { id: 'r1', notebookId: 'n1', cellId: 'c1', run: splitRun(runOf('r1', 100)).summary, savedAt: expect.any(Number) },
      { id: 'r2', notebookId: 'n1', cellId: 'c1', run: splitRun(runOf('r2', 200)).summary, savedAt: expect.any(Number) },
    ]);
    expect(await loadTrainedRun(db, 'r1')).toEqual(runOf('r1', 100));

    await deleteRun(db, 'r1');
    await deleteRun(db, 'missing');
    expect({ gone: await loadTrainedRun(db, 'r1'), fits: await db.count('runFits'), left: (await listRuns(db, N1)).map((r) => r.id) })
      .toEqual({ gone: null, fits: 3, left: ['r2', 'r3'] });
    db.close();
  });

  it('lists the runs of every notebook, newest trained first', async () => {
    const db = await openStudioDb(createTestDbName());
    await store(db, 'n1', 'c1', runOf('r1', 100));
    await store(db, 'n2', 'c1', runOf('r2', 300));
    await store(db, 'n1', 'c2', runOf('r3', 200));
    expect((await listAllRuns(db)).map((r) => [r.id, r.notebookId, r.cellId])).toEqual([['r2', 'n2', 'c1'], ['r3', 'n1', 'c2'], ['r1', 'n1', 'c1']]);
    db.close();
  });

  it('refuses to delete a run registered as a model version, naming the versions; both parts stay', async () => {
    const db = await openStudioDb(createTestDbName());
    await store(db, 'n1', 'c1', runOf('r1', 100));
    await registerVersion(db, { modelName: 'churn', runId: 'r1' });
    await registerVersion(db, { modelName: 'fraud', runId: 'r1' });

    await expect(deleteRun(db, 'r1')).rejects.toMatchObject({
      name: 'StorageError',
      message: 'The run "r1" is registered as churn v1, fraud v1; registered runs are kept so each version can be reproduced and rolled back to. Delete another run, or keep this one.',
    });
    expect(await loadTrainedRun(db, 'r1')).toEqual(runOf('r1', 100));
    db.close();
  });

  it('a run whose summary was never saved (cancelled during its folds) is not listed nor loaded; requireTrainedRun names it', async () => {
    const db = await openStudioDb(createTestDbName());
    await saveRunFit(db, N1, 'half', splitRun(runOf('half', 1)).fit);
    expect({ listed: await listRuns(db, N1), loaded: await loadTrainedRun(db, 'half') }).toEqual({ listed: [], loaded: null });
    await expect(requireTrainedRun(db, 'half')).rejects.toThrow('The trained run "half" is not stored (it was deleted, or its training did not finish). Train it again in the Train cell.');
    db.close();
  });
});
