// The tables a worker holds, by dataset key. A job names its table by a TableRef: the key, and where the worker
// reads it when it does not hold it — the stored dataset in IndexedDB with the Data cell's column overrides
// applied. So the page sends keys, never tables, and a worker terminated by a cancel reads the table again itself.
// In memory mode (no IndexedDB) the source's database is the page's in-memory store, read through the page.

import type { DatasetMeta } from '../core/ingest/dataset-meta';
import type { ColumnOverride, DatasetId } from '../core/notebook/types';
import { applyColumnOverrides, type OverrideProblem } from '../core/table/apply-column-overrides';
import type { Table } from '../core/table/types';
import { hasDataset, loadDataset } from '../storage/datasets';
import { openStudioDb } from '../storage/db';

/** Where a dataset's table comes from: a stored dataset of database `dbName`, with these column overrides. */
export interface DatasetSource {
  readonly dbName: string;
  readonly datasetId: DatasetId;
  readonly overrides: Readonly<Record<string, ColumnOverride>>;
}

/** How a job names its table: the dataset key (the Data cell's artifact key) and its source. */
export interface TableRef {
  readonly key: string;
  readonly source: DatasetSource;
}

/** A table opened from its source: the stored record, the table with the overrides applied, what they could not convert. */
export interface OpenedTable {
  readonly meta: DatasetMeta;
  readonly table: Table;
  readonly problems: OverrideProblem[];
}

/** Tables kept per worker: a Data cell's current dataset and the one before (an override being tried). */
const KEEP = 2;
const held = new Map<string, Table>();
// The last stored tables read, before overrides: another override applies to them without reading IndexedDB again.
const storedTables = new Map<string, { meta: DatasetMeta; table: Table }>();

/** Keeps `table` under `key` for the jobs that follow (the oldest of more than two is let go). */
export function holdTable(key: string, table: Table): void {
  keepLatest(held, key, table);
}

/** True when this worker holds the table of `key`. */
export function holdsTable(key: string): boolean {
  return held.has(key);
}

/** The table this worker holds under `key` (a job's table is opened first with openTable or requireTable). */
export function readHeldTable(key: string): Table {
  const table = held.get(key);
  if (!table) throw new Error(`This worker holds no table "${key}"; open it first.`);
  return table;
}

/** Reads `ref`'s stored dataset (this worker's copy when it has one), applies its overrides and holds the result. */
export async function openTable(ref: TableRef): Promise<OpenedTable> {
  const { dbName, datasetId, overrides } = ref.source;
  const storedKey = `${dbName}|${datasetId}`;
  let stored = storedTables.get(storedKey);
  const db = await openStudioDb(dbName);
  try {
    // This worker's copy serves only while the dataset is still stored (it may have been deleted on Home).
    if (stored && !(await hasDataset(db, datasetId))) stored = undefined;
    stored ??= await loadDataset(db, datasetId);
  } finally {
    db.close();
  }
  keepLatest(storedTables, storedKey, stored);
  const { table, problems } = applyColumnOverrides(stored.table, { ...overrides });
  holdTable(ref.key, table);
  return { meta: stored.meta, table, problems };
}

/** The table `ref` names: the one this worker holds, else read from its source. */
export async function requireTable(ref: TableRef): Promise<Table> {
  const table = held.get(ref.key);
  if (table) {
    keepLatest(held, ref.key, table);
    return table;
  }
  return (await openTable(ref)).table;
}

function keepLatest<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > KEEP) map.delete(map.keys().next().value as string);
}
