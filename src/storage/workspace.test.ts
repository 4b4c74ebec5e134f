import 'fake-indexeddb/auto';
import { afterEach, expect, it, vi } from 'vitest';
import { addCell, createNotebook, updateCellSpec } from '../core/notebook/reducers';
import type { CellId, NotebookId } from '../core/notebook/types';
import { splitRun } from '../core/train/split-run';
import { readWorkspaceZip } from '../core/workspace/read-workspace';
import { writeWorkspaceZip } from '../core/workspace/write-workspace';
import type { WorkspaceContents } from '../core/workspace/workspace-format';
import { loadCellOutputs, saveCellOutput } from './cell-outputs';
import { saveDataset } from './datasets';
import { openStudioDb, type StudioDb } from './db';
import { loadNotebook, saveNotebook } from './notebooks';
import { listChanges, loadModelVersions, registerVersion, setStage, updateCardEdits } from './registry';
import { listRuns, loadTrainedRun, saveRunFit, saveRunSummary } from './runs';
import { buildImportResult, buildSampleTable, buildTrainedRun, createTestDbName } from './test-fixtures';
import { exportWorkspace, importWorkspace } from './workspace';

const STORES = ['datasets', 'datasetChunks', 'notebooks', 'cellOutputs', 'runs', 'runFits', 'models', 'modelVersions', 'registryLog'] as const;
const NOTEBOOK = 'nb-1' as NotebookId;
const opened: StudioDb[] = [];

async function openDb(): Promise<StudioDb> {
  const db = await openStudioDb(createTestDbName());
  opened.push(db);
  return db;
}

afterEach(() => {
  vi.restoreAllMocks();
  opened.splice(0).forEach((db) => db.close());
});

/** A dataset (every column kind, missing values, 70,000 rows: two chunks a column), a notebook using it, outputs
 * with typed arrays, a Blob, a Map and odd numbers, two runs with fits, and model "churn" with a stage change and a card edit. */
async function fillDb(db: StudioDb): Promise<void> {
  const table = buildSampleTable(70_000);
  (table.columns[0] as { values: Float64Array }).values[1] = -0;
  const dataset = await saveDataset(db, { name: 'penguins', sourceFileName: 'penguins.csv', table, result: buildImportResult(table) });
  let notebook = addCell(createNotebook(NOTEBOOK, 'Penguins', 1000), 'data', 'data-1' as CellId, 1000);
  notebook = updateCellSpec(notebook, 'data-1' as CellId, 'data', (spec) => ({ ...spec, datasetId: dataset.id, sourceLabel: 'café ☕' }), 1001);
  notebook = addCell(notebook, 'train', 'train-1' as CellId, 1002);
  await saveNotebook(db, notebook);
  for (const [i, id] of ['r1', 'r2'].entries()) {
    const { summary, fit } = splitRun(buildTrainedRun(id, 100 + i));
    await saveRunFit(db, NOTEBOOK, id, fit);
    await saveRunSummary(db, NOTEBOOK, 'train-1' as CellId, summary);
  }
  await saveCellOutput(db, NOTEBOOK, 'train-1' as CellId, { kind: 'train', outputVersion: 1, inputKey: 'k', output: { runs: [{ id: 'r1' }, { id: 'r2' }], lastPress: [] } });
  await saveCellOutput(db, NOTEBOOK, 'predict-1' as CellId, {
    csv: new Blob(['a,b\n1,é\n'], { type: 'text/csv' }),
    scores: new Float32Array([0.25, NaN, -0]),
    view: new Uint8Array(new Float64Array([1, 2, 3]).buffer, 8, 8),
    codes: new Int32Array([-1, 2]),
    byName: new Map([['x', { $t: 'not a tag', n: Infinity }]]),
    gone: undefined,
    tiny: -Infinity,
  });
  await registerVersion(db, { modelName: 'churn', runId: 'r1', reason: 'first' });
  await registerVersion(db, { modelName: 'churn', runId: 'r2' });
  await setStage(db, { modelName: 'churn', version: 2, stage: 'production', reason: 'better' });
  await updateCardEdits(db, { modelName: 'churn', version: 2, card: { intendedUse: 'demo', limitations: '', ethicalConsiderations: '' } });
}

