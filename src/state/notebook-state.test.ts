import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ComputePort } from '../core/notebook/runtime/compute-port';
import type { CellId, DatasetId } from '../core/notebook/types';
import { createToyPort, TOY_TABLE } from '../test-support/toy-compute-port';
import type { BrowserComputePort, BrowserPortEnv } from './browser-compute-port';
import { AUTOSAVE_DELAY_MS, NotebookState } from './notebook-state.svelte';
import { Studio } from './studio.svelte';
import { createFakeLocks } from './tab-lock-fake-locks';
import { loadNotebook } from '../storage/notebooks';
import { saveRunFit } from '../storage/runs';
import { buildTrainedRun } from '../storage/test-fixtures';
import { splitRun } from '../core/train/split-run';

let dbCount = 0;

function waitMs(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The toy port as the page's: a dataset it opens is shown (as the workers' port does through onDatasetView). */
function toyBrowserPort(port: ComputePort): (env: BrowserPortEnv) => BrowserComputePort {
  return (env) => ({
    ...port,
    async openDataset(cellId, spec, control) {
      const opened = await port.openDataset(cellId, spec, control);
      const ref = { key: opened.artifact.key, source: { dbName: 'toy', datasetId: spec.datasetId!, overrides: {} } };
      env.onDatasetView({ key: opened.artifact.key, ref, table: TOY_TABLE, meta: { id: spec.datasetId } as never, summaries: [], problems: [] });
      return opened;
    },
    tableOf: () => TOY_TABLE,
    cancelCandidate: () => {},
  });
}

/** Waits until the automatic runs an edit started have finished. */
async function settle(state: NotebookState): Promise<void> {
  await waitMs(0);
  for (const cell of state.notebook?.cells ?? []) await state.runtime.whenIdle(cell.id);
}

