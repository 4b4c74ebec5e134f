// A full disk at every write path: the write is refused whole, and the StorageError names what was being written,
// its size and the biggest stored items; listeners hear the same report.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createNotebook } from '../core/notebook/reducers';
import type { CellId, NotebookId } from '../core/notebook/types';
import { splitRun } from '../core/train/split-run';
import { saveCellOutput } from './cell-outputs';
import { saveDataset } from './datasets';
import { openStudioDb, type StudioDb } from './db';
import { saveNotebook } from './notebooks';
import { listenForQuota, type QuotaReport } from './quota';
import { registerVersion } from './registry';
import { saveRunFit, saveRunSummary } from './runs';
import { buildImportResult, buildSampleTable, buildTrainedRun, createTestDbName } from './test-fixtures';

const NB = 'nb-1' as NotebookId;
let db: StudioDb;
let reports: QuotaReport[];
let stopListening: () => void;

beforeEach(async () => {
  db = await openStudioDb(createTestDbName());
  reports = [];
  stopListening = listenForQuota((report) => reports.push(report));
  // Stored before the disk fills: a dataset of about 1.5 MB and a run.
  const table = buildSampleTable(70_000);
  await saveDataset(db, { name: 'penguins', sourceFileName: 'penguins.csv', table, result: buildImportResult(table) });
  const { summary, fit } = splitRun(buildTrainedRun('run-1', 10));
  await saveRunFit(db, NB, 'run-1', fit);
  await saveRunSummary(db, NB, 'train-1' as CellId, summary);
});

afterEach(() => {
  vi.restoreAllMocks();
  stopListening();
  db.close();
});

/** Every put and add into `store` throws QuotaExceededError, as a browser's does when the origin's quota is used up. */
function fillDisk(store: string): void {
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === store) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, value, key);
    });
  }
}

const BIGGEST = 'Biggest stored: dataset “penguins” (2.2 MB), run “k-nearest neighbours” (0.1 MB).';
const FREE = 'Free space on Home (Workspace › Clean up, or delete datasets and notebooks you no longer need), then try again.';

it('refuses a notebook save whole, naming the notebook, its size and the biggest stored items', async () => {
  fillDisk('notebooks');
  const notebook = createNotebook('nb-2' as NotebookId, 'Big notes', 5);

  await expect(saveNotebook(db, notebook)).rejects.toMatchObject({
    name: 'StorageError',
    message: `Browser storage is full: the notebook “Big notes” (about 0.1 MB) could not be saved, and nothing of it was written. ${BIGGEST} ${FREE}`,
  });

  vi.restoreAllMocks();
  expect(await db.getAllKeys('notebooks')).toEqual([]);
  expect(reports.map(({ what, largest }) => ({ what, largest: largest.map((item) => item.name) }))).toEqual([{ what: 'the notebook “Big notes”', largest: ['penguins', 'k-nearest neighbours'] }]);
});

it('refuses a cell output, a run summary, a run fit and a registry change, each named, writing nothing', async () => {
  const { summary, fit } = splitRun({ ...buildTrainedRun('run-2', 20), label: 'Random forest' });
  const attempts: [string, () => Promise<unknown>][] = [
    ['cellOutputs', () => saveCellOutput(db, NB, 'train-1' as CellId, { kind: 'train', output: { runs: [] } })],
    ['runs', () => saveRunSummary(db, NB, 'train-1' as CellId, summary)],
    ['runFits', () => saveRunFit(db, NB, 'run-2', fit)],
    ['modelVersions', () => registerVersion(db, { modelName: 'penguins', runId: 'run-1' })],
  ];
  const messages: string[] = [];
  for (const [store, attempt] of attempts) {
    fillDisk(store);
    messages.push(await attempt().then(() => 'saved', (error: Error) => `${error.name}: ${error.message.split(' could not be saved')[0]}`));
    vi.restoreAllMocks();
  }

  expect(messages).toEqual([
    "StorageError: Browser storage is full: the train cell's result (about 0.1 MB)",
    'StorageError: Browser storage is full: the run “Random forest” (about 0.1 MB)',
    'StorageError: Browser storage is full: the trained model of run “run-2” (about 0.1 MB)',
    'StorageError: Browser storage is full: the model registry change (about 0.1 MB)',
  ]);
  expect({ outputs: await db.count('cellOutputs'), runs: await db.getAllKeys('runs'), fits: await db.getAllKeys('runFits'), versions: await db.count('modelVersions'), models: await db.count('models'), log: await db.count('registryLog') })
    .toEqual({ outputs: 0, runs: ['run-1'], fits: ['run-1'], versions: 0, models: 0, log: 0 });
  expect(reports).toHaveLength(4);
});

it('leaves other failures as they are', async () => {
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('function could not be cloned.', 'DataCloneError');
  });

  await expect(saveNotebook(db, createNotebook('nb-3' as NotebookId, 'Odd', 5))).rejects.toMatchObject({ name: 'DataCloneError' });
  expect(reports).toEqual([]);
});
