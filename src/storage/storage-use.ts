// What uses the studio's storage, per kind of record, and what nothing uses any more: datasets no notebook cell
// points at and no stored run was trained on, runs no Train output lists and no model version is, outputs of
// cells (or notebooks) that are gone. Sizes are estimates of the records' own bytes, before the browser compresses.

import type { IDBPTransaction } from 'idb';
import { readCodeOutputKey } from '../core/code/code-result';
import type { Notebook } from '../core/notebook/types';
import { selectDatasetChunks } from './chunks';
import type { StudioDb, StudioSchema } from './db';

/** Estimated bytes per kind: datasets (column chunks), notebooks, cell outputs, runs (summaries + fits), models (registry). */
export interface StorageUse {
  datasets: number;
  notebooks: number;
  outputs: number;
  runs: number;
  models: number;
}

export type CleanupKind = 'datasets' | 'runs' | 'outputs';

/** What nothing refers to, with estimated bytes; `runs` includes fits whose summary is gone. */
export interface Unreferenced {
  datasets: { id: string; name: string; bytes: number }[];
  runs: { id: string; notebookId: string; label: string; bytes: number }[];
  outputs: { notebookId: string; cellId: string; bytes: number }[];
}

const USE_STORES = ['datasets', 'notebooks', 'cellOutputs', 'runs', 'runFits', 'models', 'modelVersions', 'registryLog'] as const;
const CLEANUP_STORES = ['datasets', 'datasetChunks', 'notebooks', 'cellOutputs', 'runs', 'runFits', 'modelVersions'] as const;
type CleanupTransaction = IDBPTransaction<StudioSchema, typeof CLEANUP_STORES extends readonly (infer S)[] ? S[] : never, 'readonly' | 'readwrite'>;

/** Estimated bytes each kind of record uses (datasets by their stored chunk bytes). */
export async function measureStorageUse(db: StudioDb): Promise<StorageUse> {
  const transaction = db.transaction([...USE_STORES], 'readonly');
  const [datasets, notebooks, outputs, runs, fits, models, versions, log] = await Promise.all(USE_STORES.map((store) => transaction.objectStore(store).getAll() as Promise<unknown[]>));
  const sum = (...lists: unknown[][]) => lists.reduce((total: number, list) => total + estimateBytes(list), 0);
  return {
    datasets: (datasets as { storedBytes: number }[]).reduce((total, d) => total + d.storedBytes, 0) + sum(datasets),
    notebooks: sum(notebooks),
    outputs: sum(outputs),
    runs: sum(runs, fits),
    models: sum(models, versions, log),
  };
}

/** Everything nothing refers to, read in one transaction. */
export async function listUnreferenced(db: StudioDb): Promise<Unreferenced> {
  return collectUnreferenced(db.transaction([...CLEANUP_STORES], 'readonly'));
}

/** Deletes what nothing refers to, of the given kinds, in one transaction (found again inside it); returns what went. */
export async function deleteUnreferenced(db: StudioDb, kinds: readonly CleanupKind[]): Promise<Unreferenced> {
  const transaction = db.transaction([...CLEANUP_STORES], 'readwrite');
  const found = await collectUnreferenced(transaction);
  const gone: Unreferenced = { datasets: kinds.includes('datasets') ? found.datasets : [], runs: kinds.includes('runs') ? found.runs : [], outputs: kinds.includes('outputs') ? found.outputs : [] };
  const store = transaction.objectStore.bind(transaction);
  await Promise.all([
    ...gone.datasets.flatMap((d) => [store('datasets').delete(d.id as never), store('datasetChunks').delete(selectDatasetChunks(d.id as never))]),
    ...gone.runs.flatMap((r) => [store('runs').delete(r.id), store('runFits').delete(r.id)]),
    ...gone.outputs.map((o) => store('cellOutputs').delete([o.notebookId, o.cellId] as never)),
    transaction.done,
  ]);
  return gone;
}

