// saveDataset under storage failures: whatever fails, the one transaction leaves nothing behind.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { openStudioDb, type StudioDb } from './db';
import { listDatasets, saveDataset } from './datasets';
import { buildImportResult, buildSampleTable, createTestDbName } from './test-fixtures';

let db: StudioDb;

beforeEach(async () => {
  db = await openStudioDb(createTestDbName());
});

afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

/** Makes the n-th put into `datasetChunks` misbehave via `fail(store)`; other puts go through unchanged. */
function sabotageChunkPut(n: number, fail: (store: IDBObjectStore) => void): void {
  const put = IDBObjectStore.prototype.put;
  let calls = 0;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (this.name === 'datasetChunks' && ++calls === n) fail(this);
    return put.call(this, value, key);
  });
}

async function saveSample(name: string) {
  const table = buildSampleTable(70_000);
  return saveDataset(db, { name, sourceFileName: `${name}.csv`, table, result: buildImportResult(table) });
}

const QUOTA_MESSAGE = 'Browser storage is full: the dataset “big” (about 2.2 MB) could not be saved, and nothing of it was written.';

it('maps a transaction aborted with QuotaExceededError to a StorageError and keeps nothing of it', async () => {
  const earlier = await saveSample('earlier');
  // What a browser does when the disk fills: the transaction aborts with a QuotaExceededError.
  // fake-indexeddb's internal _abort(name) is that spec step ("abort a transaction with error").
  sabotageChunkPut(4, (store) => {
    const transaction = store.transaction as IDBTransaction & { _abort(errorName: string): void };
    queueMicrotask(() => transaction._abort('QuotaExceededError'));
  });

  await expect(saveSample('big')).rejects.toMatchObject({
    name: 'StorageError',
    message: `${QUOTA_MESSAGE} Biggest stored: dataset “earlier” (2.2 MB). Free space on Home (Workspace › Clean up, or delete datasets and notebooks you no longer need), then try again.`,
  });

  expect(await listDatasets(db)).toEqual([earlier]);
  expect(await db.count('datasetChunks')).toBe(10);
});

it('maps a put that throws QuotaExceededError to a StorageError and keeps nothing of it', async () => {
  sabotageChunkPut(3, () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });

  await expect(saveSample('big')).rejects.toMatchObject({ name: 'StorageError', message: expect.stringContaining(QUOTA_MESSAGE) });

  expect(await db.count('datasets')).toBe(0);
  expect(await db.count('datasetChunks')).toBe(0);
});

it('reports any other failure as a StorageError with its cause, keeping nothing', async () => {
  sabotageChunkPut(2, () => {
    throw new DOMException('function could not be cloned.', 'DataCloneError');
  });

  await expect(saveSample('odd')).rejects.toMatchObject({
    name: 'StorageError',
    message: 'Could not save "odd" to browser storage (DataCloneError: function could not be cloned.). Nothing was saved; try again.',
  });

  expect(await db.count('datasets')).toBe(0);
  expect(await db.count('datasetChunks')).toBe(0);
});
