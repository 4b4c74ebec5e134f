// The model registry in IndexedDB: named models, their numbered versions (each a stored run) with stages, and the
// log of every change. Each verb is one readwrite transaction that re-reads the versions before writing: IndexedDB
// runs overlapping readwrite transactions one after another, across tabs too, so that re-read is the lock that keeps
// one production version per model. The rules themselves are pure (core/registry/stage-rules.ts). Callers broadcast
// each returned change to other tabs (state/registry-channel.ts).

import type { IDBPTransaction, StoreNames } from 'idb';
import { RegistryError } from '../core/errors';
import { checkModelName, formatVersionId, planCardEdit, planRegistration, planRollback, planStageChange, type RegistryPlan } from '../core/registry/stage-rules';
import { appendHistory, type MonitorHistoryEntry } from '../core/monitor/monitor-history';
import type { ModelCardEdits, ModelVersion, RegisteredModel, RegistryChange, Stage } from '../core/registry/types';
import type { StudioDb, StudioSchema } from './db';
import { guardQuota } from './quota';

type Stores = StoreNames<StudioSchema>[];
type Writer<S extends Stores> = IDBPTransaction<StudioSchema, S, 'readwrite'>;
type ChangeStores = ['models', 'modelVersions', 'registryLog'];
const CHANGE_STORES: ChangeStores = ['models', 'modelVersions', 'registryLog'];

/** Registers stored run `runId` as the next version (stage 'none') of `modelName`, creating the model when new. */
export async function registerVersion(db: StudioDb, input: { modelName: string; runId: string; reason?: string }): Promise<ModelVersion> {
  const modelName = checkModelName(input.modelName);
  return writeInOneTransaction(db, [...CHANGE_STORES, 'runs', 'runFits'], async (transaction) => {
    const [model, existing, record, fitCount, sequence] = await Promise.all([
      transaction.objectStore('models').get(modelName),
      transaction.objectStore('modelVersions').index('by-model').getAll(modelName),
      transaction.objectStore('runs').get(input.runId),
      transaction.objectStore('runFits').count(input.runId),
      readNextSequence(transaction, modelName),
    ]);
    if (!record || fitCount === 0) throw new RegistryError(`The run "${input.runId}" is not stored (deleted?); train it again in the Train cell and register the new run.`);
    const twin = existing.find((v) => v.runId === input.runId);
    if (twin) throw new RegistryError(`The run "${input.runId}" is already ${modelName} v${twin.version}; register another run to make a new version.`);
    const now = Date.now();
    const { version, change } = planRegistration(existing, { modelName, runId: input.runId, notebookId: record.notebookId, reason: input.reason ?? '' }, { now, sequence });
    const writes: Promise<unknown>[] = [transaction.objectStore('modelVersions').add(version), transaction.objectStore('registryLog').add(change)];
    if (!model) writes.push(transaction.objectStore('models').add({ name: modelName, createdAt: now, description: '' }));
    await Promise.all(writes);
    return version;
  });
}

/** Moves a version to `stage`; into production, the version in production before is archived in the same transaction. */
export async function setStage(db: StudioDb, input: { modelName: string; version: number; stage: Stage; reason: string }): Promise<RegistryChange> {
  return applyPlan(db, input.modelName, (versions, context) => planStageChange(versions, input, context));
}

/** Puts an earlier version (any, when none is in production) back in production; the current one is archived. */
export async function rollback(db: StudioDb, input: { modelName: string; toVersion: number; reason: string }): Promise<RegistryChange> {
  return applyPlan(db, input.modelName, (versions, context) => planRollback(versions, input, context));
}

/** Replaces the person-written parts of a version's model card. */
export async function updateCardEdits(db: StudioDb, input: { modelName: string; version: number; card: ModelCardEdits }): Promise<RegistryChange> {
  return applyPlan(db, input.modelName, (versions, context) => planCardEdit(versions, { ...input, reason: '' }, context));
}

/** Every registered model with its versions (ascending), models by name. */
export async function listModels(db: StudioDb): Promise<{ model: RegisteredModel; versions: ModelVersion[] }[]> {
  const transaction = db.transaction(['models', 'modelVersions'], 'readonly');
  const [models, versions] = await Promise.all([transaction.objectStore('models').getAll(), transaction.objectStore('modelVersions').getAll(), transaction.done]);
  return models
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((model) => ({ model, versions: sortVersions(versions.filter((v) => v.modelName === model.name)) }));
}

