import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import type { DatasetId, NotebookId } from '../core/notebook/types';
import { createTextColumn } from '../core/table/text-column';
import { openStudioDb } from './db';
import { loadDataset } from './datasets';
import { loadTrainedRun } from './runs';
import { registerVersion } from './registry';
import { splitRun } from '../core/train/split-run';
import { buildTrainedRun, createTestDbName } from './test-fixtures';

/** Writes a database exactly as v1 shipped it: three stores, no indexes, records in their v1 shape. */
async function createV1Database(name: string): Promise<void> {
  const v1 = await openDB(name, 1, {
    upgrade(db) {
      db.createObjectStore('datasets', { keyPath: 'id' });
      db.createObjectStore('datasetChunks', { keyPath: ['datasetId', 'columnIndex', 'chunkIndex'] });
      db.createObjectStore('notebooks', { keyPath: 'id' });
    },
  });
  const transaction = v1.transaction(['datasets', 'datasetChunks', 'notebooks'], 'readwrite');
  const datasets = transaction.objectStore('datasets');
  const chunks = transaction.objectStore('datasetChunks');
  await Promise.all([
    datasets.put(V1_DATASET),
    datasets.put({ ...V1_DATASET, id: 'd2', name: 'codes', rowCount: 2, columnCount: 1, columns: [{ name: 'c', kind: 'categorical', levels: ['x', 'y'] }] }),
    chunks.put({ datasetId: 'd1', columnIndex: 0, chunkIndex: 0, values: new Float64Array([1.5, NaN, 3]) }),
    chunks.put({ datasetId: 'd1', columnIndex: 1, chunkIndex: 0, values: ['a', null, 'bc'] }),
    chunks.put({ datasetId: 'd2', columnIndex: 0, chunkIndex: 0, values: new Int32Array([1, -1]) }),
    transaction.objectStore('notebooks').put({ formatVersion: 1, id: 'n1', name: 'Old', cells: [], createdAt: 500 }),
    transaction.objectStore('notebooks').put({ formatVersion: 1, id: 'n2', name: 'Touched', cells: [], createdAt: 100, updatedAt: 900 }),
    transaction.done,
  ]);
  v1.close();
}

const V1_DATASET = {
  id: 'd1',
  name: 'mixed',
  sourceFileName: 'mixed.csv',
  format: 'csv',
  rowCount: 3,
  columnCount: 2,
  columns: [{ name: 'x', kind: 'numeric' }, { name: 'label', kind: 'text' }],
  sourceBytes: 40,
  contentHash: 'cafe',
  importedAt: 1000,
  inference: [],
  warnings: [],
  encoding: 'utf-8',
  delimiter: ',',
};