describe('NotebookState', () => {
  let studio: Studio;

  beforeEach(() => {
    vi.stubGlobal('window', new EventTarget());
    const items = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), removeItem: (key: string) => void items.delete(key) });
    studio = new Studio('/', `notebook-state-test-${dbCount++}`);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('runs through the core runtime: the Data cell opens itself, Run stale / Run all follow it, an edit makes the cells below stale, and cells read what the cells above publish', async () => {
    const id = await studio.createNotebook('Runs');
    const port = createToyPort();
    const state = new NotebookState(studio, id, toyBrowserPort(port));
    await state.load();
    const dataId = state.notebook!.cells[0].id;
    const problemId = state.addCell('problem');
    const splitId = state.addCell('split');
    const prepareId = state.addCell('prepare');
    const before = { status: state.cells[splitId]?.status, waiting: state.cells[splitId]?.waiting, dataset: state.upstreamDataset(splitId).dataset };
    state.updateSpec(dataId, 'data', (spec) => ({ ...spec, datasetId: 'ds1' as DatasetId }));
    state.updateSpec(problemId, 'problem', (spec) => ({ ...spec, target: 'y', task: 'binary', positiveClass: 'b' }));
    await settle(state);
    const opened = { stale: state.staleCellIds, split: state.cells[splitId].status, table: state.upstreamDataset(splitId).dataset?.table.rowCount };
    await state.runCells(true);
    const ran = { jobs: [...port.jobs], statuses: [splitId, prepareId].map((cellId) => state.cells[cellId].status), pipeline: state.upstreamPipeline(prepareId + 'x' as CellId).pipeline };
    state.updateSpec(splitId, 'split', (spec) => ({ ...spec, seed: 7 }));
    await settle(state);
    const edited = { stale: state.staleCellIds, runningAll: state.runningAll };
    await state.runCells();
    expect({ before, opened, ran, edited, after: { stale: state.staleCellIds, jobs: port.jobs } }).toEqual({
      before: { status: 'waiting', waiting: 'Waiting for the Data cell above: Import a file, open a sample or pick a stored dataset.', dataset: null },
      opened: { stale: [], split: 'idle', table: 40 },
      ran: { jobs: ['open', 'split'], statuses: ['done', 'done'], pipeline: null },
      edited: { stale: [splitId], runningAll: false },
      after: { stale: [], jobs: ['open', 'split', 'split'] },
    });
    state.dispose();
  });

  it('autosaves edits after the quiet period, and a fresh load sees them', async () => {
    const id = await studio.createNotebook('Draft');
    const state = new NotebookState(studio, id);
    await state.load();
    const noteId = state.addCell('note');
    state.updateSpec(noteId, 'note', () => ({ markdown: '# Plan' }));
    state.rename('Penguin study');
    const statusWhileEditing = state.saveStatus;
    await waitMs(AUTOSAVE_DELAY_MS + 100);

    const reloaded = new NotebookState(studio, id);
    await reloaded.load();
    expect({
      statusWhileEditing,
      statusAfter: state.saveStatus,
      name: reloaded.notebook?.name,
      cells: reloaded.notebook?.cells.map((cell) => [cell.kind, cell.spec]),
    }).toEqual({
      statusWhileEditing: 'unsaved',
      statusAfter: 'saved',
      name: 'Penguin study',
      cells: [
        ['data', { datasetId: null, sourceLabel: null, options: { format: 'auto', delimiter: 'auto', encoding: 'auto', missingTokens: ['', 'NA', 'N/A', 'null', 'NaN', 'NULL', '-'] }, columnOverrides: {} }],
        ['note', { markdown: '# Plan' }],
      ],
    });
  });

  it('saves a pending edit at once on pagehide', async () => {
    const id = await studio.createNotebook('Draft');
    const state = new NotebookState(studio, id);
    await state.load();
    state.rename('Saved on pagehide');
    window.dispatchEvent(new Event('pagehide'));
    await waitMs(20);
    const reloaded = new NotebookState(studio, id);
    await reloaded.load();
    expect(reloaded.notebook?.name).toBe('Saved on pagehide');
  });

  it('forgets a deleted cell\'s runtime, folds cells (remembered for the notebook), and cancels a run in progress on dispose', async () => {
    const id = await studio.createNotebook('Draft');
    let cancelled = false;
    const port = createToyPort({
      openDataset: (_cellId, _spec, control) => new Promise((_resolve, reject) => control?.signal?.addEventListener('abort', () => {
        cancelled = true;
        reject(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
      })),
    });
    const state = new NotebookState(studio, id, toyBrowserPort(port));
    await state.load();
    const [dataId, noteId] = [state.notebook!.cells[0].id, state.addCell('note')];
    state.setCollapsed(noteId, true);
    state.updateSpec(dataId, 'data', (spec) => ({ ...spec, datasetId: 'ds1' as DatasetId }));
    await waitMs(0);
    const running = state.cells[dataId].status;
    state.dispose();
    await waitMs(0);
    const reloaded = new NotebookState(studio, id, toyBrowserPort(createToyPort()));
    await reloaded.load();
    reloaded.deleteCell(noteId);
    expect({ running, cancelled, collapsed: reloaded.isCollapsed(noteId), cells: Object.keys(reloaded.cells) }).toEqual({ running: 'running', cancelled: true, collapsed: true, cells: [dataId] });
  });

  it('reports a notebook that does not exist instead of blanking', async () => {
    const state = new NotebookState(studio, 'nb-missing' as never);
    await state.load();
    expect({ notebook: state.notebook, hasError: typeof state.loadError === 'string' && state.loadError.length > 0 }).toEqual({ notebook: null, hasError: true });
  });
});

