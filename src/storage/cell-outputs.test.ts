import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { CellId, NotebookId } from '../core/notebook/types';
import { openStudioDb, type StudioDb } from './db';
import { deleteCellOutput, loadCellOutputs, saveCellOutput } from './cell-outputs';
import { createTestDbName } from './test-fixtures';

const NOTEBOOK = 'nb-1' as NotebookId;
const OTHER = 'nb-2' as NotebookId;
let db: StudioDb;

beforeEach(async () => {
  db = await openStudioDb(createTestDbName());
  vi.spyOn(Date, 'now').mockReturnValue(7000);
});

afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

it('saves, replaces and loads the outputs of one notebook only, typed arrays included', async () => {
  await saveCellOutput(db, NOTEBOOK, 'profile' as CellId, { means: new Float64Array([1.5, NaN]), missing: [0, 2] });
  await saveCellOutput(db, NOTEBOOK, 'note' as CellId, 'first');
  await saveCellOutput(db, NOTEBOOK, 'note' as CellId, 'second');
  await saveCellOutput(db, OTHER, 'note' as CellId, 'elsewhere');

  expect(await loadCellOutputs(db, NOTEBOOK)).toEqual(
    new Map<string, unknown>([
      ['note', 'second'],
      ['profile', { means: new Float64Array([1.5, NaN]), missing: [0, 2] }],
    ]),
  );
  expect(await db.get('cellOutputs', [NOTEBOOK, 'note' as CellId])).toEqual({ notebookId: 'nb-1', cellId: 'note', output: 'second', savedAt: 7000 });
});

it('deletes one cell output and treats a missing one as a no-op', async () => {
  await saveCellOutput(db, NOTEBOOK, 'a' as CellId, 1);
  await saveCellOutput(db, NOTEBOOK, 'b' as CellId, 2);

  await deleteCellOutput(db, NOTEBOOK, 'a' as CellId);
  await deleteCellOutput(db, NOTEBOOK, 'never' as CellId);

  expect(await loadCellOutputs(db, NOTEBOOK)).toEqual(new Map([['b', 2]]));
});

it('loads an empty map for a notebook without outputs', async () => {
  expect(await loadCellOutputs(db, 'nb-none' as NotebookId)).toEqual(new Map());
});
