import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importFile } from '../core/ingest/import-file';
import { addCell, createNotebook, updateCellSpec } from '../core/notebook/reducers';
import { readNotebookFile } from '../core/notebook/file';
import { DEFAULT_IMPORT_OPTIONS, type CellId, type Notebook, type NotebookId } from '../core/notebook/types';
import { deleteDataset, listDatasets, loadDataset, saveDataset } from '../storage/datasets';
import { loadNotebook, saveNotebook } from '../storage/notebooks';
import { appendMonitorBatch, listChanges, loadModelVersions, registerVersion, setStage } from '../storage/registry';
import { loadTrainedRun, saveRunFit, saveRunSummary } from '../storage/runs';
import type { MonitorHistoryEntry } from '../core/monitor/monitor-history';
import type { TrainedRun } from '../core/train/types';
import { exportNotebook, listExportedDatasets } from './export-notebook';
import { importNotebookFile } from './import-notebook';
import type { SampleInfo } from './samples';
import { Studio } from './studio.svelte';

// The worker client, replaced by the same core importer run in-process (the real wiring is proven by e2e).
vi.mock('../workers/clients', () => ({
  importFileInWorker: (file: File, options: never, onProgress: never) => importFile(file, file.name, options, onProgress),
}));

const PEOPLE = 'name,age,city\nAda,36,London\nGrace,45,New York\nAlan,41,London\n';
const PENGUINS: SampleInfo = {
  id: 'penguins', name: 'Palmer penguins', file: 'penguins.csv', task: 'multiclass', target: 'Species',
  description: 'Penguins.', rows: 3, columns: 2, source: 'vega-datasets', license: 'CC0 1.0',
};
let dbCount = 0;

/** A studio with the people dataset stored and a notebook Data (overriding age) → Problem on it. */
async function setUp(): Promise<{ studio: Studio; notebook: Notebook }> {
  const studio = new Studio('/', `notebook-file-test-${dbCount++}`);
  const db = await studio.db();
  const result = await importFile(new Blob([PEOPLE]), 'people.csv', DEFAULT_IMPORT_OPTIONS);
  const meta = await saveDataset(db, { name: 'people', sourceFileName: 'people.csv', table: result.table, result });
  let notebook = createNotebook('nb-1' as NotebookId, 'People', 1);
  notebook = addCell(addCell(notebook, 'data', 'c-data' as CellId, 1), 'problem', 'c-problem' as CellId, 1);
  notebook = updateCellSpec(notebook, 'c-data' as CellId, 'data', (s) => ({ ...s, datasetId: meta.id, sourceLabel: 'people.csv', columnOverrides: { age: 'categorical' } }), 1);
  notebook = updateCellSpec(notebook, 'c-problem' as CellId, 'problem', (s) => ({ ...s, target: 'city' }), 1);
  await saveNotebook(db, notebook);
  return { studio, notebook };
}

/** The cells of a stored notebook without the Data cell's dataset id, and that dataset's name and rows. */
async function describeStored(studio: Studio, id: NotebookId) {
  const db = await studio.db();
  const notebook = await loadNotebook(db, id);
  const data = notebook.cells[0];
  const datasetId = data.kind === 'data' ? data.spec.datasetId : null;
  const dataset = datasetId ? await loadDataset(db, datasetId) : null;
  return {
    name: notebook.name,
    cells: notebook.cells.map((cell) => (cell.kind === 'data' ? { ...cell, spec: { ...cell.spec, datasetId: '…' } } : cell)),
    dataset: dataset && { name: dataset.meta.name, rows: dataset.table.rowCount, columns: dataset.table.columns.map((c) => `${c.name}:${c.kind}`) },
  };
}

