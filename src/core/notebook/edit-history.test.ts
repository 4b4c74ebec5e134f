import { describe, expect, it } from 'vitest';
import { COALESCE_MS, EMPTY_HISTORY, HISTORY_LIMIT, recordEdit, redoEdit, undoEdit } from './edit-history';
import { addCell, createNotebook, deleteCell, updateCellSpec } from './reducers';
import type { CellId, NotebookId } from './types';

const a = 'a' as CellId;
const start = createNotebook('nb' as NotebookId, 'Untitled', 0);

describe('edit history', () => {
  it('undoes and redoes a delete, back to the very same notebooks', () => {
    const withNote = addCell(start, 'note', a, 1);
    let history = recordEdit(EMPTY_HISTORY, start, 1);
    const deleted = deleteCell(withNote, a, 2);
    history = recordEdit(history, withNote, 2);
    const back = undoEdit(history, deleted)!;
    expect(back.notebook).toBe(withNote);
    const again = redoEdit(back.history, back.notebook)!;
    expect(again.notebook).toBe(deleted);
    const first = undoEdit(undoEdit(again.history, again.notebook)!.history, withNote)!;
    expect([first.notebook, undoEdit(first.history, first.notebook)]).toEqual([start, null]);
  });

  it('a burst of edits of one key is one step; another key, a pause or an undo starts a new one', () => {
    const nb = addCell(start, 'note', a, 1);
    const type = (n: typeof nb, text: string) => updateCellSpec(n, a, 'note', () => ({ markdown: text }), 2);
    let history = recordEdit(EMPTY_HISTORY, nb, 1000, `spec:${a}`);
    history = recordEdit(history, type(nb, 'h'), 1500, `spec:${a}`);
    history = recordEdit(history, type(nb, 'he'), 2000, `spec:${a}`);
    expect(history.past).toEqual([nb]);
    history = recordEdit(history, type(nb, 'hel'), 2000 + COALESCE_MS, `spec:${a}`);
    expect(history.past).toHaveLength(2);
    history = recordEdit(history, type(nb, 'hell'), 2000 + COALESCE_MS + 10, 'name');
    expect(history.past).toHaveLength(3);
    expect(undoEdit(history, nb)!.history.last).toBeNull();
  });

  it('a new edit clears what could be redone, and the oldest steps go past the limit', () => {
    let history = recordEdit(EMPTY_HISTORY, start, 1);
    history = undoEdit(history, addCell(start, 'note', a, 1))!.history;
    expect(history.future).toHaveLength(1);
    expect(recordEdit(history, start, 2).future).toEqual([]);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) history = recordEdit(history, { ...start, updatedAt: i }, i * 10_000);
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0].updatedAt).toBe(5);
  });
});
