// Trained runs of the Train cell, kept per notebook in two stores: `runs` holds each run's summary (metrics,
// curves, params: what the leaderboard shows after a reload), `runFits` its model and fitted pipeline JSON
// (megabytes for a forest). The training worker that fits a run writes its fit and workers read it back to
// predict; the page writes and lists summaries only, so it never clones a model. In memory mode a worker's handle
// forwards saveRunFit and loadTrainedRun to the page (remote-db.ts).

import type { CellId, NotebookId } from '../core/notebook/types';
import { StudioError } from '../core/errors';
import { joinRun } from '../core/train/split-run';
import type { RunFit, RunSummary, TrainedRun } from '../core/train/types';
import type { StudioDb } from './db';
import type { RunRecord } from './records';
import { guardQuota } from './quota';
import { callRemote, isRemoteDb } from './remote-db';
import { estimateBytes } from './storage-use';

/** A stored run's summary and where it was trained. `savedAt` is epoch ms. */
export type StoredRun = RunRecord;

/** Stores (or replaces, by run id) the model and fitted pipeline of run `runId` of a notebook. */
export async function saveRunFit(db: StudioDb, notebookId: NotebookId, runId: string, fit: RunFit): Promise<void> {
  if (isRemoteDb(db)) return callRemote(db, 'saveRunFit', [notebookId, runId, fit]);
  const record = { id: runId, notebookId, model: fit.model, pipeline: fit.pipeline, ...(fit.inputContract ? { inputContract: fit.inputContract } : {}) };
  await guardQuota(db, { label: `the trained model of run “${runId}”`, bytes: estimateBytes(record) }, () => db.put('runFits', record));
}

/** Stores (or replaces, by run id) the summary of a finished run of `cellId`; its fit is saved apart (saveRunFit). */
export async function saveRunSummary(db: StudioDb, notebookId: NotebookId, cellId: CellId, run: RunSummary): Promise<void> {
  const record = { id: run.id, notebookId, cellId, run, savedAt: Date.now() };
  await guardQuota(db, { label: `the run “${run.label}”`, bytes: estimateBytes(record) }, () => db.put('runs', record));
}

/** The summaries of every stored run of a notebook (optionally of one cell), oldest trained first. */
export async function listRuns(db: StudioDb, notebookId: NotebookId, cellId?: CellId): Promise<StoredRun[]> {
  const records = await db.getAllFromIndex('runs', 'by-notebook', notebookId);
  return records.filter((r) => cellId === undefined || r.cellId === cellId).sort((a, b) => a.run.trainedAt - b.run.trainedAt);
}

/** The summaries of every stored run of every notebook, newest trained first (the Runs page). */
export async function listAllRuns(db: StudioDb): Promise<StoredRun[]> {
  const records = await db.getAll('runs');
  return records.sort((a, b) => b.run.trainedAt - a.run.trainedAt);
}

/** One whole stored run (summary + fit) by id, or null when either part is missing. */
export async function loadTrainedRun(db: StudioDb, runId: string): Promise<TrainedRun | null> {
  if (isRemoteDb(db)) return callRemote(db, 'loadTrainedRun', [runId]);
  const transaction = db.transaction(['runs', 'runFits'], 'readonly');
  const [record, fit] = await Promise.all([transaction.objectStore('runs').get(runId), transaction.objectStore('runFits').get(runId), transaction.done]);
  return record && fit ? joinRun(record.run, fit) : null;
}

/** loadTrainedRun, or a StorageError naming the run when it is not stored (deleted, or never finished). */
export async function requireTrainedRun(db: StudioDb, runId: string): Promise<TrainedRun> {
  const run = await loadTrainedRun(db, runId);
  if (!run) throw new StudioError('StorageError', `The trained run "${runId}" is not stored (it was deleted, or its training did not finish). Train it again in the Train cell.`);
  return run;
}

/** Forgets one run, summary and fit; an unknown id is a no-op. A run registered as a model version is kept: StorageError naming the versions. */
export async function deleteRun(db: StudioDb, runId: string): Promise<void> {
  const transaction = db.transaction(['runs', 'runFits', 'modelVersions'], 'readwrite');
  // Checked in the same transaction as the delete, so a version registered from another tab meanwhile is seen.
  const versions = await transaction.objectStore('modelVersions').index('by-run').getAll(runId);
  if (versions.length > 0) {
    transaction.abort();
    await transaction.done.catch(() => undefined);
    const names = versions.map((v) => `${v.modelName} v${v.version}`).join(', ');
    throw new StudioError('StorageError', `The run "${runId}" is registered as ${names}; registered runs are kept so each version can be reproduced and rolled back to. Delete another run, or keep this one.`);
  }
  await Promise.all([transaction.objectStore('runs').delete(runId), transaction.objectStore('runFits').delete(runId), transaction.done]);
}

/** Replaces run `runId`'s tags (trimmed, blanks and repeats dropped) and note; a StorageError names a run that is not stored. */
export async function updateRunNotes(db: StudioDb, runId: string, notes: { tags: readonly string[]; note: string }): Promise<RunSummary> {
  const tags = [...new Set(notes.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))];
  return updateRunSummary(db, runId, (run) => ({ ...run, tags, note: notes.note.trim() }));
}

/** Archives (hides from the Runs page unless shown) or restores run `runId`; a StorageError names a run that is not stored. */
export async function setRunArchived(db: StudioDb, runId: string, archived: boolean): Promise<RunSummary> {
  return updateRunSummary(db, runId, (run) => ({ ...run, archived }));
}

// Read and written in one transaction, so an edit from another tab in between is not lost to a stale copy.
async function updateRunSummary(db: StudioDb, runId: string, change: (run: RunSummary) => RunSummary): Promise<RunSummary> {
  const transaction = db.transaction('runs', 'readwrite');
  const record = await transaction.store.get(runId);
  if (!record) {
    transaction.abort();
    await transaction.done.catch(() => undefined);
    throw new StudioError('StorageError', `The run "${runId}" is not stored (it was deleted, perhaps in another tab). Reload the Runs page.`);
  }
  const run = change(record.run);
  await guardQuota(db, { label: `the notes of run “${run.label}”`, bytes: estimateBytes(run) }, () => Promise.all([transaction.store.put({ ...record, run }), transaction.done]));
  return run;
}
