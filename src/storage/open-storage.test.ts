// Memory mode: where the page has no IndexedDB the studio opens an in-memory store with the same verbs, and a
// worker's handle on it (by the store's name) reaches the page's store over the bridge. No fake-indexeddb/auto
// here: Node has no IndexedDB, as a page whose storage is blocked.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createNotebook } from '../core/notebook/reducers';
import type { CellId, DatasetId, NotebookId } from '../core/notebook/types';
import { splitRun } from '../core/train/split-run';
import { hasDataset, loadDataset, saveDataset } from './datasets';
import { openStudioDb } from './db';
import { listNotebooks, saveNotebook } from './notebooks';
import { openStudioStorage } from './open-storage';
import { createRemoteDb, isRemoteDb } from './remote-db';
import { loadTrainedRun, saveRunFit, saveRunSummary } from './runs';
import { buildImportResult, buildSampleTable, buildTrainedRun } from './test-fixtures';

describe('openStudioStorage', () => {
  it('opens an in-memory store with every verb where the page has no IndexedDB, saying why', async () => {
    const opened = await openStudioStorage('ml-studio', {}, () => undefined);
    await saveNotebook(opened.db, createNotebook('nb-1' as NotebookId, 'Kept in memory', 5));
    const table = buildSampleTable(100);
    const meta = await saveDataset(opened.db, { name: 'small', sourceFileName: 'small.csv', table, result: buildImportResult(table) });

    expect({ mode: opened.mode, name: opened.name.startsWith('memory:'), reason: opened.reason, notebooks: (await listNotebooks(opened.db)).map((n) => n.name), table: (await loadDataset(opened.db, meta.id)).table })
      .toEqual({ mode: 'memory', name: true, reason: 'TypeError: This browser gives the page no IndexedDB.', notebooks: ['Kept in memory'], table });
    expect(await openStudioDb(opened.name)).toBe(opened.db);
  });

  it('falls back to memory when opening is refused (SecurityError), but not for a database it cannot read (VersionError)', async () => {
    const refusing = { open: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } } as unknown as IDBFactory;
    const refused = await openStudioStorage('ml-studio', {}, () => refusing);

    const newer = new IDBFactory();
    await new Promise((resolve) => (newer.open('ml-studio', 99).onsuccess = (event) => resolve((event.target as IDBOpenDBRequest).result.close())));
    const failure = await openStudioStorage('ml-studio', {}, () => newer).then(() => null, (error: Error) => ({ name: error.name, message: error.message }));

    expect({ mode: refused.mode, reason: refused.reason, failure }).toEqual({
      mode: 'memory',
      reason: 'SecurityError: The operation is insecure.',
      failure: { name: 'StorageError', message: expect.stringMatching(/^Could not open the browser database "ml-studio" \(VersionError: .+\)\. Reload the page; if it keeps failing, check that this site may store data\.$/) },
    });
  });
});

describe('a worker on the in-memory store', () => {
  it("reads and writes datasets and runs through the page's store", async () => {
    const page = await openStudioStorage('ml-studio', {}, () => undefined);
    const worker = createRemoteDb(page.name);
    const table = buildSampleTable(100);
    const meta = await saveDataset(worker, { name: 'retrain rows', sourceFileName: 'rows.csv', table, result: buildImportResult(table) });
    const { summary, fit } = splitRun(buildTrainedRun('run-1', 10));
    await saveRunFit(worker, 'nb-1' as NotebookId, 'run-1', fit);
    await saveRunSummary(page.db, 'nb-1' as NotebookId, 'train-1' as CellId, summary);

    expect({
      remote: isRemoteDb(worker) && !isRemoteDb(page.db),
      onPage: (await loadDataset(page.db, meta.id)).table,
      inWorker: (await loadDataset(worker, meta.id)).table,
      has: [await hasDataset(worker, meta.id), await hasDataset(worker, 'gone' as DatasetId)],
      run: await loadTrainedRun(worker, 'run-1'),
    }).toEqual({ remote: true, onPage: table, inWorker: table, has: [true, false], run: buildTrainedRun('run-1', 10) });
  });

  it("passes the page's errors on by name, and names a verb memory mode does not carry", async () => {
    const page = await openStudioStorage('ml-studio', {}, () => undefined);
    const worker = createRemoteDb(page.name);

    await expect(loadDataset(worker, 'gone' as DatasetId)).rejects.toMatchObject({ name: 'StorageError', message: 'No stored dataset has id "gone". It may have been deleted; import the file again.' });
    expect(() => worker.getAll('runs')).toThrow(/A worker asked the in-memory store for "getAll", which memory mode does not pass on/);
  });
});