/** Every store's records; Blobs replaced by their type and text so that equality compares their bytes. */
async function readAll(db: StudioDb): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const store of STORES) all[store] = await db.getAll(store);
  const outputs = all.cellOutputs as { output: { csv?: Blob } }[];
  for (const record of outputs) if (record.output.csv instanceof Blob) record.output.csv = { type: record.output.csv.type, text: await record.output.csv.text() } as never;
  return all;
}

it('exports every store and imports it into an empty database exactly, ids kept', async () => {
  const source = await openDb();
  await fillDb(source);
  const zip = await exportWorkspace(source, Date.UTC(2025, 0, 2));
  const target = await openDb();

  const report = await importWorkspace(target, zip);

  expect(report).toEqual({
    added: { datasets: 1, notebooks: 1, cellOutputs: 2, runs: 2, runFits: 2, models: 1, modelVersions: 2, registryLog: 4 },
    skipped: { datasets: 0, notebooks: 0, cellOutputs: 0, runs: 0, runFits: 0, models: 0, modelVersions: 0, registryLog: 0 },
    remapped: 0,
    renamedModels: [],
  });
  const [expected, actual] = [await readAll(source), await readAll(target)];
  expect(actual.datasetChunks).toHaveLength(10);
  expect(actual).toEqual(expected);
  const predict = (actual.cellOutputs as { cellId: string; output: Record<string, unknown> }[]).find((r) => r.cellId === 'predict-1')!.output;
  expect(predict.csv).toEqual({ type: 'text/csv', text: 'a,b\n1,é\n' });
  expect(Object.is((predict.scores as Float32Array)[2], -0)).toBe(true);
  expect('gone' in predict).toBe(true);
  const price = (actual.datasetChunks as { columnIndex: number; chunkIndex: number; values: Float64Array }[]).find((c) => c.columnIndex === 0 && c.chunkIndex === 0)!.values;
  expect([Object.is(price[1], -0), Number.isNaN(price[3])]).toEqual([true, true]);
});

it('skips what the database already holds identically, so importing twice adds nothing', async () => {
  const db = await openDb();
  await fillDb(db);
  const before = await readAll(db);

  const report = await importWorkspace(db, await exportWorkspace(db));

  expect(report.added).toEqual({ datasets: 0, notebooks: 0, cellOutputs: 0, runs: 0, runFits: 0, models: 0, modelVersions: 0, registryLog: 0 });
  expect(report.skipped).toEqual({ datasets: 1, notebooks: 1, cellOutputs: 2, runs: 2, runFits: 2, models: 1, modelVersions: 2, registryLog: 4 });
  expect(await readAll(db)).toEqual(before);
});

it('gives records whose id is stored with other content new ids, rewriting every reference, in one import', async () => {
  const source = await openDb();
  await fillDb(source);
  const zip = await exportWorkspace(source);
  const target = await openDb();
  const local = createNotebook(NOTEBOOK, 'Another notebook', 5);
  await saveNotebook(target, local);
  const localRun = splitRun(buildTrainedRun('r2', 999)).summary;
  await saveRunSummary(target, 'nb-9' as NotebookId, 'c' as CellId, localRun);

  const report = await importWorkspace(target, zip);

  expect(report.remapped).toBe(2);
  expect(report.renamedModels).toEqual([]);
  expect(report.added).toEqual({ datasets: 1, notebooks: 1, cellOutputs: 2, runs: 2, runFits: 2, models: 1, modelVersions: 2, registryLog: 4 });
  const notebooks = await target.getAll('notebooks');
  expect(notebooks).toHaveLength(2);
  expect(await loadNotebook(target, NOTEBOOK)).toEqual(local);
  const imported = notebooks.find((n) => n.id !== NOTEBOOK)!;
  expect(imported.name).toBe('Penguins');
  expect(imported.id).toMatch(/^[0-9a-f-]{36}$/);
  // The run r2 here is left alone; the imported r2 has a new id, in its run record, summary, fit and model version.
  expect((await target.get('runs', 'r2'))?.run).toEqual(localRun);
  const runs = await listRuns(target, imported.id);
  const newR2 = runs.find((r) => r.id !== 'r1')!.id;
  expect(runs.map((r) => [r.id, r.run.id, r.notebookId]).sort()).toEqual([['r1', 'r1', imported.id], [newR2, newR2, imported.id]].sort());
  expect((await target.get('runFits', newR2))?.notebookId).toBe(imported.id);
  expect(await loadTrainedRun(target, newR2)).toMatchObject({ id: newR2, family: expect.any(String) });
  expect((await loadModelVersions(target, 'churn')).map((v) => [v.runId, v.notebookId])).toEqual([['r1', imported.id], [newR2, imported.id]]);
  // Its outputs moved with it, the Train output naming the new run id.
  const outputs = await loadCellOutputs(target, imported.id);
  expect([...outputs.keys()].sort()).toEqual(['predict-1', 'train-1']);
  expect((outputs.get('train-1' as CellId) as { output: unknown }).output).toEqual({ runs: [{ id: 'r1' }, { id: newR2 }], lastPress: [] });
  expect(await loadCellOutputs(target, NOTEBOOK)).toEqual(new Map());
  expect(await target.count('datasets')).toBe(1);
});