describe('NotebookState faults', () => {
  let studio: Studio;

  beforeEach(() => {
    vi.stubGlobal('window', new EventTarget());
    const items = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), removeItem: (key: string) => void items.delete(key) });
    studio = new Studio('/', `notebook-state-faults-${dbCount++}`);
  });
  afterEach(() => vi.unstubAllGlobals());

  /** A notebook Data → Problem → Split whose Data and Problem are done. */
  async function openSplitNotebook(port: ComputePort): Promise<{ state: NotebookState; splitId: CellId }> {
    const id = await studio.createNotebook('Faults');
    const state = new NotebookState(studio, id, toyBrowserPort(port));
    await state.load();
    const dataId = state.notebook!.cells[0].id;
    const problemId = state.addCell('problem');
    const splitId = state.addCell('split');
    state.updateSpec(dataId, 'data', (spec) => ({ ...spec, datasetId: 'ds1' as DatasetId }));
    state.updateSpec(problemId, 'problem', (spec) => ({ ...spec, target: 'y', task: 'binary', positiveClass: 'b' }));
    await settle(state);
    await state.save();
    return { state, splitId };
  }

  it('shows a cell the page left running as interrupted, drops the model its run left without a summary, and clears it when it runs again', async () => {
    const { state, splitId } = await openSplitNotebook(createToyPort({ splitTable: () => new Promise(() => {}) }));
    void state.runCell(splitId);
    await waitMs(0);
    const { fit } = splitRun(buildTrainedRun('cut-short', 1));
    await saveRunFit(await studio.db(), state.id, 'cut-short', fit);

    // The page goes away mid-run (no dispose) and the notebook opens again.
    const reopened = new NotebookState(studio, state.id, toyBrowserPort(createToyPort()));
    await reopened.load();
    await settle(reopened);
    const interrupted = [...reopened.tab.interrupted];
    const fits = await (await studio.db()).getAllKeys('runFits');
    await reopened.runCell(splitId);

    expect({ running: state.cells[splitId].status, interrupted, fits, after: [...reopened.tab.interrupted], status: reopened.cells[splitId].status }).toEqual({ running: 'running', interrupted: [splitId], fits: [], after: [], status: 'done' });
  });

  it('opens a second tab read-only: its edits are not saved, its runs are refused; Take over saves the writer\'s edits and hands it over', async () => {
    vi.stubGlobal('navigator', { locks: createFakeLocks() });
    const reload = vi.fn();
    vi.stubGlobal('location', { reload });
    const { state: writer, splitId } = await openSplitNotebook(createToyPort());
    const reader = new NotebookState(studio, writer.id, toyBrowserPort(createToyPort()));
    await reader.load();
    await settle(reader);

    reader.rename('Renamed in the reader');
    await reader.runCell(splitId);
    await waitMs(AUTOSAVE_DELAY_MS + 50);
    const readOnly = { roles: [writer.tab.role, reader.tab.role], saveStatus: reader.saveStatus, split: reader.cells[splitId].status, toasts: studio.toasts.items.map((toast) => toast.message), stored: (await loadNotebook(await studio.db(), writer.id)).name };

    writer.rename('Last words of the writer');
    await reader.tab.takeOver();
    const handedOver = { roles: [writer.tab.role, reader.tab.role], reloaded: reload.mock.calls.length, stored: (await loadNotebook(await studio.db(), writer.id)).name };
    reader.dispose();
    writer.dispose();

    expect({ readOnly, handedOver }).toEqual({
      readOnly: { roles: ['writer', 'reader'], saveStatus: 'error', split: 'idle', toasts: ['This notebook is open in another tab: take it over (the banner above) to run cells here.'], stored: 'Faults' },
      handedOver: { roles: ['released', 'reader'], reloaded: 1, stored: 'Last words of the writer' },
    });
  });
});

describe('Studio without IndexedDB', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('runs on an in-memory store, says so, and names it for the workers', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const studio = new Studio('/', 'no-indexeddb');
    const id = await studio.createNotebook('Kept for this visit');
    await studio.refresh();
    expect({ mode: studio.storageMode, name: studio.dbName.startsWith('memory:'), notebooks: studio.notebooks.map((n) => n.id), toasts: studio.toasts.items })
      .toEqual({ mode: 'memory', name: true, notebooks: [id], toasts: [] });
  });
});
