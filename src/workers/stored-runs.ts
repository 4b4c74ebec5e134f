// Trained runs as a training worker sees them: it stores the fit of a run it trained (model and pipeline JSON
// never cross to the page) and reads whole stored runs back by id to predict, explain or refit. The database is
// the page's, opened here on first use and forgotten when another tab's upgrade closes it.

import { StudioError } from '../core/errors';
import type { NotebookId } from '../core/notebook/types';
import { splitRun } from '../core/train/split-run';
import type { RunSummary, TrainedRun } from '../core/train/types';
import { openStudioDb, type StudioDb } from '../storage/db';
import { requireTrainedRun, saveRunFit } from '../storage/runs';

/** Where a worker stores the fit of a run it trains: the page's database and the run's notebook. */
export interface RunStore {
  dbName: string;
  notebookId: NotebookId;
}

/** A stored run a worker reads: the page's database and the run's id. */
export interface StoredRunRef {
  dbName: string;
  runId: string;
}

const connections = new Map<string, Promise<StudioDb>>();

/** This worker's one connection to database `name`, forgotten when another tab's upgrade closes it. */
export function openWorkerDb(name: string): Promise<StudioDb> {
  let connection = connections.get(name);
  if (!connection) {
    connection = openStudioDb(name, { onVersionChange: () => connections.delete(name) });
    connections.set(name, connection);
    connection.catch(() => connections.delete(name));
  }
  return connection;
}

/** Writes `run`'s fit to `store` and returns its summary: the only part the page receives. A failed write (quota) is a StorageError saying what to do. */
export async function storeRunFit(store: RunStore, run: TrainedRun): Promise<RunSummary> {
  const { summary, fit } = splitRun(run);
  try {
    await saveRunFit(await openWorkerDb(store.dbName), store.notebookId, run.id, fit);
  } catch (error) {
    // A full disk already says what is large and how to free space (storage/quota.ts): passed on as it is.
    if (error instanceof StudioError && error.name === 'StorageError') throw error;
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new StudioError('StorageError', `Could not store the trained model of "${run.label}" (${reason}). Free some space (delete notebooks or datasets you no longer need on Home) and train it again.`);
  }
  return summary;
}

/** The whole stored run `ref` names; a StorageError naming it when it is not stored. */
export async function readStoredRun(ref: StoredRunRef): Promise<TrainedRun> {
  return requireTrainedRun(await openWorkerDb(ref.dbName), ref.runId);
}
