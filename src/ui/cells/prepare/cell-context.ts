// The cell a component is rendered in (its id and the notebook), as Svelte context — so a deep child such as
// a Profile alert's "Add step" button can edit the notebook without every parent passing it down.

import { getContext, setContext } from 'svelte';
import type { CellId } from '../../../core/notebook/types';
import type { NotebookState } from '../../../state/notebook-state.svelte';

const KEY = Symbol('cell');

export interface CellContext {
  readonly notebook: NotebookState;
  readonly cellId: CellId;
}

/** Called by the cell frame during component init; `read` is called whenever a child needs the cell. */
export function setCellContext(read: () => CellContext): void {
  setContext(KEY, read);
}

/** The enclosing cell, or null outside a cell frame (e.g. in a standalone report). */
export function getCellContext(): (() => CellContext) | null {
  return getContext<(() => CellContext) | undefined>(KEY) ?? null;
}
