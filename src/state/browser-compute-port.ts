// The compute port of the page: the runtime's heavy work sent to the compute worker and the training-worker pool.
// Tables stay where the work is: a Data cell's dataset is read from IndexedDB, its overrides applied and its columns
// described in the compute worker in one trip, and every job names the table by key and source (a worker that does
// not hold it reads it itself) — the page sends no table. It keeps a copy for its views (grid, forms, panels).
// Stored runs are named by id: the worker reads the model from storage.

import { proxy, transfer } from 'comlink';
import { DataError } from '../core/errors';
import type { DatasetMeta } from '../core/ingest/dataset-meta';
import type { ComputePort, JobControl, OpenedDataset } from '../core/notebook/runtime/compute-port';
import { describeDatasetKey } from '../core/notebook/runtime/runners/data';
import type { OverrideProblem } from '../core/table/apply-column-overrides';
import type { ColumnSummary, Table } from '../core/table/types';
import { listDatasets } from '../storage/datasets';
import { listRuns, saveRunSummary } from '../storage/runs';
import type { StudioDb } from '../storage/db';
import { callCompute, getTrainingPool } from '../workers/clients';
import type { RunStore, StoredRunRef } from '../workers/stored-runs';
import type { TableRef } from '../workers/dataset-tables';
import { describeCodeOutputKey, readCodeOutputKey, toCodeResult } from '../core/code/code-result';
import type { DatasetId } from '../core/notebook/types';
import { runCodeInWorker } from '../workers/run-code';
import { storeCodeOutput } from '../workers/run-code-output';
import { trainInPool } from './train-in-pool';
import { createBrowserMonitorVerbs } from './monitor-port';
import { ensureTrainingTable } from './training-table';

/** What a Data cell's view shows of an opened dataset: the table (with overrides), its stored record, its columns. */
export interface DatasetView {
  readonly key: string;
  /** Where a worker reads this table: the stored dataset and the overrides. */
  readonly ref: TableRef;
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
  /**
   * Shows the dataset of `datasetKey` to the views when none does yet (a Code cell's stored output after a reload:
   * no Data cell opens it again); optional, as ports made for tests lack it.
   */
  openDatasetView?(datasetKey: string): Promise<void>;
}