it('gives a dataset stored with other content a new id, its chunks and the Data cell naming it following', async () => {
  const source = await openDb();
  await fillDb(source);
  const zip = await exportWorkspace(source);
  const datasetId = (await source.getAll('datasets'))[0].id;
  const target = await openDb();
  const table = buildSampleTable(10);
  await saveDataset(target, { name: 'mine', sourceFileName: 'mine.csv', table, result: buildImportResult(table) });
  const mine = (await target.getAll('datasets'))[0];
  await target.delete('datasets', mine.id);
  await target.put('datasets', { ...mine, id: datasetId });
  const chunksHere = await target.count('datasetChunks');

  const report = await importWorkspace(target, zip);

  // The notebook names the new dataset id, so it differs from nothing here: only the dataset is remapped.
  expect(report.remapped).toBe(1);
  const newId = (await target.getAll('datasets')).map((d) => d.id).find((id) => id !== datasetId)!;
  expect((await loadNotebook(target, NOTEBOOK)).cells[0].spec).toMatchObject({ datasetId: newId });
  expect((await target.getAll('datasetChunks')).filter((c) => c.datasetId === newId)).toHaveLength(10);
  expect(await target.count('datasetChunks')).toBe(chunksHere + 10);
  expect((await target.get('datasets', datasetId))?.name).toBe('mine');
});

it('after importing a conflicting workspace, the local and the imported notebook each open with their own outputs and runs', async () => {
  const source = await openDb();
  await fillDb(source);
  const zip = await exportWorkspace(source);
  const target = await openDb();
  await saveNotebook(target, createNotebook(NOTEBOOK, 'Mine', 5));
  await saveCellOutput(target, NOTEBOOK, 'train-1' as CellId, 'mine');
  const { summary, fit } = splitRun(buildTrainedRun('r1', 7));
  await saveRunFit(target, NOTEBOOK, 'r1', fit);
  await saveRunSummary(target, NOTEBOOK, 'train-1' as CellId, summary);

  await importWorkspace(target, zip);

  const imported = (await target.getAll('notebooks')).find((n) => n.id !== NOTEBOOK)!;
  expect((await loadNotebook(target, NOTEBOOK)).name).toBe('Mine');
  expect(imported.name).toBe('Penguins');
  expect(await loadCellOutputs(target, NOTEBOOK)).toEqual(new Map([['train-1', 'mine']]));
  expect((await listRuns(target, NOTEBOOK)).map((r) => r.run)).toEqual([summary]);
  const importedOutputs = await loadCellOutputs(target, imported.id);
  expect([...importedOutputs.keys()].sort()).toEqual(['predict-1', 'train-1']);
  const importedRuns = await listRuns(target, imported.id);
  expect(importedRuns).toHaveLength(2);
  expect(importedRuns.map((r) => r.id)).not.toContain('r1');
  const trainRuns = (importedOutputs.get('train-1' as CellId) as { output: { runs: { id: string }[] } }).output.runs.map((r) => r.id);
  expect(trainRuns.sort()).toEqual(importedRuns.map((r) => r.id).sort());
});

