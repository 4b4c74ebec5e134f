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