async function collectUnreferenced(transaction: CleanupTransaction): Promise<Unreferenced> {
  const store = transaction.objectStore.bind(transaction);
  const [datasets, notebooks, outputs, runs, fits, versions] = await Promise.all([
    store('datasets').getAll(), store('notebooks').getAll(), store('cellOutputs').getAll(), store('runs').getAll(), store('runFits').getAll(), store('modelVersions').getAll(),
  ]);
  const cellsOf = new Map(notebooks.map((n) => [n.id as string, new Set(n.cells.map((c) => c.id as string))]));
  // A Code cell's returned table is a stored dataset named only by the cell's saved output.
  const liveOutputs = outputs.filter((o) => cellsOf.get(o.notebookId)?.has(o.cellId));
  const usedDatasets = new Set([...notebooks.flatMap(listDatasetIds), ...liveOutputs.flatMap((o) => listCodeOutputDatasetIds(o.output))]);
  // A run records the content hash of the dataset it was trained on (provenance): that dataset stays while the run does.
  const neededHashes = new Set(runs.map((r) => (r.run as { provenance?: { dataset?: { contentHash?: string } } }).provenance?.dataset?.contentHash).filter(Boolean));
  const listedRuns = new Set([...outputs.flatMap((o) => listTrainRunIds(o.output)), ...versions.map((v) => v.runId)]);
  const summaries = new Map(runs.map((r) => [r.id, r]));
  const fitBytes = new Map(fits.map((f) => [f.id, estimateBytes(f)]));
  const runIds = new Set([...summaries.keys(), ...fitBytes.keys()]);
  return {
    datasets: datasets.filter((d) => !usedDatasets.has(d.id) && !neededHashes.has(d.contentHash)).map((d) => ({ id: d.id, name: d.name, bytes: d.storedBytes })),
    runs: [...runIds].filter((id) => !listedRuns.has(id)).map((id) => {
      const summary = summaries.get(id);
      const notebookId = summary?.notebookId ?? fits.find((f) => f.id === id)?.notebookId ?? '';
      return { id, notebookId, label: summary?.run.label ?? 'a model without its summary', bytes: estimateBytes(summary) + (fitBytes.get(id) ?? 0) };
    }),
    outputs: outputs.filter((o) => !cellsOf.get(o.notebookId)?.has(o.cellId)).map((o) => ({ notebookId: o.notebookId, cellId: o.cellId, bytes: estimateBytes(o) })),
  };
}

/** The datasets a notebook's cells point at: Data cells, and Predict cells' scored files. */
function listDatasetIds(notebook: Notebook): string[] {
  return notebook.cells.flatMap((cell) => {
    if (cell.kind === 'data') return cell.spec.datasetId ? [cell.spec.datasetId] : [];
    if (cell.kind === 'predict') return cell.spec.file ? [cell.spec.file.datasetId] : [];
    return [];
  });
}

/** The stored dataset a saved Code output returned as a table (the runtime's SavedOutput of kind 'code'); none else. */
function listCodeOutputDatasetIds(saved: unknown): string[] {
  const record = saved as { kind?: unknown; output?: { kind?: unknown; dataset?: { key?: unknown } } } | null;
  const key = record?.kind === 'code' && record.output?.kind === 'table' ? record.output.dataset?.key : undefined;
  const id = typeof key === 'string' ? readCodeOutputKey(key) : null;
  return id === null ? [] : [id];
}

/** The run ids a saved Train output keeps (the runtime's SavedOutput of kind 'train'); none for anything else. */
function listTrainRunIds(saved: unknown): string[] {
  const record = saved as { kind?: unknown; output?: { runs?: unknown } } | null;
  if (record?.kind !== 'train' || !Array.isArray(record.output?.runs)) return [];
  return (record.output.runs as { id?: unknown }[]).map((run) => run?.id).filter((id): id is string => typeof id === 'string');
}

/** Rough bytes of a stored value: typed arrays and Blobs by size, text at 2 bytes a character, 8 per number. */
export function estimateBytes(value: unknown): number {
  if (typeof value === 'string') return 2 * value.length;
  if (typeof value !== 'object' || value === null) return 8;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (value instanceof Blob) return value.size;
  if (value instanceof Map) return [...value].reduce((sum, [k, v]) => sum + estimateBytes(k) + estimateBytes(v), 0);
  if (value instanceof Set) return [...value].reduce((sum: number, v) => sum + estimateBytes(v), 0);
  let bytes = 0;
  for (const [key, item] of Object.entries(value)) bytes += (Array.isArray(value) ? 0 : 2 * key.length) + estimateBytes(item);
  return bytes;
}
