import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import { describeCodeOutputKey } from '../core/code/code-result';
import { addCell, createNotebook, updateCellSpec } from '../core/notebook/reducers';
import type { CellId, DatasetId, NotebookId } from '../core/notebook/types';
import { splitRun } from '../core/train/split-run';
import { saveCellOutput } from './cell-outputs';
import { saveDataset } from './datasets';
import { openStudioDb, type StudioDb } from './db';
import { saveNotebook } from './notebooks';
import { registerVersion } from './registry';
import { saveRunFit, saveRunSummary } from './runs';
import { deleteUnreferenced, estimateBytes, listUnreferenced, measureStorageUse } from './storage-use';
import { buildImportResult, buildSampleTable, buildTrainedRun, createTestDbName } from './test-fixtures';

const NB = 'nb-1' as NotebookId;
const opened: StudioDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

async function storeRun(db: StudioDb, id: string, provenanceHash?: string): Promise<void> {
  const run = buildTrainedRun(id, 1);
  const { summary, fit } = splitRun(provenanceHash ? ({ ...run, provenance: { dataset: { contentHash: provenanceHash } } } as typeof run) : run);
  await saveRunFit(db, NB, id, fit);
  await saveRunSummary(db, NB, 'train-1' as CellId, summary);
}

/** Datasets used / needed by a run / unused; runs listed by the Train output / registered / neither; outputs of live and deleted cells. */
async function openFilledDb(): Promise<StudioDb> {
  const db = await openStudioDb(createTestDbName());
  opened.push(db);
  const table = buildSampleTable(10);
  const save = (name: string, hash: string) => saveDataset(db, { name, sourceFileName: `${name}.csv`, table, result: buildImportResult(table, hash) });
  const used = await save('used', 'a1');
  await save('needed', 'b2');
  await save('unused', 'c3');
  const coded = await save('code output', 'd4');
  let notebook = addCell(createNotebook(NB, 'N', 1), 'data', 'data-1' as CellId, 1);
  notebook = updateCellSpec(notebook, 'data-1' as CellId, 'data', (spec) => ({ ...spec, datasetId: used.id }), 1);
  notebook = addCell(notebook, 'train', 'train-1' as CellId, 1);
  notebook = addCell(notebook, 'code', 'code-1' as CellId, 1);
  await saveNotebook(db, notebook);
  // A Code cell's returned table: a dataset only its saved output names.
  await saveCellOutput(db, NB, 'code-1' as CellId, { kind: 'code', outputVersion: 1, inputKey: 'k', output: { kind: 'table', dataset: { key: describeCodeOutputKey(coded.id) } } });
  await storeRun(db, 'listed');
  await storeRun(db, 'registered', 'b2');
  await storeRun(db, 'orphan');
  await saveRunFit(db, NB, 'fit-only', splitRun(buildTrainedRun('fit-only', 1)).fit);
  await registerVersion(db, { modelName: 'm', runId: 'registered' });
  await saveCellOutput(db, NB, 'train-1' as CellId, { kind: 'train', outputVersion: 1, inputKey: 'k', output: { runs: [{ id: 'listed' }], lastPress: [] } });
  await saveCellOutput(db, NB, 'deleted-cell' as CellId, { kind: 'profile', output: new Float64Array(4) });
  await saveCellOutput(db, 'nb-gone' as NotebookId, 'c' as CellId, 'x');
  return db;
}

it('estimates bytes: typed arrays by size, text at 2 per character, 8 per number, keys counted', () => {
  expect(estimateBytes({ ab: new Float64Array(3), s: 'xyz', n: [1, 2] })).toBe(4 + 24 + 2 + 6 + 2 + 16);
});

it('measures each kind; datasets by their stored chunk bytes plus their descriptions', async () => {
  const db = await openFilledDb();
  const use = await measureStorageUse(db);
  const metas = await db.getAll('datasets');
  expect(use.datasets).toBe(metas.reduce((sum, d) => sum + d.storedBytes + estimateBytes(d), 0));
  expect(use.outputs).toBe(estimateBytes(await db.getAll('cellOutputs')));
  expect(use.runs).toBe(estimateBytes(await db.getAll('runs')) + estimateBytes(await db.getAll('runFits')));
  expect(Object.values(use).every((bytes) => bytes > 0)).toBe(true);
});

it('lists what nothing refers to', async () => {
  const db = await openFilledDb();
  const found = await listUnreferenced(db);
  expect(found.datasets.map((d) => d.name)).toEqual(['unused']);
  expect(found.runs.map((r) => [r.id, r.label]).sort()).toEqual([['fit-only', 'a model without its summary'], ['orphan', 'k-nearest neighbours']]);
  expect(found.outputs.map((o) => [o.notebookId, o.cellId]).sort()).toEqual([['nb-1', 'deleted-cell'], ['nb-gone', 'c']]);
});

it('deletes only the kinds asked for, chunks and fits included', async () => {
  const db = await openFilledDb();
  const unused = (await listUnreferenced(db)).datasets[0].id as DatasetId;

  const gone = await deleteUnreferenced(db, ['datasets', 'runs']);

  expect([gone.datasets.length, gone.runs.length, gone.outputs.length]).toEqual([1, 2, 0]);
  expect((await db.getAll('datasets')).map((d) => d.name).sort()).toEqual(['code output', 'needed', 'used']);
  expect(await db.count('datasetChunks', IDBKeyRange.bound([unused], [unused, []]))).toBe(0);
  expect((await db.getAllKeys('runFits')).sort()).toEqual(['listed', 'registered']);
  expect(await db.count('cellOutputs')).toBe(4);
  expect(await listUnreferenced(db)).toMatchObject({ datasets: [], runs: [] });
});
