import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CellId } from '../core/notebook/types';
import { loadNotebook } from '../storage/notebooks';
import type { SampleInfo } from './samples';
import { Studio } from './studio.svelte';

const PENGUINS: SampleInfo = {
  id: 'penguins', name: 'Palmer penguins', file: 'penguins.csv', task: 'multiclass', target: 'Species',
  description: 'Penguins.', rows: 344, columns: 7, source: 'vega-datasets', license: 'CC0 1.0',
};

describe('Studio', () => {
  it('creates, lists, renames and deletes notebooks', async () => {
    const studio = new Studio('/', 'studio-test-lists');
    const first = await studio.createNotebook('First');
    await studio.refresh();
    const listed = studio.notebooks.map(({ id, name, cellCount }) => ({ id, name, cellCount }));
    await studio.renameNotebook(first, 'Renamed');
    const renamed = studio.notebooks.map((n) => n.name);
    await studio.deleteNotebook(first);
    expect({ listed, renamed, after: studio.notebooks, toasts: studio.toasts.items, loaded: studio.loaded }).toEqual({
      listed: [{ id: first, name: 'First', cellCount: 1 }],
      renamed: ['Renamed'],
      after: [],
      toasts: [],
      loaded: true,
    });
  });

  it('creates a sample notebook whose Data cell is labelled and waits for the sample, handed out once', async () => {
    const studio = new Studio('/', 'studio-test-sample');
    const id = await studio.createNotebookFromSample(PENGUINS);
    const notebook = await loadNotebook(await studio.db(), id);
    const cell = notebook.cells[0];
    expect({
      name: notebook.name,
      kind: cell.kind,
      label: cell.kind === 'data' ? cell.spec.sourceLabel : null,
      first: studio.takePendingSample(cell.id),
      second: studio.takePendingSample(cell.id),
      other: studio.takePendingSample('cell-other' as CellId),
    }).toEqual({ name: 'Palmer penguins', kind: 'data', label: 'sample: Palmer penguins', first: PENGUINS, second: undefined, other: undefined });
  });

  it('turns a failed rename into an error toast', async () => {
    const studio = new Studio('/', 'studio-test-failure');
    await studio.renameNotebook('nb-gone' as never, 'x');
    expect(studio.toasts.items.map((t) => t.kind)).toEqual(['error']);
  });
});