it('imports nothing from a file whose last record is invalid', async () => {
  const source = await openDb();
  await fillDb(source);
  const { contents } = readWorkspaceZip(await exportWorkspace(source), (bytes, type) => new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const log = contents.registryLog.map((r, i, all) => (i === all.length - 1 ? { ...r, id: undefined } : r));
  const zip = await writeWorkspaceZip({ ...contents, registryLog: log } as WorkspaceContents, Date.UTC(2025, 0, 2));
  const target = await openDb();

  await expect(importWorkspace(target, zip)).rejects.toMatchObject({
    name: 'StorageError',
    message: 'The workspace file is damaged: registry-log.json, record 4 of 4: "id" must be non-empty text (got nothing). Nothing was imported; export the workspace again.',
  });
  for (const store of STORES) expect(await target.count(store)).toBe(0);
});

it('writes in one transaction: a write failing at the last record leaves the database as it was', async () => {
  const source = await openDb();
  await fillDb(source);
  const zip = await exportWorkspace(source);
  const target = await openDb();
  await saveNotebook(target, createNotebook('kept' as NotebookId, 'Kept', 5));
  const add = IDBObjectStore.prototype.add;
  vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (this.name === 'registryLog' && (value as { sequence: number }).sequence === 4) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return add.call(this, value, key);
  });

  await expect(importWorkspace(target, zip)).rejects.toMatchObject({ name: 'StorageError', message: expect.stringContaining('Browser storage is full: the workspace import (about ') });
  expect((await target.getAll('notebooks')).map((n) => n.id)).toEqual(['kept']);
  for (const store of STORES.filter((s) => s !== 'notebooks')) expect(await target.count(store)).toBe(0);
});

it('keeps this browser\'s version of a cell output that differs (an output is a cache of its cell), adding the rest', async () => {
  const source = await openDb();
  await fillDb(source);
  const zip = await exportWorkspace(source);
  const target = await openDb();
  await saveCellOutput(target, NOTEBOOK, 'train-1' as CellId, 'newer here');

  const report = await importWorkspace(target, zip);

  expect([report.added.cellOutputs, report.skipped.cellOutputs, report.added.notebooks]).toEqual([1, 1, 1]);
  expect((await target.get('cellOutputs', [NOTEBOOK, 'train-1' as CellId]))?.output).toBe('newer here');
});

it('imports a model whose registry differs here under a new name, its versions and changes renamed', async () => {
  const source = await openDb();
  await fillDb(source);
  const zip = await exportWorkspace(source);
  const target = await openDb();
  await target.put('models', { name: 'churn', createdAt: 1, description: 'made here' });

  const report = await importWorkspace(target, zip);

  expect(report.renamedModels).toEqual([{ from: 'churn', to: 'churn imported' }]);
  expect(report.remapped).toBe(0);
  expect(await target.get('models', 'churn')).toEqual({ name: 'churn', createdAt: 1, description: 'made here' });
  expect((await loadModelVersions(target, 'churn imported')).map((v) => [v.id, v.modelName, v.runId])).toEqual([['churn imported@1', 'churn imported', 'r1'], ['churn imported@2', 'churn imported', 'r2']]);
  expect((await listChanges(target, 'churn imported')).map((c) => c.id)).toEqual(['churn imported#1', 'churn imported#2', 'churn imported#3', 'churn imported#4']);
  expect(await loadModelVersions(target, 'churn')).toEqual([]);
  // A new version of the renamed model can be registered (its name follows the model name rules).
  await expect(registerVersion(target, { modelName: 'churn imported', runId: 'r1' })).rejects.toThrow('already churn imported v1');
});

it('renames a conflicting model whose versions point at remapped runs, to the next free name', async () => {
  const source = await openDb();
  await fillDb(source);
  const zip = await exportWorkspace(source);
  const target = await openDb();
  const { summary, fit } = splitRun(buildTrainedRun('r1', 7));
  await saveRunFit(target, 'nb-here' as NotebookId, 'r1', fit);
  await saveRunSummary(target, 'nb-here' as NotebookId, 'c' as CellId, summary);
  await registerVersion(target, { modelName: 'churn', runId: 'r1' });
  await target.put('models', { name: 'churn imported', createdAt: 1, description: '' });

  const report = await importWorkspace(target, zip);

  expect(report.remapped).toBe(1);
  expect(report.renamedModels).toEqual([{ from: 'churn', to: 'churn imported 2' }]);
  const newR1 = (await listRuns(target, NOTEBOOK)).map((r) => r.id).find((id) => id !== 'r2')!;
  expect(newR1).not.toBe('r1');
  expect((await loadModelVersions(target, 'churn imported 2')).map((v) => [v.version, v.runId, v.stage])).toEqual([[1, newR1, 'none'], [2, 'r2', 'production']]);
  expect((await loadModelVersions(target, 'churn')).map((v) => v.runId)).toEqual(['r1']);
  expect((await target.get('runs', 'r1'))?.notebookId).toBe('nb-here');
});
