import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CellId, DatasetId, NotebookId } from '../core/notebook/types';
import { splitRun } from '../core/train/split-run';
import { listDatasets, loadDataset, saveDataset } from './datasets';
import { openStudioDb, type StudioDb } from './db';
import { removeOrphanChunks, removeUnsummarisedFits } from './repair';
import { readRunningCells, writeRunningCells } from './running-cells';
import { saveRunFit, saveRunSummary } from './runs';
import { buildImportResult, buildSampleTable, buildTrainedRun, createTestDbName } from './test-fixtures';

let db: StudioDb;
beforeEach(async () => {
  db = await openStudioDb(createTestDbName());
});
afterEach(() => db.close());

it('removes chunks without their dataset record, keeping every stored dataset whole', async () => {
  const table = buildSampleTable(70_000);
  const kept = await saveDataset(db, { name: 'kept', sourceFileName: 'kept.csv', table, result: buildImportResult(table) });
  // What an older build could leave: chunks of two datasets whose record never came.
  for (const id of ['aaa', 'zzz']) {
    for (let chunkIndex = 0; chunkIndex < 3; chunkIndex++) await db.put('datasetChunks', { datasetId: id as DatasetId, columnIndex: 0, chunkIndex, values: new Float64Array([chunkIndex]) });
  }

  expect(await removeOrphanChunks(db)).toEqual(['aaa', 'zzz']);
  expect({ chunks: await db.count('datasetChunks'), datasets: (await listDatasets(db)).map((d) => d.name), rows: (await loadDataset(db, kept.id)).table.rowCount })
    .toEqual({ chunks: 10, datasets: ['kept'], rows: 70_000 });
  expect(await removeOrphanChunks(db)).toEqual([]);
});

it("removes a notebook's fits whose run summary was never written, and nothing of other notebooks", async () => {
  const nb = 'nb-1' as NotebookId;
  for (const [notebookId, id] of [[nb, 'done'], [nb, 'cut-short'], ['nb-2' as NotebookId, 'other']] as const) {
    const { summary, fit } = splitRun(buildTrainedRun(id, 1));
    await saveRunFit(db, notebookId, id, fit);
    if (id === 'done') await saveRunSummary(db, notebookId, 'train-1' as CellId, summary);
  }

  expect(await removeUnsummarisedFits(db, nb)).toEqual(['cut-short']);
  expect(await db.getAllKeys('runFits')).toEqual(['done', 'other']);
});

it('keeps the running cells of a notebook in localStorage, and reads nothing where it is missing', () => {
  const items = new Map<string, string>();
  const storage = { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), removeItem: (key: string) => void items.delete(key) };
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
  try {
    writeRunningCells('nb-1', ['train-1', 'explain-1']);
    const marked = readRunningCells('nb-1');
    writeRunningCells('nb-1', []);
    expect({ marked, after: readRunningCells('nb-1'), keys: [...items.keys()] }).toEqual({ marked: ['train-1', 'explain-1'], after: [], keys: [] });
  } finally {
    if (saved) Object.defineProperty(globalThis, 'localStorage', saved);
    else delete (globalThis as { localStorage?: unknown }).localStorage;
  }
  expect(readRunningCells('nb-1')).toEqual([]);
});
