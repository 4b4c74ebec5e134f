// The IndexedDB schema of ML Studio, its version and the upgrade ladder. The only place that opens the database.
// v1 (shipped before): datasets, datasetChunks, notebooks. v2: cellOutputs, runs, an empty `models` store, two
// indexes, and v1 records migrated (dataset storedBytes computed from chunks, notebook updatedAt defaulted to
// createdAt). v3: runs indexed by notebook (the Train cell's leaderboard after a reload). v4: a run's model and
// fitted pipeline move from `runs` to `runFits` (the page lists summaries; workers read and write fits). v5: the
// `models` store, never written (a run's model lives in `runFits`), is dropped. v6: the model registry — `models`
// (registered names), `modelVersions` (a run registered as a numbered version with a stage) and `registryLog`.

import { unwrap, wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { CellId, DatasetId, Notebook, NotebookId } from '../core/notebook/types';
import { StudioError } from '../core/errors';
import { measureChunkBytes, selectDatasetChunks } from './chunks';
import { splitRun } from '../core/train/split-run';
import type { TrainedRun } from '../core/train/types';
import type { DatasetMeta } from '../core/ingest/dataset-meta';
import type { ModelVersion, RegisteredModel, RegistryChange } from '../core/registry/types';
import type { CellOutputRecord, DatasetChunk, RunFitRecord, RunRecord } from './records';
import { isMemoryDbName, openMemoryDbByName } from './remote-db';

export const STUDIO_DB_VERSION = 6;

/** The database the app uses (tests open others by name). */
export const STUDIO_DB_NAME = 'ml-studio';

export interface StudioSchema extends DBSchema {
  datasets: { key: DatasetId; value: DatasetMeta; indexes: { 'by-hash': string } };
  datasetChunks: { key: [DatasetId, number, number]; value: DatasetChunk };
  notebooks: { key: NotebookId; value: Notebook; indexes: { 'by-updated': number } };
  cellOutputs: { key: [NotebookId, CellId]; value: CellOutputRecord; indexes: { 'by-notebook': NotebookId } };
  runs: { key: string; value: RunRecord; indexes: { 'by-notebook': NotebookId } };
  runFits: { key: string; value: RunFitRecord; indexes: { 'by-notebook': NotebookId } };
  /** v6: registered models by name. (v2–v4 had an unused store of the same name, dropped in v5.) */
  models: { key: string; value: RegisteredModel };
  /** v6: keyed by `${modelName}@${version}`. */
  modelVersions: { key: string; value: ModelVersion; indexes: { 'by-model': string; 'by-run': string } };
  /** v6: keyed by `${modelName}#${sequence}`. */
  registryLog: { key: string; value: RegistryChange; indexes: { 'by-model': string } };
}

export type StudioDb = IDBPDatabase<StudioSchema>;

/** Tell the user about other tabs: `onBlocked` fires while an older open tab holds up this upgrade;
 * `onVersionChange` fires after this connection closed itself because another tab needs a newer version. */
export interface StudioDbHooks {
  onBlocked?(): void;
  onVersionChange?(): void;
}

type UpgradeTransaction = IDBPTransaction<StudioSchema, StoreNames<StudioSchema>[], 'versionchange'>;

/**
 * Opens (creating or upgrading) the studio database; failures become a StorageError naming the database. A
 * `memory:` name (memory-db.ts) is the page's in-memory store: the page's own, or reached from a worker by the bridge.
 */
export async function openStudioDb(name = STUDIO_DB_NAME, hooks: StudioDbHooks = {}): Promise<StudioDb> {
  if (isMemoryDbName(name)) return openMemoryDbByName(name);
  try {
    return await openStudioDbWith(globalThis.indexedDB, name, hooks);
  } catch (error) {
    throw describeOpenFailure(name, error);
  }
}

/** A StorageError naming database `name` and why it could not be opened. */
export function describeOpenFailure(name: string, error: unknown): StudioError {
  const reason = error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error);
  return new StudioError('StorageError', `Could not open the browser database "${name}" (${reason}). Reload the page; if it keeps failing, check that this site may store data.`);
}

/**
 * Opens the studio database from `factory` (the browser's IndexedDB, or fake-indexeddb's in memory mode) as idb's
 * openDB would, with the upgrade ladder; failures reject as the browser raised them (a missing factory: TypeError).
 */
export async function openStudioDbWith(factory: IDBFactory | undefined, name: string, hooks: StudioDbHooks = {}): Promise<StudioDb> {
  if (!factory) throw new TypeError('This browser gives the page no IndexedDB.');
  const request = factory.open(name, STUDIO_DB_VERSION);
  request.addEventListener('upgradeneeded', (event) => {
    upgradeSchema(wrap(request.result) as unknown as StudioDb, event.oldVersion, wrap(request.transaction as IDBTransaction) as unknown as UpgradeTransaction);
  });
  request.addEventListener('blocked', () => hooks.onBlocked?.());
  const db = (await (wrap(request as IDBRequest<IDBDatabase>) as Promise<unknown>)) as StudioDb;
  // Closing at once lets the other tab's upgrade go ahead; this tab must reload to use the new schema.
  db.addEventListener('versionchange', () => {
    db.close();
    hooks.onVersionChange?.();
  });
  return db;
}