describe('notebook export and import', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('exports the notebook with its dataset named, and embedded when asked', async () => {
    const { studio, notebook } = await setUp();
    expect(await listExportedDatasets(studio, notebook)).toMatchObject([{ name: 'people', sourceBytes: PEOPLE.length }]);
    const plain = await exportNotebook(studio, notebook, { embedDatasets: false });
    const embedded = await exportNotebook(studio, { ...notebook, name: 'People: v2/final' }, { embedDatasets: true });
    const file = readNotebookFile(embedded.text);
    expect({
      fileNames: [plain.fileName, embedded.fileName],
      plainDatasets: readNotebookFile(plain.text).datasets,
      binding: file.notebook.cells[0].kind === 'data' ? file.notebook.cells[0].dataset : null,
      embedded: file.datasets,
    }).toEqual({
      fileNames: ['People.notebook.json', 'People- v2-final.notebook.json'],
      plainDatasets: [],
      binding: {
        name: 'people',
        fileName: 'people.csv',
        rowCount: 3,
        columns: [{ name: 'name', kind: 'text' }, { name: 'age', kind: 'numeric' }, { name: 'city', kind: 'categorical' }],
        contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      embedded: [{ name: 'people', mediaType: 'text/csv', text: 'name,age,city\nAda,36,London\nGrace,45,New York\nAlan,41,London\n' }],
    });
  });

  it('imports an exported file with embedded data after the notebook and dataset were deleted: same cells, same data', async () => {
    const { studio, notebook } = await setUp();
    const before = await describeStored(studio, notebook.id);
    const { text } = await exportNotebook(studio, notebook, { embedDatasets: true });
    await studio.deleteNotebook(notebook.id);
    await deleteDataset(await studio.db(), (await listDatasets(await studio.db()))[0].id);
    const id = await studio.importNotebook(new File([text], 'People.notebook.json'));
    expect(studio.toasts.items).toEqual([]);
    expect(await describeStored(studio, id!)).toEqual(before);
    // Imported again: the stored copy (same content, same columns) is reused, not duplicated.
    const again = await studio.importNotebook(new File([text], 'People.notebook.json'));
    expect([(await listDatasets(await studio.db())).length, again === id]).toEqual([1, false]);
  });

  it('links a file without data to the stored dataset of the same content', async () => {
    const { studio, notebook } = await setUp();
    const { text } = await exportNotebook(studio, notebook, { embedDatasets: false });
    const id = await studio.importNotebook(new File([text], 'People.notebook.json'));
    expect(await describeStored(studio, id!)).toEqual(await describeStored(studio, notebook.id));
  });

  it('leaves a Data cell saying which file to bring when the data is nowhere', async () => {
    const { studio, notebook } = await setUp();
    const { text } = await exportNotebook(studio, notebook, { embedDatasets: false });
    await deleteDataset(await studio.db(), (await listDatasets(await studio.db()))[0].id);
    const id = await studio.importNotebook(new File([text], 'People.notebook.json'));
    const stored = await loadNotebook(await studio.db(), id!);
    expect([stored.cells[0].spec, studio.toasts.items.map((toast) => toast.message)]).toEqual([
      expect.objectContaining({ datasetId: null, sourceLabel: 'people.csv (dataset "people", 3 rows × 3 columns)' }),
      ['“People” needs people.csv (dataset "people", 3 rows × 3 columns): import that file in its Data cell.'],
    ]);
  });

  it('imports the bundled sample a Data cell names', async () => {
    const studio = new Studio('/', `notebook-file-test-${dbCount++}`);
    const csv = 'Species,Island\nAdelie,Torgersen\nGentoo,Biscoe\nAdelie,Dream\n';
    vi.stubGlobal('fetch', async (url: string) =>
      url === '/samples/index.json' ? new Response(JSON.stringify({ samples: [PENGUINS] })) : new Response(csv));
    const { contentHash, table } = await importFile(new Blob([csv]), 'penguins.csv', DEFAULT_IMPORT_OPTIONS);
    const columns = table.columns.map(({ name, kind }) => ({ name, kind }));
    const file = {
      format: 'ml-studio-notebook', formatVersion: 1, datasets: [],
      notebook: { name: 'Penguins', cells: [{ id: 'd', kind: 'data', spec: {}, dataset: { name: 'penguins', fileName: 'penguins.csv', source: 'samples/penguins.csv', rowCount: 3, columns, contentHash } }] },
    };
    const id = await studio.importNotebook(new File([JSON.stringify(file)], 'p.notebook.json'));
    expect([studio.toasts.items, (await describeStored(studio, id!)).dataset]).toEqual([[], { name: 'penguins', rows: 3, columns: ['Species:categorical', 'Island:text'] }]);
  });

  it('says what is wrong with a bad file in a toast and stores nothing', async () => {
    const studio = new Studio('/', `notebook-file-test-${dbCount++}`);
    const file = JSON.stringify({ format: 'ml-studio-notebook', formatVersion: 1, notebook: { name: 'X', cells: [{ id: 'a', kind: 'chart', spec: {} }] } });
    expect(await studio.importNotebook(new File([file], 'x.notebook.json'))).toBeNull();
    expect([studio.toasts.items.map((toast) => [toast.kind, toast.message]), studio.notebooks]).toEqual([
      [['error', 'Could not import “x.notebook.json”: Cannot read this notebook file: cells[0].kind must be one of "data", "problem", "profile", "split", "prepare", "train", "tune", "evaluate", "explain", "compare", "predict", "export", "monitor", "retrain", "code", "note" (got "chart").']],
      [],
    ]);
  });
});