/** The versions of one model, ascending; none for an unknown name. */
export async function loadModelVersions(db: StudioDb, modelName: string): Promise<ModelVersion[]> {
  return sortVersions(await db.getAllFromIndex('modelVersions', 'by-model', modelName));
}

/** The change log of one model, oldest first. */
export async function listChanges(db: StudioDb, modelName: string): Promise<RegistryChange[]> {
  const changes = await db.getAllFromIndex('registryLog', 'by-model', modelName);
  return changes.sort((a, b) => a.sequence - b.sequence);
}

/** The versions (of any model) that are run `runId`, by model name then version. */
export async function listVersionsOfRun(db: StudioDb, runId: string): Promise<ModelVersion[]> {
  const versions = await db.getAllFromIndex('modelVersions', 'by-run', runId);
  return versions.sort((a, b) => a.modelName.localeCompare(b.modelName) || a.version - b.version);
}

type Planner = (versions: ModelVersion[], context: { now: number; sequence: number }) => RegistryPlan;

/** Reads the model's versions inside the transaction, plans the change, writes the changed versions and the log entry. */
async function applyPlan(db: StudioDb, rawName: string, plan: Planner): Promise<RegistryChange> {
  const modelName = typeof rawName === 'string' ? rawName.trim() : '';
  return writeInOneTransaction(db, CHANGE_STORES, async (transaction) => {
    const [model, versions, sequence] = await Promise.all([
      transaction.objectStore('models').get(modelName),
      transaction.objectStore('modelVersions').index('by-model').getAll(modelName),
      readNextSequence(transaction, modelName),
    ]);
    if (!model) throw new RegistryError(`No model named "${modelName}" is registered (deleted in another tab?); reload the registry and pick one of its models.`);
    const result = plan(sortVersions(versions), { now: Date.now(), sequence });
    if (result.kind === 'refused') throw new RegistryError(result.message);
    await Promise.all([...result.versions.map((v) => transaction.objectStore('modelVersions').put(v)), transaction.objectStore('registryLog').add(result.change)]);
    return result.change;
  });
}

async function readNextSequence(transaction: Writer<['models', 'modelVersions', 'registryLog', ...Stores]>, modelName: string): Promise<number> {
  return (await transaction.objectStore('registryLog').index('by-model').count(modelName)) + 1;
}

/** Runs `work` in one readwrite transaction; when it throws, the transaction is aborted, so nothing is half-written. */
async function writeInOneTransaction<S extends Stores, T>(db: StudioDb, stores: S, work: (transaction: Writer<S>) => Promise<T>): Promise<T> {
  return guardQuota(db, { label: 'the model registry change', bytes: 1024 }, () => writeOnce(db, stores, work));
}

async function writeOnce<S extends Stores, T>(db: StudioDb, stores: S, work: (transaction: Writer<S>) => Promise<T>): Promise<T> {
  const transaction = db.transaction(stores, 'readwrite');
  try {
    const result = await work(transaction);
    await transaction.done;
    return result;
  } catch (error) {
    try {
      transaction.abort();
    } catch {
      // Already finished: nothing was written after the failure.
    }
    await transaction.done.catch(() => undefined);
    throw error;
  }
}

function sortVersions(versions: ModelVersion[]): ModelVersion[] {
  return versions.sort((a, b) => a.version - b.version);
}

/** Adds a monitored batch to its version's history (in the version's record, one transaction); the history after. */
export async function appendMonitorBatch(db: StudioDb, entry: MonitorHistoryEntry): Promise<MonitorHistoryEntry[]> {
  return writeInOneTransaction(db, ['modelVersions'], async (transaction) => {
    const store = transaction.objectStore('modelVersions');
    const version = await store.get(formatVersionId(entry.modelName, entry.version));
    if (!version) throw new RegistryError(`${entry.modelName} v${entry.version} is no longer registered (deleted in another tab?); pick a version in the Monitor cell.`);
    const history = appendHistory(version.monitorHistory ?? [], entry);
    await store.put({ ...version, monitorHistory: history });
    return history;
  });
}
