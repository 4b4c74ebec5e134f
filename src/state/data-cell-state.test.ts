import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAbortError } from '../core/errors';
import { importFile } from '../core/ingest/import-file';
import type { NotebookId } from '../core/notebook/types';
import { listDatasets } from '../storage/datasets';
import { DataCellState } from './data-cell-state.svelte';
import { NotebookState } from './notebook-state.svelte';
import { Studio } from './studio.svelte';

// The worker client, replaced by the same core code run in-process (the real wiring is proven by e2e). The Data
// cell opens its dataset through the runtime (an automatic cell): `settle` waits for that run.
const hooks = vi.hoisted(() => ({ failNextImport: null as Error | null }));
vi.mock('../workers/clients', () => ({
  importFileInWorker: async (file: File, options: never, onProgress: never, signal: AbortSignal) => {
    const failure = hooks.failNextImport;
    hooks.failNextImport = null;
    if (failure) throw failure;
    return importFile(file, file.name, options, onProgress, signal);
  },
  callCompute: async <T>(run: (api: unknown) => T) => run((await import('../workers/compute-api')).computeApi),
}));

const PEOPLE = 'name,age\nAda,36\nGrace,45\n';
let dbCount = 0;

async function openDataCell(): Promise<{ studio: Studio; notebook: NotebookState; cell: DataCellState }> {
  vi.stubGlobal('window', new EventTarget());
  const studio = new Studio('/', `data-cell-test-${dbCount++}`);
  const notebook = new NotebookState(studio, (await studio.createNotebook('Test')) as NotebookId);
  await notebook.load();
  return { studio, notebook, cell: new DataCellState(notebook, notebook.notebook!.cells[0].id) };
}

/** Waits for the Data cell's automatic open (started by the spec edit an import makes). */
async function settle(notebook: NotebookState, cell: DataCellState): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await notebook.runtime.whenIdle(cell.cellId);
}

describe('DataCellState', () => {
  beforeEach(() => {
    hooks.failNextImport = null;
  });

  it('imports, stores and shows a file, pointing the spec at the new dataset', async () => {
    const { studio, notebook, cell } = await openDataCell();
    await cell.importFile(new File([PEOPLE], 'people.csv'));
    await settle(notebook, cell);
    const stored = await listDatasets(await studio.db());
    expect({
      view: cell.view,
      error: cell.error,
      columns: cell.opened?.table.columns.map((c) => c.name),
      stored: stored.map((d) => [d.name, d.rowCount, d.columnCount]),
      spec: { datasetId: cell.spec?.datasetId === stored[0].id, sourceLabel: cell.spec?.sourceLabel },
      run: notebook.cells[cell.cellId].status,
      importing: cell.isImporting,
    }).toEqual({
      view: 'ready',
      error: null,
      columns: ['name', 'age'],
      stored: [['people', 2, 2]],
      spec: { datasetId: true, sourceLabel: 'people.csv' },
      run: 'done',
      importing: false,
    });
  });

  it('shows a DataError in the cell and stores nothing', async () => {
    const { studio, notebook, cell } = await openDataCell();
    await cell.importFile(new File([''], 'empty.csv'));
    expect({ view: cell.view, error: cell.shownError, run: notebook.cells[cell.cellId].status, stored: await listDatasets(await studio.db()) }).toEqual({
      view: 'empty',
      error: '"empty.csv" is empty (0 bytes). Choose another file.',
      run: 'waiting',
      stored: [],
    });
  });

  it('treats a cancelled import as a quiet note and leaves the cell as it was', async () => {
    const { notebook, cell } = await openDataCell();
    hooks.failNextImport = createAbortError();
    await cell.importFile(new File([PEOPLE], 'people.csv'));
    expect({ view: cell.view, error: cell.shownError, notice: cell.notice, run: notebook.cells[cell.cellId].status, datasetId: cell.spec?.datasetId }).toEqual({
      view: 'empty',
      error: null,
      notice: 'Import cancelled.',
      run: 'waiting',
      datasetId: null,
    });
  });

  it('offers to reuse a dataset with the same content, and reuses it on request', async () => {
    const { studio, notebook } = await openDataCell();
    const first = new DataCellState(notebook, notebook.notebook!.cells[0].id);
    await first.importFile(new File([PEOPLE], 'people.csv'));
    await studio.refresh();
    const secondId = notebook.addCell('data');
    const second = new DataCellState(notebook, secondId);
    await second.importFile(new File([PEOPLE], 'copy.csv'));
    const offered = second.duplicate?.matches.map((m) => m.name);
    second.useDataset(second.duplicate!.matches[0].id, second.duplicate!.label);
    await settle(notebook, second);
    expect({
      offered,
      duplicate: second.duplicate,
      sameDataset: second.spec?.datasetId === first.spec?.datasetId,
      label: second.spec?.sourceLabel,
      view: second.view,
      stored: (await listDatasets(await studio.db())).length,
    }).toEqual({ offered: ['people'], duplicate: null, sameDataset: true, label: 'copy.csv', view: 'ready', stored: 1 });
  });

  it('applies overrides to the shown table and records them in the spec', async () => {
    const { notebook, cell } = await openDataCell();
    await cell.importFile(new File([PEOPLE], 'people.csv'));
    cell.setOverride('age', 'excluded');
    await settle(notebook, cell);
    const excluded = { overrides: cell.spec?.columnOverrides, columns: cell.opened?.table.columns.map((c) => c.name) };
    cell.setOverride('age', null);
    await settle(notebook, cell);
    expect({ excluded, restored: { overrides: cell.spec?.columnOverrides, columns: cell.opened?.table.columns.map((c) => c.name) } }).toEqual({
      excluded: { overrides: { age: 'excluded' }, columns: ['name'] },
      restored: { overrides: {}, columns: ['name', 'age'] },
    });
  });

  it('keeps an override of a column named "__proto__" as its own entry (not the prototype), and removes it', async () => {
    const { notebook, cell } = await openDataCell();
    await cell.importFile(new File(['__proto__,constructor\n1,a\n2,b\n'], 'reserved.csv'));
    cell.setOverride('__proto__', 'excluded');
    await settle(notebook, cell);
    const overrides = cell.spec!.columnOverrides;
    const excluded = { own: Object.keys(overrides), value: Object.hasOwn(overrides, '__proto__') && overrides['__proto__'], columns: cell.opened?.table.columns.map((c) => c.name) };
    cell.setOverride('__proto__', null);
    await settle(notebook, cell);
    expect({ excluded, restored: { own: Object.keys(cell.spec!.columnOverrides), columns: cell.opened?.table.columns.map((c) => c.name) } }).toEqual({
      excluded: { own: ['__proto__'], value: 'excluded', columns: ['constructor'] },
      restored: { own: [], columns: ['__proto__', 'constructor'] },
    });
  });

  it('says a deleted dataset is gone when the notebook opens again', async () => {
    const { studio, notebook, cell } = await openDataCell();
    await cell.importFile(new File([PEOPLE], 'people.csv'));
    await settle(notebook, cell);
    await notebook.save();
    await studio.deleteDataset(cell.spec!.datasetId!);
    const reopened = new NotebookState(studio, notebook.id);
    await reopened.load();
    const again = new DataCellState(reopened, cell.cellId);
    await settle(reopened, again);
    expect({ view: again.view, error: again.shownError }).toEqual({ view: 'missing', error: null });
  });
});
