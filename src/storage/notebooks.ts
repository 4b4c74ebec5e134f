// Notebooks in IndexedDB: saved cell state only (runtime outputs live in cellOutputs).
// Pass plain data: a Svelte $state proxy cannot be structured-cloned, so callers save $state.snapshot(...).

import type { Notebook, NotebookId } from '../core/notebook/types';
import { StudioError } from '../core/errors';
import { completeCellSpecs } from '../core/notebook/reducers';
import type { StudioDb } from './db';
import { selectNotebookOutputs } from './cell-outputs';
import { guardQuota } from './quota';
import { estimateBytes } from './storage-use';

/** What the notebook list shows; times are epoch ms. */
export interface NotebookSummary {
  id: NotebookId;
  name: string;
  cellCount: number;
  createdAt: number;
  updatedAt: number;
}

/** Stores the notebook as given (insert or replace by id); the caller sets updatedAt. */
export async function saveNotebook(db: StudioDb, notebook: Notebook): Promise<void> {
  await guardQuota(db, { label: `the notebook “${notebook.name}”`, bytes: estimateBytes(notebook) }, () => db.put('notebooks', notebook));
}

/** Reads a notebook, its cell specs completed with defaults added since it was saved; an unknown id is a StorageError naming it. */
export async function loadNotebook(db: StudioDb, id: NotebookId): Promise<Notebook> {
  const notebook = await db.get('notebooks', id);
  if (!notebook) {
    throw new StudioError('StorageError', `No stored notebook has id "${id}". It may have been deleted in another tab; open another notebook or create a new one.`);
  }
  return completeCellSpecs(notebook);
}

/** Every notebook, most recently updated first. */
export async function listNotebooks(db: StudioDb): Promise<NotebookSummary[]> {
  const notebooks = await db.getAllFromIndex('notebooks', 'by-updated');
  return notebooks.reverse().map(({ id, name, cells, createdAt, updatedAt }) => ({ id, name, cellCount: cells.length, createdAt, updatedAt }));
}

/**
 * Deletes a notebook with its cell outputs and trained runs (summaries and fits) in one transaction; an unknown id is
 * a no-op. Runs registered as model versions stay (summary and fit), so the registry can still load and roll back to them.
 */
export async function deleteNotebook(db: StudioDb, id: NotebookId): Promise<void> {
  const transaction = db.transaction(['notebooks', 'cellOutputs', 'runs', 'runFits', 'modelVersions'], 'readwrite');
  const registered = transaction.objectStore('modelVersions').index('by-run');
  const deleteRuns = async (store: 'runs' | 'runFits') => {
    const keys = await transaction.objectStore(store).index('by-notebook').getAllKeys(id);
    const counts = await Promise.all(keys.map((key) => registered.count(key)));
    await Promise.all(keys.filter((_, i) => counts[i] === 0).map((key) => transaction.objectStore(store).delete(key)));
  };
  await Promise.all([
    transaction.objectStore('notebooks').delete(id),
    transaction.objectStore('cellOutputs').delete(selectNotebookOutputs(id)),
    deleteRuns('runs'),
    deleteRuns('runFits'),
    transaction.done,
  ]);
}
