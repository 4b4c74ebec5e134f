import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, NotebookState } from './notebook-state.svelte';
import { Studio } from './studio.svelte';

let dbCount = 0;

function waitMs(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('NotebookState', () => {
  let studio: Studio;

  beforeEach(() => {
    vi.stubGlobal('window', new EventTarget());
    studio = new Studio('/', `notebook-state-test-${dbCount++}`);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('re-runs stale cells top to bottom, a re-run may make a later cell stale, and an error stops the sweep', async () => {
    const id = await studio.createNotebook('Runs');
    const state = new NotebookState(studio, id);
    await state.load();
    const [a, b, c] = [state.addCell('profile'), state.addCell('split'), state.addCell('prepare')];
    const order: string[] = [];
    state.registerRunner(a, async () => { order.push('a'); state.setRun(a, { status: 'done' }); state.setRun(c, { status: 'stale' }); });
    state.registerRunner(b, async () => { order.push('b'); state.setRun(b, { status: 'done' }); });
    const unregisterC = state.registerRunner(c, async () => { order.push('c'); state.setRun(c, { status: 'error', error: 'bad step' }); });
    state.setRun(a, { status: 'stale' });
    state.setRun(b, { status: 'done' });
    expect(state.staleCellIds).toEqual([a]);
    await state.runCells();
    expect(order).toEqual(['a', 'c']);
    expect(state.runningAll).toBe(false);

    order.length = 0;
    await state.runCells(true);
    expect(order).toEqual(['a', 'b', 'c']);

    order.length = 0;
    state.registerRunner(a, async () => { order.push('a'); state.setRun(a, { status: 'error' }); });
    unregisterC();
    await state.runCells(true);
    expect({ order, runners: Object.keys(state.runners) }).toEqual({ order: ['a'], runners: [a, b] });
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

  it('keeps runtime cell state out of the saved notebook and drops it with the cell', async () => {
    const id = await studio.createNotebook('Draft');
    const state = new NotebookState(studio, id);
    await state.load();
    const cellId = state.notebook!.cells[0].id;
    state.setRun(cellId, { status: 'error', error: 'The file is empty.' });
    const runsBefore = state.runs;
    state.deleteCell(cellId);
    state.dispose();
    await waitMs(20);
    const reloaded = new NotebookState(studio, id);
    await reloaded.load();
    expect({ runsBefore, runsAfter: state.runs, cells: reloaded.notebook?.cells }).toEqual({
      runsBefore: { [cellId]: { status: 'error', error: 'The file is empty.' } },
      runsAfter: {},
      cells: [],
    });
  });

  it('reports a notebook that does not exist instead of blanking', async () => {
    const state = new NotebookState(studio, 'nb-missing' as never);
    await state.load();
    expect({ notebook: state.notebook, hasError: typeof state.loadError === 'string' && state.loadError.length > 0 }).toEqual({ notebook: null, hasError: true });
  });
});
