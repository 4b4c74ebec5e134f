// The compute port of the page: the runtime's heavy work sent to the compute worker and the training-worker pool.
// A Data cell's dataset is loaded from IndexedDB and its overrides applied in the compute worker in one trip; the
// page keeps that table for the views (grid, forms) and a worker receives it once per key. Stored runs are named
// by id: the worker reads the model from storage.

import { proxy, transfer } from 'comlink';
import { DataError } from '../core/errors';
import type { DatasetMeta } from '../core/ingest/dataset-meta';
import type { ComputePort, JobControl, OpenedDataset } from '../core/notebook/runtime/compute-port';
import type { DatasetId } from '../core/notebook/types';
import { describeDatasetKey } from '../core/notebook/runtime/runners/data';
import { describeTargetFacts } from '../core/problem/validate-problem';
import type { OverrideProblem } from '../core/table/apply-column-overrides';
import { collectTransferables } from '../core/table/table-buffers';
import type { ColumnSummary, Table } from '../core/table/types';
import { listDatasets, loadDataset } from '../storage/datasets';
import type { StudioDb } from '../storage/db';
import { callCompute, getTrainingPool } from '../workers/clients';
import type { RunStore, StoredRunRef } from '../workers/stored-runs';
import { copyTableForTransfer } from './copy-table-for-transfer';
import { trainInPool } from './train-in-pool';
import { ensureTrainingTable } from './training-table';

/** What a Data cell's view shows of an opened dataset: the table (with overrides), its stored record, its columns. */
export interface DatasetView {
  readonly key: string;
  readonly table: Table;
  readonly meta: DatasetMeta;
  readonly summaries: readonly ColumnSummary[];
  /** Columns whose override left some values missing, with what to do. */
  readonly problems: readonly OverrideProblem[];
}

export interface BrowserPortEnv {
  readonly db: () => Promise<StudioDb>;
  readonly runStore: RunStore;
  /** A dataset was opened (its view is new); the state shows it. */
  readonly onDatasetView: (view: DatasetView) => void;
}

/** The page's port, plus what only the page needs: opened tables by key, and one candidate's cancel. */
export interface BrowserComputePort extends ComputePort {
  tableOf(datasetKey: string): Table | null;
  cancelCandidate(runId: string): void;
  /** Keeps a just-imported dataset's table for the next open (no second read from IndexedDB). */
  keepStoredTable(meta: DatasetMeta, table: Table): void;
}

/** A port over the workers for the notebook whose runs live in `env.runStore`. */
export function createBrowserComputePort(env: BrowserPortEnv): BrowserComputePort {
  const views = new Map<string, DatasetView>();
  // The last stored tables opened (before overrides): a new override re-applies to them without reading IndexedDB.
  const stored = new Map<DatasetId, { meta: DatasetMeta; table: Table }>();
  const cancels = new Map<string, AbortController>();
  const tableOf = (key: string): Table => {
    const view = views.get(key);
    if (!view) throw new Error(`The dataset "${key}" is not open; run the Data cell above first.`);
    return view.table;
  };
  const dataset = (key: string) => ({ key, table: tableOf(key) });
  const ref = (runId: string): StoredRunRef => ({ dbName: env.runStore.dbName, runId });
  /** A copy of the table, sent by transfer, so the page's own stays usable (cloning a big table in one message blocks the page). */
  const sendable = async (key: string) => {
    const copy = await copyTableForTransfer(tableOf(key));
    return transfer(copy, collectTransferables(copy));
  };
  return {
    tableOf: (key) => views.get(key)?.table ?? null,
    cancelCandidate: (runId) => cancels.get(runId)?.abort(),
    keepStoredTable: (meta, table) => keepLatest(stored, meta.id, { meta, table }),
    async openDataset(_cellId, spec, control) {
      const id = spec.datasetId;
      if (id === null) throw new DataError('This Data cell has no dataset yet: import a file, open a sample or pick a stored dataset.');
      const source = stored.get(id) ?? (await readStoredDataset(await env.db(), id));
      keepLatest(stored, id, source);
      const sent = await copyTableForTransfer(source.table);
      const opened = await callCompute((api) => api.openTable(transfer(sent, collectTransferables(sent)), spec.columnOverrides), control?.signal);
      const key = describeDatasetKey(id, spec.columnOverrides);
      const view: DatasetView = { key, table: opened.table, meta: source.meta, summaries: opened.summaries, problems: opened.problems };
      views.set(key, view);
      env.onDatasetView(view);
      const columns = opened.table.columns.map((c) => (c.kind === 'categorical' ? { name: c.name, kind: c.kind, levels: c.levels } : { name: c.name, kind: c.kind }));
      return { artifact: { key, name: source.meta.name, rowCount: opened.table.rowCount, columns, warnings: source.meta.warnings }, source: source.meta.sourceFileName } satisfies OpenedDataset;
    },
    describeTarget: async (key, target, task) => describeTargetFacts(tableOf(key), target, task),
    async profileTable(key, job, onProgress, control) {
      const table = await sendable(key);
      return callCompute((api) => api.profileTable(table, { ...job }, onProgress ? proxy(onProgress) : undefined), control?.signal);
    },
    async splitTable(key, request, control) {
      const table = await sendable(key);
      return callCompute((api) => api.splitTable(table, request), control?.signal);
    },
    async previewPipeline(key, steps, rows, target, control) {
      const table = await sendable(key);
      const plainRows = { train: rows.train.slice(), validation: rows.validation.slice() };
      return callCompute((api) => api.previewPipeline(transfer(table, [...collectTransferables(table), plainRows.train.buffer, plainRows.validation.buffer]), [...steps], plainRows, target), control?.signal);
    },
    trainCandidates: (job, control) => trainInPool(job, { dataset: dataset(job.datasetKey), runStore: env.runStore, db: env.db, cancels }, control),
    evaluateRun: (key, rows, runId, problem, control) => onTrainingWorker(dataset(key), (api) => api.evaluateStoredRun(key, rows, ref(runId), problem), control),
    predictRun: (key, rows, runId, problem, control) => onTrainingWorker(dataset(key), (api) => api.predictStoredRun(key, rows, ref(runId), problem), control),
    explainRun: (key, rows, runId, problem, options, onProgress, control) =>
      onTrainingWorker(dataset(key), (api) => api.explainStoredRun(key, rows, ref(runId), problem, options, onProgress ? proxy(onProgress) : undefined), control),
  };
}

/** A stored dataset, or a DataError saying it was deleted. */
async function readStoredDataset(db: StudioDb, id: DatasetId): Promise<{ meta: DatasetMeta; table: Table }> {
  try {
    return await loadDataset(db, id);
  } catch (error) {
    if ((await listDatasets(db)).some((d) => d.id === id)) throw error;
    throw new DataError('The dataset of this cell is no longer stored (it was deleted). Import the file again or pick another dataset.');
  }
}

/** Keeps at most two stored tables (the cell's current dataset and the one before). */
function keepLatest<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > 2) map.delete(map.keys().next().value as K);
}

/** Runs `job` on a training worker that holds the dataset's table (sent once); aborting terminates that worker. */
function onTrainingWorker<T>(dataset: { key: string; table: Table }, job: (api: Parameters<Parameters<ReturnType<typeof getTrainingPool>['run']>[0]>[0]) => Promise<T>, control?: JobControl): Promise<T> {
  return getTrainingPool().run(async (api) => {
    await ensureTrainingTable(api, dataset);
    return job(api);
  }, control?.signal);
}
