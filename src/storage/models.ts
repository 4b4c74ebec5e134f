// Trained runs of the Train cell (metrics, curves, model and fitted pipeline JSON), kept per notebook so the
// leaderboard comes back after a reload and a chosen model predicts again without retraining.

import type { CellId, NotebookId } from '../core/notebook/types';
import type { TrainedRun } from '../core/train/types';
import type { StudioDb } from './db';
import type { RunRecord } from './records';

/** A stored run: the TrainedRun plus where it was trained. `savedAt` is epoch ms. */
export interface TrainedRunRecord {
  id: string;
  notebookId: NotebookId;
  cellId: CellId;
  run: TrainedRun;
  savedAt: number;
}

/** Stores (or replaces, by run id) a finished run of `cellId`. */
export async function saveTrainedRun(db: StudioDb, notebookId: NotebookId, cellId: CellId, run: TrainedRun): Promise<void> {
  const record: TrainedRunRecord = { id: run.id, notebookId, cellId, run, savedAt: Date.now() };
  await db.put('runs', record as unknown as RunRecord);
}

/** Every stored run of a notebook (optionally of one cell), oldest trained first. */
export async function listRuns(db: StudioDb, notebookId: NotebookId, cellId?: CellId): Promise<TrainedRunRecord[]> {
  const records = (await db.getAllFromIndex('runs', 'by-notebook', notebookId)) as unknown as TrainedRunRecord[];
  return records.filter((r) => cellId === undefined || r.cellId === cellId).sort((a, b) => a.run.trainedAt - b.run.trainedAt);
}

/** One stored run by id, or null when there is none. */
export async function loadRun(db: StudioDb, runId: string): Promise<TrainedRunRecord | null> {
  return ((await db.get('runs', runId)) as unknown as TrainedRunRecord | undefined) ?? null;
}

/** Forgets one run; an unknown id is a no-op. */
export async function deleteRun(db: StudioDb, runId: string): Promise<void> {
  await db.delete('runs', runId);
}
