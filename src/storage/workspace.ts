// The whole studio database as one workspace file (core/workspace) and back. Import is all or nothing: the file is
// read and checked, compared with what this browser holds, then written in ONE readwrite transaction over every
// store, so a bad record, a full disk or a closed tab leaves the database exactly as it was.
// A record whose id exists here is skipped when identical. When different, its dataset, notebook or run gets a new
// id and its model a new name, and every reference to it in the imported records follows (core/workspace/remap-ids.ts);
// only a cell output, a cache of its cell's last run, keeps this browser's version when they differ.

import type { DatasetId, NotebookId } from '../core/notebook/types';
import { createTextColumn } from '../core/table/text-column';
import { readWorkspaceZip } from '../core/workspace/read-workspace';
import { findOwner, nameImportedModel, remapRecord, type IdRemap } from '../core/workspace/remap-ids';
import { readBlobBytes } from '../core/workspace/tagged-json';
import { WORKSPACE_KINDS, type WorkspaceChunk, type WorkspaceContents, type WorkspaceKind, type WorkspaceRecord } from '../core/workspace/workspace-format';
import { writeWorkspaceZip } from '../core/workspace/write-workspace';
import { StudioError } from '../core/errors';
import type { StudioDb } from './db';
import type { DatasetChunk } from './records';
import { guardQuota, isQuotaError } from './quota';

/** Every store a workspace holds, in the order import writes them. */
const STORES = ['datasets', 'datasetChunks', 'notebooks', 'cellOutputs', 'runs', 'runFits', 'models', 'modelVersions', 'registryLog'] as const;
type Store = (typeof STORES)[number];
type Records = { [S in Store]: readonly WorkspaceRecord[] };
type Existing = { [S in Store]: (WorkspaceRecord | undefined)[] };

/** What an import did, per record kind: records written (remapped ones included), and records skipped because this browser held them already. */
export interface WorkspaceImportReport {
  added: Record<WorkspaceKind, number>;
  skipped: Record<WorkspaceKind, number>;
  /** Datasets, notebooks and runs written under a new id because this browser holds other ones under theirs. */
  remapped: number;
  /** Models written under a new name because this browser holds another model under theirs. */
  renamedModels: { from: string; to: string }[];
}

/** The zip of every record of every store, read in one transaction; `exportedAtMs` (epoch ms) goes into workspace.json. */
export async function exportWorkspace(db: StudioDb, exportedAtMs = Date.now()): Promise<Uint8Array> {
  const transaction = db.transaction([...STORES], 'readonly');
  const all = await Promise.all(STORES.map((store) => transaction.objectStore(store).getAll() as Promise<unknown[]>));
  const records = Object.fromEntries(STORES.map((store, i) => [store, all[i]])) as unknown as Records;
  const datasetChunks = (records.datasetChunks as unknown as DatasetChunk[]).map(packLegacyText);
  return writeWorkspaceZip({ ...records, datasetChunks } as WorkspaceContents, exportedAtMs);
}