function upgradeSchema(database: StudioDb, oldVersion: number, transaction: UpgradeTransaction): void {
  if (oldVersion < 1) createV1Stores(database);
  if (oldVersion < 2) upgradeToV2(database, transaction, oldVersion);
  if (oldVersion < 3) transaction.objectStore('runs').createIndex('by-notebook', 'notebookId');
  if (oldVersion < 4) upgradeToV4(database, transaction, oldVersion);
  if (oldVersion < 5) dropModelsStore(database);
  if (oldVersion < 6) createRegistryStores(database);
}

function createV1Stores(db: StudioDb): void {
  db.createObjectStore('datasets', { keyPath: 'id' });
  db.createObjectStore('datasetChunks', { keyPath: ['datasetId', 'columnIndex', 'chunkIndex'] });
  db.createObjectStore('notebooks', { keyPath: 'id' });
}

function upgradeToV2(db: StudioDb, transaction: UpgradeTransaction, oldVersion: number): void {
  const cellOutputs = db.createObjectStore('cellOutputs', { keyPath: ['notebookId', 'cellId'] });
  cellOutputs.createIndex('by-notebook', 'notebookId');
  db.createObjectStore('runs', { keyPath: 'id' });
  transaction.objectStore('notebooks').createIndex('by-updated', 'updatedAt');
  transaction.objectStore('datasets').createIndex('by-hash', 'contentHash');
  if (oldVersion < 1) return;
  // Only IndexedDB requests are awaited here, so the upgrade transaction stays alive until the migration ends.
  migrateV1Records(transaction).catch(() => abortQuietly(transaction));
}

async function migrateV1Records(transaction: UpgradeTransaction): Promise<void> {
  const chunks = transaction.objectStore('datasetChunks');
  for (let cursor = await transaction.objectStore('datasets').openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.storedBytes !== undefined) continue;
    const stored = await chunks.getAll(selectDatasetChunks(cursor.value.id));
    const storedBytes = stored.reduce((sum, chunk) => sum + measureChunkBytes(chunk.values), 0);
    await cursor.update({ ...cursor.value, storedBytes });
  }
  for (let cursor = await transaction.objectStore('notebooks').openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.updatedAt !== undefined) continue;
    await cursor.update({ ...cursor.value, updatedAt: cursor.value.createdAt });
  }
}

function upgradeToV4(db: StudioDb, transaction: UpgradeTransaction, oldVersion: number): void {
  db.createObjectStore('runFits', { keyPath: 'id' }).createIndex('by-notebook', 'notebookId');
  if (oldVersion < 2) return;
  splitV3Runs(transaction).catch(() => abortQuietly(transaction));
}

/** True for a run as v3 wrote it, the whole run with model and pipeline (a v2 record may have no run at all). */
function holdsWholeRun(run: RunRecord['run'] | undefined): run is TrainedRun {
  return run !== undefined && 'model' in run && 'pipeline' in run;
}

/** v3 runs held their model and pipeline: each moves to `runFits`, the run keeps its summary. */
async function splitV3Runs(transaction: UpgradeTransaction): Promise<void> {
  const fits = transaction.objectStore('runFits');
  for (let cursor = await transaction.objectStore('runs').openCursor(); cursor; cursor = await cursor.continue()) {
    const { run } = cursor.value;
    if (!holdsWholeRun(run)) continue;
    const { summary, fit } = splitRun(run);
    await fits.put({ id: cursor.value.id, notebookId: cursor.value.notebookId, ...fit });
    await cursor.update({ ...cursor.value, run: summary });
  }
}

/** v2–v4 databases have an unused `models` store (v6 names a new one, created after this drop). */
function dropModelsStore(db: StudioDb): void {
  const native = unwrap(db);
  if (native.objectStoreNames.contains('models')) native.deleteObjectStore('models');
}

function createRegistryStores(db: StudioDb): void {
  db.createObjectStore('models', { keyPath: 'name' });
  const versions = db.createObjectStore('modelVersions', { keyPath: 'id' });
  versions.createIndex('by-model', 'modelName');
  versions.createIndex('by-run', 'runId');
  db.createObjectStore('registryLog', { keyPath: 'id' }).createIndex('by-model', 'modelName');
}

function abortQuietly(transaction: UpgradeTransaction): void {
  try {
    transaction.abort();
  } catch {
    // Already finished: the open request reports the failure itself.
  }
}