describe('openStudioDb', () => {
  it('creates every v6 store and index in a new database', async () => {
    const db = await openStudioDb(createTestDbName());
    const stores = ['datasets', 'notebooks', 'cellOutputs', 'runs', 'runFits', 'models', 'modelVersions', 'registryLog'] as const;
    const transaction = db.transaction([...stores], 'readonly');
    expect({
      version: db.version,
      stores: [...db.objectStoreNames],
      indexes: stores.flatMap((store) => [...transaction.objectStore(store).indexNames]),
      keys: stores.slice(5).map((store) => transaction.objectStore(store).keyPath),
    }).toEqual({
      version: 6,
      stores: ['cellOutputs', 'datasetChunks', 'datasets', 'modelVersions', 'models', 'notebooks', 'registryLog', 'runFits', 'runs'],
      indexes: ['by-hash', 'by-updated', 'by-notebook', 'by-notebook', 'by-notebook', 'by-model', 'by-run', 'by-model'],
      keys: ['name', 'id', 'id'],
    });
    db.close();
  });

  it('upgrades a v1 database: storedBytes from chunks, updatedAt from createdAt, data intact', async () => {
    const name = createTestDbName();
    await createV1Database(name);

    const db = await openStudioDb(name);

    expect(await db.getAll('datasets')).toEqual([
      // 3 × 8 bytes of Float64 + text (8 + 2) + 8 + (8 + 4).
      { ...V1_DATASET, storedBytes: 54 },
      { ...V1_DATASET, id: 'd2', name: 'codes', rowCount: 2, columnCount: 1, columns: [{ name: 'c', kind: 'categorical', levels: ['x', 'y'] }], storedBytes: 8 },
    ]);
    expect(await db.getAll('notebooks')).toEqual([
      { formatVersion: 1, id: 'n1', name: 'Old', cells: [], createdAt: 500, updatedAt: 500 },
      { formatVersion: 1, id: 'n2', name: 'Touched', cells: [], createdAt: 100, updatedAt: 900 },
    ]);
    expect((await db.getAllFromIndex('notebooks', 'by-updated')).map((notebook) => notebook.id)).toEqual(['n1', 'n2']);
    expect((await db.getAllFromIndex('datasets', 'by-hash', 'cafe')).map((meta) => meta.id)).toEqual(['d1', 'd2']);
    expect((await loadDataset(db, 'd1' as DatasetId)).table).toEqual({
      rowCount: 3,
      columns: [
        { kind: 'numeric', name: 'x', values: new Float64Array([1.5, NaN, 3]) },
        // v1 stored text as a string array; it is read into the packed layout.
        createTextColumn('label', ['a', null, 'bc']),
      ],
    });
    db.close();
  });

  it('upgrades a v2 database: runs get the by-notebook index, their records intact', async () => {
    const name = createTestDbName();
    // The v2 schema as it shipped: runs without an index.
    const v2 = await openDB(name, 2, {
      upgrade(db) {
        for (const store of ['datasets', 'notebooks', 'runs', 'models']) db.createObjectStore(store, { keyPath: 'id' });
        db.createObjectStore('datasetChunks', { keyPath: ['datasetId', 'columnIndex', 'chunkIndex'] });
        db.createObjectStore('cellOutputs', { keyPath: ['notebookId', 'cellId'] }).createIndex('by-notebook', 'notebookId');
      },
    });
    await v2.put('runs', { id: 'r1', notebookId: 'n1', cellId: 'c1' });
    await v2.put('runs', { id: 'r2', notebookId: 'n2', cellId: 'c9' });
    v2.close();

    const db = await openStudioDb(name);

    expect({ version: db.version, runs: await db.getAllFromIndex('runs', 'by-notebook', 'n1' as NotebookId) })
      .toEqual({ version: 6, runs: [{ id: 'r1', notebookId: 'n1', cellId: 'c1' }] });
    db.close();
  });

  it('upgrades a v3 database: each run\'s model and pipeline move to runFits, the run keeps its summary', async () => {
    const name = createTestDbName();
    const v3 = await openDB(name, 3, {
      upgrade(db) {
        for (const store of ['datasets', 'notebooks', 'models']) db.createObjectStore(store, { keyPath: 'id' });
        db.createObjectStore('datasetChunks', { keyPath: ['datasetId', 'columnIndex', 'chunkIndex'] });
        db.createObjectStore('cellOutputs', { keyPath: ['notebookId', 'cellId'] }).createIndex('by-notebook', 'notebookId');
        db.createObjectStore('runs', { keyPath: 'id' }).createIndex('by-notebook', 'notebookId');
      },
    });
    // The v3 record: the whole TrainedRun under `run`.
    await v3.put('runs', { id: 'r1', notebookId: 'n1', cellId: 'c1', run: buildTrainedRun('r1', 100), savedAt: 7 });
    v3.close();

    const db = await openStudioDb(name);

    const { summary, fit } = splitRun(buildTrainedRun('r1', 100));
    expect({ version: db.version, runs: await db.getAll('runs'), fits: await db.getAll('runFits'), whole: await loadTrainedRun(db, 'r1') }).toEqual({
      version: 6,
      runs: [{ id: 'r1', notebookId: 'n1', cellId: 'c1', run: summary, savedAt: 7 }],
      fits: [{ id: 'r1', notebookId: 'n1', ...fit }],
      whole: buildTrainedRun('r1', 100),
    });
    db.close();
  });

  it('upgrades a v4 database: the unused models store is dropped (v6 makes a new, empty one), every other store keeps its records and indexes', async () => {
    const name = createTestDbName();
    // The v4 schema as it shipped, with one record in each store (models held none in practice; one here proves it goes).
    const v4 = await openDB(name, 4, {
      upgrade(db) {
        for (const store of ['datasets', 'notebooks', 'models']) db.createObjectStore(store, { keyPath: 'id' });
        db.createObjectStore('datasetChunks', { keyPath: ['datasetId', 'columnIndex', 'chunkIndex'] });
        db.createObjectStore('cellOutputs', { keyPath: ['notebookId', 'cellId'] }).createIndex('by-notebook', 'notebookId');
        db.createObjectStore('runs', { keyPath: 'id' }).createIndex('by-notebook', 'notebookId');
        db.createObjectStore('runFits', { keyPath: 'id' }).createIndex('by-notebook', 'notebookId');
      },
    });
    const { summary, fit } = splitRun(buildTrainedRun('r1', 100));
    const records = {
      datasets: { ...V1_DATASET, storedBytes: 24 },
      notebooks: { formatVersion: 1, id: 'n1', name: 'Kept', cells: [], createdAt: 1, updatedAt: 2 },
      datasetChunks: { datasetId: 'd1', columnIndex: 0, chunkIndex: 0, values: new Float64Array([1.5, NaN, 3]) },
      cellOutputs: { notebookId: 'n1', cellId: 'c1', output: { rows: 3 }, savedAt: 3 },
      runs: { id: 'r1', notebookId: 'n1', cellId: 'c2', run: summary, savedAt: 4 },
      runFits: { id: 'r1', notebookId: 'n1', ...fit },
    };
    for (const [store, record] of Object.entries(records)) await v4.put(store, record);
    await v4.put('models', { id: 'm1' });
    v4.close();

    const db = await openStudioDb(name);

    const stores = ['datasets', 'notebooks', 'datasetChunks', 'cellOutputs', 'runs', 'runFits'] as const;
    expect({
      version: db.version,
      stores: [...db.objectStoreNames],
      records: Object.fromEntries(await Promise.all(stores.map(async (store) => [store, (await db.getAll(store))[0]]))),
      byNotebook: (await db.getAllKeysFromIndex('runFits', 'by-notebook', 'n1' as NotebookId)),
      whole: await loadTrainedRun(db, 'r1'),
      models: await db.getAll('models'),
    }).toEqual({
      version: 6,
      stores: ['cellOutputs', 'datasetChunks', 'datasets', 'modelVersions', 'models', 'notebooks', 'registryLog', 'runFits', 'runs'],
      records,
      models: [],
      byNotebook: ['r1'],
      whole: buildTrainedRun('r1', 100),
    });
    db.close();
  });

  it('upgrades a v5 database with data: every record and index intact, the registry stores added empty and usable', async () => {
    const name = createTestDbName();
    // The v5 schema as it shipped: no models store, runs and fits indexed by notebook.
    const v5 = await openDB(name, 5, {
      upgrade(db) {
        db.createObjectStore('datasets', { keyPath: 'id' }).createIndex('by-hash', 'contentHash');
        db.createObjectStore('notebooks', { keyPath: 'id' }).createIndex('by-updated', 'updatedAt');
        db.createObjectStore('datasetChunks', { keyPath: ['datasetId', 'columnIndex', 'chunkIndex'] });
        db.createObjectStore('cellOutputs', { keyPath: ['notebookId', 'cellId'] }).createIndex('by-notebook', 'notebookId');
        db.createObjectStore('runs', { keyPath: 'id' }).createIndex('by-notebook', 'notebookId');
        db.createObjectStore('runFits', { keyPath: 'id' }).createIndex('by-notebook', 'notebookId');
      },
    });
    const { summary, fit } = splitRun(buildTrainedRun('r1', 100));
    const records = {
      datasets: { ...V1_DATASET, storedBytes: 24 },
      notebooks: { formatVersion: 1, id: 'n1', name: 'Kept', cells: [], createdAt: 1, updatedAt: 2 },
      datasetChunks: { datasetId: 'd1', columnIndex: 0, chunkIndex: 0, values: new Float64Array([1.5, NaN, 3]) },
      cellOutputs: { notebookId: 'n1', cellId: 'c1', output: { rows: 3 }, savedAt: 3 },
      runs: { id: 'r1', notebookId: 'n1', cellId: 'c2', run: summary, savedAt: 4 },
      runFits: { id: 'r1', notebookId: 'n1', ...fit },
    };
    for (const [store, record] of Object.entries(records)) await v5.put(store, record);
    v5.close();

    const db = await openStudioDb(name);

    const stores = ['datasets', 'notebooks', 'datasetChunks', 'cellOutputs', 'runs', 'runFits'] as const;
    const before = {
      records: Object.fromEntries(await Promise.all(stores.map(async (store) => [store, await db.getAll(store)]))),
      byNotebook: [await db.getAllKeysFromIndex('runs', 'by-notebook', 'n1' as NotebookId), await db.getAllKeysFromIndex('runFits', 'by-notebook', 'n1' as NotebookId)],
      byHash: await db.getAllKeysFromIndex('datasets', 'by-hash', 'cafe'),
      byUpdated: await db.getAllKeysFromIndex('notebooks', 'by-updated'),
      registry: [await db.count('models'), await db.count('modelVersions'), await db.count('registryLog')],
    };
    const registered = await registerVersion(db, { modelName: 'churn', runId: 'r1' });
    expect({ version: db.version, ...before, registered: registered.id, whole: await loadTrainedRun(db, 'r1') }).toEqual({
      version: 6,
      records: Object.fromEntries(Object.entries(records).map(([store, record]) => [store, [record]])),
      byNotebook: [['r1'], ['r1']],
      byHash: ['d1'],
      byUpdated: ['n1'],
      registry: [0, 0, 0],
      registered: 'churn@1',
      whole: buildTrainedRun('r1', 100),
    });
    db.close();
  });

  it('calls onBlocked while an older connection holds up the upgrade, then opens once it closes', async () => {
    const name = createTestDbName();
    await createV1Database(name);
    const v1 = await openDB(name, 1);
    let reportBlocked!: () => void;
    const blocked = new Promise<void>((resolve) => (reportBlocked = resolve));
    const onBlocked = vi.fn(() => reportBlocked());

    const opening = openStudioDb(name, { onBlocked });
    await blocked;
    v1.close();
    const db = await opening;

    expect({ version: db.version, blockedCalls: onBlocked.mock.calls.length }).toEqual({ version: 6, blockedCalls: 1 });
    db.close();
  });

  it('closes itself and calls onVersionChange when another tab opens a newer version', async () => {
    const name = createTestDbName();
    const onVersionChange = vi.fn();
    await openStudioDb(name, { onVersionChange });
    const blocked = vi.fn();

    const newer = await openDB(name, 7, { blocked });

    expect({ version: newer.version, versionChangeCalls: onVersionChange.mock.calls.length, blockedCalls: blocked.mock.calls.length }).toEqual({
      version: 7,
      versionChangeCalls: 1,
      blockedCalls: 0,
    });
    newer.close();
  });
});