/** A stored run (summary + fit), as a Train cell leaves it. */
function buildRun(id: string): TrainedRun {
  return {
    id, family: 'most_frequent', label: `Most frequent ${id}`, baseline: true, params: {}, task: 'multiclass', seed: 1, primaryMetric: 'accuracy',
    metrics: { validation: { accuracy: { value: 0.5 } }, cv: null }, curve: [], durationMs: 1, trainedAt: 1, stopped: false,
    model: { formatVersion: 1, kind: 'most_frequent', task: 'multiclass', params: {}, featureNames: ['age'], classes: ['London', 'New York'] } as unknown as TrainedRun['model'],
    pipeline: { formatVersion: 1, steps: [], inputColumns: [{ name: 'age', kind: 'numeric' }], outputColumns: [{ name: 'age', kind: 'numeric' }], trainRowCount: 3 },
    featureNames: ['age'], classes: ['London', 'New York'], info: {},
  };
}

describe('models in notebook files', () => {
  const batch = (version: number): MonitorHistoryEntry => ({ modelName: 'cities', version, at: 5, batch: 'week 1', rows: 3, status: 'warn', psi: { age: 0.12 }, predictionPsi: null, performance: null });

  /** `cities` v1 archived, v2 in production (one monitored batch), v3 registered; a notebook Data → Monitor pinned to v3. */
  async function setUpRegistry(): Promise<{ studio: Studio; notebook: Notebook }> {
    const { studio, notebook: base } = await setUp();
    const db = await studio.db();
    for (const id of ['r1', 'r2', 'r3']) {
      const run = buildRun(id);
      const { model, pipeline, ...summary } = run;
      await saveRunFit(db, base.id, id, { model, pipeline });
      await saveRunSummary(db, base.id, 'c-problem' as CellId, summary);
      await registerVersion(db, { modelName: 'cities', runId: id });
    }
    await setStage(db, { modelName: 'cities', version: 2, stage: 'production', reason: 'best so far' });
    await setStage(db, { modelName: 'cities', version: 1, stage: 'archived', reason: 'replaced' });
    await appendMonitorBatch(db, batch(2));
    let notebook = addCell(base, 'monitor', 'c-monitor' as CellId, 1);
    notebook = updateCellSpec(notebook, 'c-monitor' as CellId, 'monitor', (spec) => ({ ...spec, model: 'cities', version: 3 }), 1);
    return { studio, notebook };
  }

  it('exports the versions a Monitor cell watches that are not archived, each with its whole run and history', async () => {
    const { studio, notebook } = await setUpRegistry();
    const file = readNotebookFile((await exportNotebook(studio, notebook, { embedDatasets: false })).text);
    expect(file.models?.map((m) => [m.name, m.versions.map((v) => [v.version, v.stage, v.run.id, v.monitorHistory?.length ?? 0])])).toEqual([['cities', [[2, 'production', 'r2', 1], [3, 'none', 'r3', 0]]]]);
    expect(file.models?.[0].versions[0].run).toEqual(buildRun('r2'));
  });

  it('imports them into a registry without that model: runs stored, stages and history kept, the pinned version renumbered', async () => {
    const { studio, notebook } = await setUpRegistry();
    const { text } = await exportNotebook(studio, notebook, { embedDatasets: true });
    const elsewhere = new Studio('/', `notebook-file-test-${dbCount++}`);
    const imported = await importNotebookFile(elsewhere, new File([text], 'People.notebook.json'));
    const db = await elsewhere.db();
    expect(imported.models).toEqual(['Registered "cities" from the file: v1 (v2 in the file) production, v2 (v3 in the file) none.']);
    expect((await loadModelVersions(db, 'cities')).map((v) => [v.version, v.stage, v.runId, v.monitorHistory?.map((b) => b.version) ?? []])).toEqual([[1, 'production', 'r2', [1]], [2, 'none', 'r3', []]]);
    expect((await listChanges(db, 'cities')).map((c) => [c.action, c.version, c.reason])).toEqual([
      ['register', 1, 'Imported with the notebook "People" (v2 there, production).'],
      ['set-stage', 1, 'Imported with the notebook "People" (v2 there, production).'],
      ['register', 2, 'Imported with the notebook "People" (v3 there, none).'],
    ]);
    expect(await loadTrainedRun(db, 'r3')).toEqual(buildRun('r3'));
    const stored = await loadNotebook(db, imported.id);
    expect(stored.cells.find((c) => c.kind === 'monitor')?.spec).toMatchObject({ model: 'cities', version: 2 });
  });

  it('skips a model this registry has already, saying so', async () => {
    const { studio, notebook } = await setUpRegistry();
    const { text } = await exportNotebook(studio, notebook, { embedDatasets: false });
    const imported = await importNotebookFile(studio, new File([text], 'People.notebook.json'));
    expect(imported.models).toEqual(['"cities" is registered here already (v1 archived, v2 production, v3 none), so the file\'s versions of it were not imported.']);
    expect((await loadModelVersions(await studio.db(), 'cities')).length).toBe(3);
  });
});
