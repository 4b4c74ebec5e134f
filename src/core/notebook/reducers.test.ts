import { describe, expect, it } from 'vitest';
import { CELL_KINDS } from './cell-kinds';
import { addCell, completeCellSpecs, createNotebook, deleteCell, duplicateCell, moveCell, renameCell, renameNotebook, updateCellSpec } from './reducers';
import type { CellId, Notebook, NotebookId } from './types';

const id = (s: string) => s as CellId;
const base = createNotebook('nb1' as NotebookId, 'Untitled', 1000);

describe('notebook reducers', () => {
  it('creates an empty notebook', () => {
    expect(base).toEqual({ formatVersion: 1, id: 'nb1', name: 'Untitled', cells: [], createdAt: 1000, updatedAt: 1000 });
  });

  it('adds cells at the end or at an index, with the kind default spec', () => {
    let nb = addCell(base, 'note', id('a'), 2000);
    nb = addCell(nb, 'data', id('b'), 3000, 0);
    expect(nb.cells.map((c) => c.id)).toEqual(['b', 'a']);
    expect(nb.cells[1]).toEqual({ id: 'a', kind: 'note', spec: { markdown: '' } });
    expect(nb.cells[0].spec).toMatchObject({ datasetId: null, columnOverrides: {} });
    expect(nb.updatedAt).toBe(3000);
    expect(base.cells).toEqual([]);
  });

  it('duplicates a cell right below it with a copy of its spec, not the same object', () => {
    let nb = addCell(addCell(base, 'note', id('a'), 1), 'note', id('b'), 1);
    nb = updateCellSpec(nb, id('a'), 'note', () => ({ markdown: 'hello' }), 2);
    const copied = duplicateCell(nb, id('a'), id('c'), 3);
    expect(copied.cells.map((c) => c.id)).toEqual(['a', 'c', 'b']);
    expect([copied.cells[1].spec, copied.cells[1].spec === copied.cells[0].spec, copied.updatedAt]).toEqual([{ markdown: 'hello' }, false, 3]);
    expect(duplicateCell(nb, id('missing'), id('d'), 4)).toBe(nb);
  });

  it('moves a cell up and down and ignores moves past either end', () => {
    let nb = addCell(addCell(addCell(base, 'note', id('a'), 1), 'note', id('b'), 1), 'note', id('c'), 1);
    nb = moveCell(nb, id('c'), -1, 5);
    expect(nb.cells.map((c) => c.id)).toEqual(['a', 'c', 'b']);
    expect(moveCell(nb, id('a'), -1, 6)).toBe(nb);
    expect(moveCell(nb, id('b'), 1, 6)).toBe(nb);
    expect(moveCell(nb, id('missing'), 1, 6)).toBe(nb);
  });

  it('names a cell, trims and caps the name, takes it away when blank, and a copy says it is one', () => {
    let nb = addCell(addCell(base, 'note', id('a'), 1), 'note', id('b'), 1);
    nb = renameCell(nb, id('a'), '  Baseline check  ', 2);
    expect([nb.cells[0].title, nb.updatedAt]).toEqual(['Baseline check', 2]);
    expect(renameCell(nb, id('a'), 'Baseline check', 3)).toBe(nb);
    expect(renameCell(nb, id('a'), 'x'.repeat(200), 3).cells[0].title).toHaveLength(120);
    expect(duplicateCell(nb, id('a'), id('c'), 4).cells[1].title).toBe('Baseline check (copy)');
    const cleared = renameCell(nb, id('a'), '   ', 5);
    expect(['title' in cleared.cells[0], cleared.updatedAt]).toEqual([false, 5]);
    expect(renameCell(nb, id('missing'), 'x', 6)).toBe(nb);
  });

  it('moves a cell by several places at once (a drop)', () => {
    const nb = addCell(addCell(addCell(base, 'note', id('a'), 1), 'note', id('b'), 1), 'note', id('c'), 1);
    expect(moveCell(nb, id('a'), 2, 5).cells.map((c) => c.id)).toEqual(['b', 'c', 'a']);
    expect(moveCell(nb, id('c'), -2, 5).cells.map((c) => c.id)).toEqual(['c', 'a', 'b']);
  });

  it('deletes a cell', () => {
    const nb = addCell(addCell(base, 'note', id('a'), 1), 'note', id('b'), 1);
    expect(deleteCell(nb, id('a'), 9).cells.map((c) => c.id)).toEqual(['b']);
    expect(deleteCell(nb, id('zzz'), 9)).toBe(nb);
  });

  it('updates a spec and refuses the wrong kind', () => {
    const nb = addCell(base, 'note', id('a'), 1);
    const next = updateCellSpec(nb, id('a'), 'note', () => ({ markdown: '# Hi' }), 7);
    expect(next.cells[0]).toEqual({ id: 'a', kind: 'note', spec: { markdown: '# Hi' } });
    expect(next.updatedAt).toBe(7);
    expect(() => updateCellSpec(nb, id('a'), 'data', (s) => s, 7)).toThrow('is a note cell, not data');
  });

  it('renames, ignoring blank names', () => {
    expect(renameNotebook(base, '  Churn study ', 5).name).toBe('Churn study');
    expect(renameNotebook(base, '   ', 5)).toBe(base);
  });
});

describe('completeCellSpecs', () => {
  it('fills fields a saved spec lacks with the kind defaults and keeps saved values', () => {
    const saved = {
      ...createNotebook('n' as NotebookId, 'Old', 1),
      cells: [{ id: 'c1' as CellId, kind: 'evaluate', spec: { runId: 'r1', threshold: 0.3 } }, { id: 'c2' as CellId, kind: 'gone-kind', spec: {} }],
    } as unknown as Notebook;
    const completed = completeCellSpecs(saved);
    expect(completed.cells).toHaveLength(1);
    expect(completed.cells[0].spec).toEqual({ ...CELL_KINDS.evaluate.createSpec(), runId: 'r1', threshold: 0.3 });
  });
});
