// Undo and redo of notebook edits: the notebook before each edit (past) and after each undo (future). Edits of one
// kind in quick succession (typing in one cell's form, renaming) coalesce into one step, as an editor's typing does.

import type { Notebook } from './types';

export interface EditHistory {
  readonly past: readonly Notebook[];
  readonly future: readonly Notebook[];
  /** The last edit's coalescing key and time, to merge a burst of the same edit. */
  readonly last: { readonly key: string; readonly atMs: number } | null;
}

/** Steps kept: the oldest go first. */
export const HISTORY_LIMIT = 100;
/** Edits with the same key closer than this are one step. */
export const COALESCE_MS = 1_500;

export const EMPTY_HISTORY: EditHistory = { past: [], future: [], last: null };

/** The history after an edit from `before`; `key` (e.g. "spec:<cell id>") merges it with the previous edit of that key. */
export function recordEdit(history: EditHistory, before: Notebook, nowMs: number, key: string | null = null): EditHistory {
  const merges = key !== null && history.last?.key === key && nowMs - history.last.atMs < COALESCE_MS && history.past.length > 0;
  const past = merges ? history.past : [...history.past, before].slice(-HISTORY_LIMIT);
  return { past, future: [], last: key === null ? null : { key, atMs: nowMs } };
}

/** The notebook one step back and the history after it; null when there is nothing to undo. */
export function undoEdit(history: EditHistory, current: Notebook): { notebook: Notebook; history: EditHistory } | null {
  const notebook = history.past.at(-1);
  if (!notebook) return null;
  return { notebook, history: { past: history.past.slice(0, -1), future: [...history.future, current], last: null } };
}

/** The notebook one step forward again and the history after it; null when there is nothing to redo. */
export function redoEdit(history: EditHistory, current: Notebook): { notebook: Notebook; history: EditHistory } | null {
  const notebook = history.future.at(-1);
  if (!notebook) return null;
  return { notebook, history: { past: [...history.past, current], future: history.future.slice(0, -1), last: null } };
}
