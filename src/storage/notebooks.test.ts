import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CellId, DatasetId, Notebook, NotebookId } from '../core/notebook/types';
import { openStudioDb, type StudioDb } from './db';
import { deleteNotebook, listNotebooks, loadNotebook, saveNotebook } from './notebooks';
import { loadCellOutputs, saveCellOutput } from './cell-outputs';
import { loadTrainedRun, saveRunFit, saveRunSummary } from './runs';
import { registerVersion } from './registry';
import { splitRun } from '../core/train/split-run';
import { buildTrainedRun as runOf, createTestDbName } from './test-fixtures';

const PENGUINS: Notebook = {
  formatVersion: 1,
  id: 'nb-penguins' as NotebookId,
  name: 'Penguins',
  cells: [
    {
      id: 'c1' as CellId,
      kind: 'data',
      spec: {
        datasetId: 'ds-1' as DatasetId,
        sourceLabel: 'penguins.csv',
        options: { format: 'auto', delimiter: ';', encoding: 'auto', missingTokens: ['', 'NA'] },
        columnOverrides: { island: 'categorical', id: 'excluded' },
      },
    },
    { id: 'c2' as CellId, kind: 'note', spec: { markdown: '# Penguins\nSizes by *species*.' } },
  ],
  createdAt: 1000,
  updatedAt: 5000,
};
const EMPTY: Notebook = { formatVersion: 1, id: 'nb-empty' as NotebookId, name: 'Scratch', cells: [], createdAt: 2000, updatedAt: 3000 };

let db: StudioDb;

beforeEach(async () => {
  db = await openStudioDb(createTestDbName());
});

afterEach(() => db.close());

it('saves, loads and replaces a notebook', async () => {
  await saveNotebook(db, PENGUINS);
  expect(await loadNotebook(db, PENGUINS.id)).toEqual(PENGUINS);

  const renamed = { ...PENGUINS, name: 'Penguins v2', updatedAt: 6000 };
  await saveNotebook(db, renamed);
  expect(await loadNotebook(db, PENGUINS.id)).toEqual(renamed);
  expect(await db.count('notebooks')).toBe(1);
});

it('rejects an unknown id with a StorageError naming it', async () => {
  await expect(loadNotebook(db, 'nb-gone' as NotebookId)).rejects.toMatchObject({
    name: 'StorageError',
    message: 'No stored notebook has id "nb-gone". It may have been deleted in another tab; open another notebook or create a new one.',
  });
});

it('lists summaries, most recently updated first', async () => {
  await saveNotebook(db, EMPTY);
  await saveNotebook(db, PENGUINS);
  await saveNotebook(db, { ...EMPTY, id: 'nb-old' as NotebookId, name: 'Old', updatedAt: 2500 });

  expect(await listNotebooks(db)).toEqual([
    { id: 'nb-penguins', name: 'Penguins', cellCount: 2, createdAt: 1000, updatedAt: 5000 },
    { id: 'nb-empty', name: 'Scratch', cellCount: 0, createdAt: 2000, updatedAt: 3000 },
    { id: 'nb-old', name: 'Old', cellCount: 0, createdAt: 2000, updatedAt: 2500 },
  ]);
});

it('deletes a notebook with its cell outputs and trained runs, leaving other notebooks and theirs alone', async () => {
  await saveNotebook(db, PENGUINS);
  await saveNotebook(db, EMPTY);
  await saveCellOutput(db, PENGUINS.id, 'c1' as CellId, { rows: 344 });
  await saveCellOutput(db, PENGUINS.id, 'c2' as CellId, '<h1>Penguins</h1>');
  await saveCellOutput(db, EMPTY.id, 'c9' as CellId, { rows: 1 });
  const { summary, fit } = splitRun(runOf('r1', 100));
  await saveRunSummary(db, PENGUINS.id, 'c3' as CellId, summary);
  await saveRunFit(db, PENGUINS.id, 'r1', fit);
  await saveRunFit(db, PENGUINS.id, 'cancelled', fit);
  await saveRunFit(db, EMPTY.id, 'r9', fit);

  await deleteNotebook(db, PENGUINS.id);

  expect(await listNotebooks(db)).toEqual([{ id: 'nb-empty', name: 'Scratch', cellCount: 0, createdAt: 2000, updatedAt: 3000 }]);
  expect(await loadCellOutputs(db, PENGUINS.id)).toEqual(new Map());
  expect(await loadCellOutputs(db, EMPTY.id)).toEqual(new Map([['c9', { rows: 1 }]]));
  expect({ outputs: await db.count('cellOutputs'), runs: await db.count('runs'), fits: await db.getAllKeys('runFits') }).toEqual({ outputs: 1, runs: 0, fits: ['r9'] });
  await expect(deleteNotebook(db, PENGUINS.id)).resolves.toBeUndefined();
});

it('keeps the runs (summary and fit) of a deleted notebook that a model version references', async () => {
  await saveNotebook(db, PENGUINS);
  for (const id of ['kept', 'dropped']) {
    const { summary, fit } = splitRun(runOf(id, 100));
    await saveRunSummary(db, PENGUINS.id, 'c3' as CellId, summary);
    await saveRunFit(db, PENGUINS.id, id, fit);
  }
  await registerVersion(db, { modelName: 'penguin species', runId: 'kept' });

  await deleteNotebook(db, PENGUINS.id);

  expect({ notebooks: await db.count('notebooks'), runs: await db.getAllKeys('runs'), fits: await db.getAllKeys('runFits'), whole: await loadTrainedRun(db, 'kept') })
    .toEqual({ notebooks: 0, runs: ['kept'], fits: ['kept'], whole: runOf('kept', 100) });
});
