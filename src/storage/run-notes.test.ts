import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CellId, NotebookId } from '../core/notebook/types';
import { splitRun } from '../core/train/split-run';
import { openStudioDb } from './db';
import { listAllRuns, loadTrainedRun, saveRunFit, saveRunSummary, setRunArchived, updateRunNotes } from './runs';
import { buildTrainedRun, createTestDbName } from './test-fixtures';

async function openWithRun(id: string) {
  const db = await openStudioDb(createTestDbName());
  const { summary, fit } = splitRun(buildTrainedRun(id, 100));
  await saveRunFit(db, 'n1' as NotebookId, id, fit);
  await saveRunSummary(db, 'n1' as NotebookId, 'c1' as CellId, summary);
  return db;
}

describe('a run\'s tags, note and archive flag', () => {
  it('stores tags trimmed and distinct and the note trimmed; the fit is untouched', async () => {
    const db = await openWithRun('r1');
    const run = await updateRunNotes(db, 'r1', { tags: [' baseline ', 'v2', 'baseline', ''], note: '  try more trees \n' });
    expect([run.tags, run.note]).toEqual([['baseline', 'v2'], 'try more trees']);
    const [stored] = await listAllRuns(db);
    expect([stored.run.tags, stored.run.note, stored.cellId, stored.notebookId]).toEqual([['baseline', 'v2'], 'try more trees', 'c1', 'n1']);
    expect((await loadTrainedRun(db, 'r1'))?.model).toEqual(splitRun(buildTrainedRun('r1', 100)).fit.model);
  });

  it('archives and restores a run, keeping its tags', async () => {
    const db = await openWithRun('r1');
    await updateRunNotes(db, 'r1', { tags: ['keep'], note: '' });
    await setRunArchived(db, 'r1', true);
    expect((await listAllRuns(db))[0].run).toMatchObject({ archived: true, tags: ['keep'], note: '' });
    await setRunArchived(db, 'r1', false);
    expect((await listAllRuns(db))[0].run.archived).toBe(false);
  });

  it('names a run that is not stored and changes nothing', async () => {
    const db = await openWithRun('r1');
    await expect(setRunArchived(db, 'gone', true)).rejects.toThrow('The run "gone" is not stored (it was deleted, perhaps in another tab). Reload the Runs page.');
    await expect(updateRunNotes(db, 'gone', { tags: ['x'], note: '' })).rejects.toThrow('"gone"');
    expect((await listAllRuns(db)).map((r) => r.id)).toEqual(['r1']);
  });
});
