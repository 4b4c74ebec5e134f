// Stored runs for worker tests: a fresh fake IndexedDB database per call, where the training worker's API
// stores fits, plus what the page does around it (commit a summary, name a run) and a way to read a run back.

import 'fake-indexeddb/auto';
import type { NotebookId, CellId } from '../core/notebook/types';
import type { RunSummary, TrainedRun } from '../core/train/types';
import { openStudioDb } from '../storage/db';
import { loadTrainedRun, saveRunSummary } from '../storage/runs';
import type { RunStore, StoredRunRef } from '../workers/stored-runs';

export interface TestRunStore {
  /** Where trainRun / mergeForestRun store fits. */
  store: RunStore;
  /** How a job names stored run `runId`. */
  ref(runId: string): StoredRunRef;
  /** Saves `summary` as the page does once a candidate finished; returns its ref. */
  commit(summary: RunSummary): Promise<StoredRunRef>;
  /** The whole stored run (summary + fit), or null. */
  load(runId: string): Promise<TrainedRun | null>;
}

/** A store over a new, empty database. */
export function createTestRunStore(): TestRunStore {
  const dbName = `ml-studio-test-${crypto.randomUUID()}`;
  const notebookId = 'nb-test' as NotebookId;
  const ref = (runId: string): StoredRunRef => ({ dbName, runId });
  const withDb = async <T>(use: (db: Awaited<ReturnType<typeof openStudioDb>>) => Promise<T>): Promise<T> => {
    const db = await openStudioDb(dbName);
    try {
      return await use(db);
    } finally {
      db.close();
    }
  };
  return {
    store: { dbName, notebookId },
    ref,
    commit: (summary) => withDb(async (db) => {
      await saveRunSummary(db, notebookId, 'cell-test' as CellId, summary);
      return ref(summary.id);
    }),
    load: (runId) => withDb((db) => loadTrainedRun(db, runId)),
  };
}