/** Imports a workspace zip; throws a StorageError (and writes nothing) when the file is bad or cannot be written. */
export async function importWorkspace(db: StudioDb, zip: Uint8Array): Promise<WorkspaceImportReport> {
  const { contents } = readWorkspaceZip(zip, (bytes, type) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const incoming = contents as unknown as Records;
  const { existing, modelNames } = await readExisting(db, incoming);
  const plan = await planImport(incoming, existing, modelNames);
  await guardQuota(db, { label: 'the workspace import', bytes: zip.byteLength }, () => writeRecords(db, plan.toAdd));
  const count = (records: Records) => Object.fromEntries(WORKSPACE_KINDS.map((kind) => [kind, records[kind].length])) as Record<WorkspaceKind, number>;
  const { datasets, notebooks, runs, models } = plan.remap;
  return { added: count(plan.toAdd), skipped: count(plan.skipped), remapped: datasets.size + notebooks.size + runs.size, renamedModels: [...models].map(([from, to]) => ({ from, to })) };
}

/** The key of a record in its store, as IndexedDB takes it. */
function keyOf(store: Store, record: WorkspaceRecord): IDBValidKey {
  switch (store) {
    case 'datasetChunks': return [record.datasetId, record.columnIndex, record.chunkIndex] as IDBValidKey;
    case 'cellOutputs': return [record.notebookId, record.cellId] as IDBValidKey;
    case 'models': return record.name as IDBValidKey;
    default: return record.id as IDBValidKey;
  }
}

/**
 * The stored record under each incoming record's key (undefined where none), store by store, and every name a model,
 * version or registry change uses here (what a renamed model must avoid), in one read transaction.
 */
async function readExisting(db: StudioDb, incoming: Records): Promise<{ existing: Existing; modelNames: Set<string> }> {
  const transaction = db.transaction([...STORES], 'readonly');
  const [found, models, versionNames, logNames] = await Promise.all([
    Promise.all(STORES.map((store) => Promise.all(incoming[store].map((record) => transaction.objectStore(store).get(keyOf(store, record) as never) as Promise<WorkspaceRecord | undefined>)))),
    transaction.objectStore('models').getAllKeys(),
    transaction.objectStore('modelVersions').getAllKeys(),
    transaction.objectStore('registryLog').getAllKeys(),
  ]);
  const existing = Object.fromEntries(STORES.map((store, i) => [store, found[i]])) as Existing;
  // A version's key is `${modelName}@${version}`, a change's `${modelName}#${sequence}`: their model names are what precedes the last separator.
  const before = (key: IDBValidKey, separator: string) => String(key).slice(0, String(key).lastIndexOf(separator));
  const modelNames = new Set([...models.map(String), ...versionNames.map((k) => before(k, '@')), ...logNames.map((k) => before(k, '#'))]);
  return { existing, modelNames };
}

/**
 * Splits the incoming records into those to add (under their own ids, or new ones) and those already here
 * (identical content). A dataset, notebook or run whose record here differs, after the references in it were
 * rewritten, gets a new id; every record naming it follows, which can make another record differ (a notebook whose
 * run got a new id), so this repeats until no new id is drawn. A model that differs (its record, versions or
 * changes) gets a new name. A cell output is a cache of its cell's last run (opening a notebook re-saves some): when
 * its notebook keeps its id, this browser's output is kept.
 */
async function planImport(incoming: Records, existing: Existing, modelNamesHere: ReadonlySet<string>): Promise<{ toAdd: Records; skipped: Records; remap: IdRemap }> {
  const present = STORES.flatMap((store) => existing[store].filter((r): r is WorkspaceRecord => r !== undefined));
  const incomingPresent = STORES.flatMap((store) => incoming[store].filter((_, i) => existing[store][i] !== undefined));
  const blobBytes = await readBlobBytes([...present, ...incomingPresent]);
  const remap = { datasets: new Map<string, string>(), notebooks: new Map<string, string>(), runs: new Map<string, string>(), models: new Map<string, string>() };
  const differing = new Set<string>();
  for (let drawn = true; drawn; ) {
    drawn = false;
    for (const store of STORES) {
      if (store === 'cellOutputs') continue;
      incoming[store].forEach((record, i) => {
        const here = existing[store][i];
        const owner = findOwner(store, record)!;
        if (here === undefined || remap[owner.kind].has(owner.id) || differing.has(`${owner.kind}/${owner.id}`)) return;
        if (isSameValue(here, remapRecord(store, record, remap), blobBytes)) return;
        if (owner.kind === 'models') differing.add(`models/${owner.id}`);
        else {
          remap[owner.kind].set(owner.id, owner.kind === 'notebooks' ? (crypto.randomUUID() as NotebookId) : owner.kind === 'datasets' ? (crypto.randomUUID() as DatasetId) : crypto.randomUUID());
          drawn = true;
        }
      });
    }
  }
  // Models last: nothing refers to a model, and whether one differs depends on the runs and notebooks remapped above.
  const taken = new Set([...modelNamesHere, ...incoming.models.map((m) => String(m.name))]);
  for (const key of differing) {
    const name = key.slice('models/'.length);
    const renamed = nameImportedModel(name, (candidate) => taken.has(candidate));
    taken.add(renamed);
    remap.models.set(name, renamed);
  }
  const toAdd = {} as { [S in Store]: WorkspaceRecord[] };
  const skipped = {} as { [S in Store]: WorkspaceRecord[] };
  for (const store of STORES) {
    toAdd[store] = [];
    skipped[store] = [];
    incoming[store].forEach((record, i) => {
      const written = remapRecord(store, record, remap);
      const owner = findOwner(store, record);
      const moved = owner === null ? remap.notebooks.has(String(record.notebookId)) : remap[owner.kind].has(owner.id);
      // What is not moved and is here is identical (or a cell output, of which this browser's is kept).
      if (!moved && existing[store][i] !== undefined) skipped[store].push(record);
      else toAdd[store].push(written);
    });
  }
  return { toAdd, skipped, remap };
}

/** Deep equality of stored values: numbers by Object.is (NaN equals NaN, -0 is not 0), typed arrays and Blobs by bytes. */
function isSameValue(a: unknown, b: unknown, blobBytes: ReadonlyMap<object, Uint8Array>): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  const same = (x: unknown, y: unknown) => isSameValue(x, y, blobBytes);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (ArrayBuffer.isView(a) || a instanceof ArrayBuffer) return isSameBytes(toBytes(a), toBytes(b as ArrayBufferView));
  if (a instanceof Blob) return a.type === (b as Blob).type && isSameBytes(blobBytes.get(a)!, blobBytes.get(b)!);
  if (a instanceof Date) return Object.is(a.getTime(), (b as Date).getTime());
  if (a instanceof Map || a instanceof Set) {
    const [left, right] = [[...a], [...(b as Map<unknown, unknown> | Set<unknown>)]];
    return left.length === right.length && left.every((entry, i) => same(entry, right[i]));
  }
  const [keysA, keysB] = [Object.keys(a), Object.keys(b)];
  return keysA.length === keysB.length && keysA.every((key) => Object.hasOwn(b, key) && same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

function toBytes(value: ArrayBufferView | ArrayBuffer): Uint8Array {
  return ArrayBuffer.isView(value) ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : new Uint8Array(value);
}

function isSameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Records added between two awaited requests while writing. */
const ADD_BATCH_RECORDS = 256;

/** Adds every record in ONE readwrite transaction over all stores; any failure aborts it, so nothing is written. */
async function writeRecords(db: StudioDb, records: Records): Promise<void> {
  const transaction = db.transaction([...STORES], 'readwrite');
  const done = transaction.done;
  try {
    let pending = 0;
    for (const store of STORES) {
      for (const record of records[store]) {
        // add, not put: a record another tab stored meanwhile is a ConstraintError that aborts the whole import.
        const request = transaction.objectStore(store).add(record as never);
        request.catch(ignore);
        // Awaiting a request now and then keeps the transaction alive and lets the page breathe between batches.
        if (++pending % ADD_BATCH_RECORDS === 0) await request;
      }
    }
  } catch (error) {
    abortQuietly(transaction);
    await done.catch(ignore);
    throw describeWriteFailure(error);
  }
  try {
    await done;
  } catch (error) {
    throw describeWriteFailure(error);
  }
}

/** The error to report; a full disk passes through as it is (guardQuota names it). */
function describeWriteFailure(error: unknown): unknown {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (isQuotaError(error)) return error;
  if (name === 'ConstraintError') return new StudioError('StorageError', 'A record of this workspace was stored in another tab while importing. Nothing was imported; import the file again.');
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new StudioError('StorageError', `Could not import the workspace (${reason}). Nothing was imported; try again.`);
}

/** A chunk as the workspace keeps it: text written before packed text (string arrays) is packed first. */
function packLegacyText(chunk: DatasetChunk): WorkspaceChunk {
  if (!Array.isArray(chunk.values)) return chunk as WorkspaceChunk;
  const { bytes, offsets, missing } = createTextColumn('', chunk.values);
  return { ...chunk, values: { bytes, offsets, missing } };
}

function abortQuietly(transaction: { abort(): void }): void {
  try {
    transaction.abort();
  } catch {
    // Already finished; `done` carries the outcome.
  }
}

function ignore(): void {}
