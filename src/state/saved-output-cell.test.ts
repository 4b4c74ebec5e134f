import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAbortError, DataError } from '../core/errors';
import { NotebookState } from './notebook-state.svelte';
import { SavedOutputCellState } from './saved-output-cell.svelte';
import { Studio } from './studio.svelte';

interface Out { kind: 'test'; value: number }

class TestCell extends SavedOutputCellState<Out> {
  protected isOutput(value: unknown): value is Out {
    return (value as Out | undefined)?.kind === 'test';
  }
  run(compute: (signal: AbortSignal) => Promise<Out>, errorOf?: (o: Out) => string | null): Promise<void> {
    return this.runAndSave(compute, { errorOf, cancelNotice: 'Cancelled.' });
  }
}

let dbCount = 0;

describe('SavedOutputCellState', () => {
  let notebook: NotebookState;

  beforeEach(async () => {
    vi.stubGlobal('window', new EventTarget());
    const studio = new Studio('/', `saved-output-test-${dbCount++}`);
    notebook = new NotebookState(studio, await studio.createNotebook('T'));
    await notebook.load();
  });
  afterEach(() => {
    notebook.dispose();
    vi.unstubAllGlobals();
  });

  it('runs, shows, saves; a fresh state shows the saved output on init', async () => {
    const cellId = notebook.addCell('note');
    const cell = new TestCell(notebook, cellId);
    await cell.run(async () => ({ kind: 'test', value: 7 }));
    expect({ output: cell.output, running: cell.running, status: notebook.runs[cellId].status }).toEqual({ output: { kind: 'test', value: 7 }, running: false, status: 'done' });
    const again = new TestCell(notebook, cellId);
    await again.init();
    expect({ output: again.output, loaded: again.loaded }).toEqual({ output: { kind: 'test', value: 7 }, loaded: true });
  });

  it('syncStatus: a saved output is done when current, stale when not, after a reload too; an error or no output stays', async () => {
    const cellId = notebook.addCell('note');
    const cell = new TestCell(notebook, cellId);
    cell.syncStatus(false);
    expect(notebook.runs[cellId]).toBeUndefined(); // no output yet
    await cell.run(async () => ({ kind: 'test', value: 1 }));
    const again = new TestCell(notebook, cellId);
    await again.init();
    const seen = [false, null, true].map((current) => { again.syncStatus(current); return notebook.runs[cellId].status; });
    notebook.setRun(cellId, { status: 'error', error: 'x' });
    again.syncStatus(true);
    expect([...seen, notebook.runs[cellId].status]).toEqual(['stale', 'stale', 'done', 'error']);
  });

  it('keeps errors in the cell, marks an output-level error, and is quiet on cancel', async () => {
    const cellId = notebook.addCell('note');
    const cell = new TestCell(notebook, cellId);
    await cell.run(async () => { throw new DataError('Column "Age" is gone.'); });
    expect([cell.error, notebook.runs[cellId]]).toEqual(['Column "Age" is gone.', { status: 'error', error: 'Column "Age" is gone.' }]);

    await cell.run(async () => ({ kind: 'test', value: 1 }), () => 'Class "x" is absent from training.');
    expect([cell.error, notebook.runs[cellId]]).toEqual([null, { status: 'error', error: 'Class "x" is absent from training.' }]);

    await cell.run(async () => ({ kind: 'test', value: 2 }));
    const before = notebook.runs[cellId];
    await cell.run(async () => { throw createAbortError(); });
    expect({ notice: cell.notice, error: cell.error, output: cell.output, run: notebook.runs[cellId] }).toEqual({ notice: 'Cancelled.', error: null, output: { kind: 'test', value: 2 }, run: before });
  });

  it('a new run cancels the one in flight, whose late result is dropped', async () => {
    const cellId = notebook.addCell('note');
    const cell = new TestCell(notebook, cellId);
    let release: () => void = () => {};
    const first = cell.run((signal) => new Promise<Out>((resolve) => { release = () => resolve({ kind: 'test', value: 1 }); signal.addEventListener('abort', () => undefined); }));
    const second = cell.run(async () => ({ kind: 'test', value: 2 }));
    release();
    await Promise.all([first, second]);
    expect({ output: cell.output, notice: cell.notice, run: notebook.runs[cellId].status }).toEqual({ output: { kind: 'test', value: 2 }, notice: null, run: 'done' });
  });
});