/** A port over the workers for the notebook whose runs live in `env.runStore`. */
export function createBrowserComputePort(env: BrowserPortEnv): BrowserComputePort {
  const views = new Map<string, DatasetView>();
  const cancels = new Map<string, AbortController>();
  const viewOf = (key: string): DatasetView => {
    const view = views.get(key);
    if (!view) throw new Error(`The dataset "${key}" is not open; run the Data cell above first.`);
    return view;
  };
  /** Where a worker finds the table of `key` (plain data: it crosses to the worker). */
  /** Stored datasets the port made itself (a retrain's appended rows), by key: no Data cell shows them. */
  const extraRefs = new Map<string, TableRef>();
  const refOf = (key: string): TableRef => plainRef(extraRefs.get(key) ?? findCodeOutputRef(env, key) ?? viewOf(key).ref);
  /** Opens `ref` in the compute worker (which then holds it) and shows it to the views. */
  const showView = async (ref: TableRef): Promise<DatasetView> => {
    const opened = await openInWorker(env, plainRef(ref));
    const view: DatasetView = { key: ref.key, ref, table: opened.table, meta: opened.meta, summaries: opened.summaries, problems: opened.problems };
    views.set(ref.key, view);
    env.onDatasetView(view);
    return view;
  };
  const ref = (runId: string): StoredRunRef => ({ dbName: env.runStore.dbName, runId });
  return {
    ...createBrowserMonitorVerbs({ db: env.db, runStore: env.runStore, refOf: (key) => refOf(key), addRef: (ref) => extraRefs.set(ref.key, ref) }),
    get parallelism() {
      return getTrainingPool().size;
    },
    listCellRuns: async (cellId) => (await listRuns(await env.db(), env.runStore.notebookId, cellId)).map((stored) => stored.run),
    tableOf: (key) => views.get(key)?.table ?? null,
    async openDatasetView(key) {
      if (!views.has(key)) await showView(refOf(key));
    },
    async runCode(request, onConsole, control) {
      const input = request.input && { name: request.input.name, table: views.get(request.input.key)?.table ?? (await showView(refOf(request.input.key))).table };
      const run = await runCodeInWorker({ source: request.source, input, timeLimitMs: request.timeLimitMs }, onConsole, control);
      if (run.outcome.kind !== 'table') return toCodeResult(run, null);
      const datasetId = await storeCodeOutput(await env.db(), run.outcome, request.outputName);
      const view = await showView({ key: describeCodeOutputKey(datasetId), source: { dbName: env.runStore.dbName, datasetId, overrides: {} } });
      return toCodeResult(run, { key: view.key, name: view.meta.name });
    },
    cancelCandidate: (runId) => cancels.get(runId)?.abort(),
    async openDataset(_cellId, spec) {
      const id = spec.datasetId;
      if (id === null) throw new DataError('This Data cell has no dataset yet: import a file, open a sample or pick a stored dataset.');
      const key = describeDatasetKey(id, spec.columnOverrides);
      const tableRef: TableRef = { key, source: { dbName: env.runStore.dbName, datasetId: id, overrides: spec.columnOverrides } };
      const opened = await openInWorker(env, plainRef(tableRef));
      const view: DatasetView = { key, ref: tableRef, table: opened.table, meta: opened.meta, summaries: opened.summaries, problems: opened.problems };
      views.set(key, view);
      env.onDatasetView(view);
      const columns = opened.table.columns.map((c) => (c.kind === 'categorical' ? { name: c.name, kind: c.kind, levels: c.levels } : { name: c.name, kind: c.kind }));
      // A streamed dataset opens as its sample; the artifact says where every row is (a ChunkSource reads them).
      const streamed = opened.meta.streamed && { datasetId: id, rowCount: opened.meta.rowCount, sampleRows: opened.table.rowCount };
      return { artifact: { key, name: opened.meta.name, rowCount: opened.table.rowCount, columns, warnings: opened.meta.warnings, contentHash: opened.meta.contentHash, ...(streamed ? { streamed } : {}) }, source: opened.meta.sourceFileName } satisfies OpenedDataset;
    },
    // Quick jobs are not cancelled (a cancel terminates the shared worker): a superseded answer is dropped by the runtime.
    describeTarget: (key, target, task) => callCompute((api) => api.describeTarget(refOf(key), target, task)),
    proposeTarget: (key, target) => callCompute((api) => api.proposeTarget(refOf(key), target)),
    profileTable: (key, job, onProgress, control) => callCompute((api) => api.profileTable(refOf(key), { ...job }, onProgress ? proxy(onProgress) : undefined), control?.signal),
    splitTable: (key, request, control) => callCompute((api) => api.splitTable(refOf(key), request), control?.signal),
    async previewPipeline(key, steps, rows, target, control) {
      const plainRows = { train: rows.train.slice(), validation: rows.validation.slice() };
      return callCompute((api) => api.previewPipeline(refOf(key), [...steps], transfer(plainRows, [plainRows.train.buffer, plainRows.validation.buffer]), target), control?.signal);
    },
    trainCandidates: (job, control) => trainInPool(job, { dataset: { ref: refOf(job.datasetKey) }, runStore: env.runStore, db: env.db, cancels }, control),
    evaluateRun: (key, rows, runId, problem, control) => onTrainingWorker(refOf(key), (api) => api.evaluateStoredRun(key, rows, ref(runId), problem), control),
    predictRun: (key, rows, runId, problem, control) => onTrainingWorker(refOf(key), (api) => api.predictStoredRun(key, rows, ref(runId), problem), control),
    scoreRun(source, runId, control) {
      if (source.kind === 'part') return onTrainingWorker(refOf(source.datasetKey), (api) => api.scoreStoredRun(source.datasetKey, source.rows, ref(runId)), control);
      const fileRef: TableRef = { key: `file:${source.datasetId}`, source: { dbName: env.runStore.dbName, datasetId: source.datasetId, overrides: {} } };
      return onTrainingWorker(fileRef, (api) => api.scoreStoredRun(fileRef.key, null, ref(runId)), control);
    },
    exportRun: (runId, name, control) => onAnyTrainingWorker((api) => api.exportStoredRun(ref(runId), name), control),
    async buildEnsemble(cellId, key, parts, request, problem, control) {
      // The worker reads the members from storage and scores the validation rows; the folds are not needed there.
      const summary = await onTrainingWorker(refOf(key), (api) => api.buildEnsembleRun(key, { train: parts.train, validation: parts.validation, folds: [] }, request, problem, env.runStore), control);
      // Stored before it is shown: a cell below may pick it at once, and its worker reads the run from storage.
      await saveRunSummary(await env.db(), env.runStore.notebookId, cellId, summary);
      return summary;
    },
    explainRun: (key, rows, runId, problem, options, onProgress, control) =>
      onTrainingWorker(refOf(key), (api) => api.explainStoredRun(key, rows, ref(runId), problem, options, onProgress ? proxy(onProgress) : undefined), control),
  };
}

/** Where a worker reads a Code cell's stored output (its key names the stored dataset); null for other keys. */
function findCodeOutputRef(env: BrowserPortEnv, key: string): TableRef | null {
  const datasetId = readCodeOutputKey(key);
  return datasetId === null ? null : { key, source: { dbName: env.runStore.dbName, datasetId: datasetId as DatasetId, overrides: {} } };
}

/** A copy of `ref` without the page's reactive proxies (a spec's overrides may be one), so it can cross to a worker. */
function plainRef(ref: TableRef): TableRef {
  return { key: ref.key, source: { ...ref.source, overrides: { ...ref.source.overrides } } };
}

/** Opens the dataset in the compute worker (not cancelled: a superseded open is dropped); a dataset deleted meanwhile is a DataError saying so. */
async function openInWorker(env: BrowserPortEnv, ref: TableRef): Promise<{ meta: DatasetMeta; table: Table; problems: OverrideProblem[]; summaries: ColumnSummary[] }> {
  try {
    return await callCompute((api) => api.openDataset(ref));
  } catch (error) {
    if ((await listDatasets(await env.db())).some((d) => d.id === ref.source.datasetId)) throw error;
    throw new DataError('The dataset of this cell is no longer stored (it was deleted). Import the file again or pick another dataset.');
  }
}

/** Runs `job` (on stored runs only, no table) on a training worker; aborting terminates that worker. */
function onAnyTrainingWorker<T>(job: (api: Parameters<Parameters<ReturnType<typeof getTrainingPool>['run']>[0]>[0]) => Promise<T>, control?: JobControl): Promise<T> {
  return getTrainingPool().run(job, control?.signal);
}

/** Runs `job` on a training worker that holds the dataset's table (it reads it itself); aborting terminates that worker. */
function onTrainingWorker<T>(tableRef: TableRef, job: (api: Parameters<Parameters<ReturnType<typeof getTrainingPool>['run']>[0]>[0]) => Promise<T>, control?: JobControl): Promise<T> {
  return getTrainingPool().run(async (api) => {
    await ensureTrainingTable(api, { ref: tableRef });
    return job(api);
  }, control?.signal);
}
