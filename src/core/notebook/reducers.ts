// Pure notebook reducers: every edit returns a new Notebook and leaves the old one untouched.
// `now` is passed in (epoch ms) so the reducers stay deterministic under test.

import { CELL_KINDS } from './cell-kinds';
import {
  NOTEBOOK_FORMAT_VERSION,
  type Cell,
  type CellId,
  type CellKind,
  type CellSpecs,
  type Notebook,
  type NotebookId,
} from './types';

export function createNotebook(id: NotebookId, name: string, now: number): Notebook {
  return { formatVersion: NOTEBOOK_FORMAT_VERSION, id, name, cells: [], createdAt: now, updatedAt: now };
}

export function renameNotebook(notebook: Notebook, name: string, now: number): Notebook {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed === notebook.name) return notebook;
  return { ...notebook, name: trimmed, updatedAt: now };
}

/** Inserts a new cell of `kind` at `index` (default: the end). */
export function addCell(notebook: Notebook, kind: CellKind, cellId: CellId, now: number, index = notebook.cells.length): Notebook {
  const cell = { id: cellId, kind, spec: CELL_KINDS[kind].createSpec() } as Cell;
  const at = Math.max(0, Math.min(index, notebook.cells.length));
  const cells = [...notebook.cells.slice(0, at), cell, ...notebook.cells.slice(at)];
  return { ...notebook, cells, updatedAt: now };
}

export function deleteCell(notebook: Notebook, cellId: CellId, now: number): Notebook {
  const cells = notebook.cells.filter((cell) => cell.id !== cellId);
  return cells.length === notebook.cells.length ? notebook : { ...notebook, cells, updatedAt: now };
}

/** A copy of cell `cellId` (its spec deep-copied, under `copyId`) right below it; unknown id: unchanged. */
export function duplicateCell(notebook: Notebook, cellId: CellId, copyId: CellId, now: number): Notebook {
  const at = notebook.cells.findIndex((cell) => cell.id === cellId);
  if (at < 0) return notebook;
  const source = notebook.cells[at];
  const copy = { id: copyId, kind: source.kind, spec: JSON.parse(JSON.stringify(source.spec)), ...(source.title ? { title: `${source.title} (copy)` } : {}) } as Cell;
  return { ...notebook, cells: [...notebook.cells.slice(0, at + 1), copy, ...notebook.cells.slice(at + 1)], updatedAt: now };
}

/** Names a cell (`title` trimmed, at most 120 characters); an empty name takes the name away (the kind alone shows). */
export function renameCell(notebook: Notebook, cellId: CellId, title: string, now: number): Notebook {
  const at = notebook.cells.findIndex((cell) => cell.id === cellId);
  if (at < 0) return notebook;
  const trimmed = title.trim().slice(0, 120);
  const { title: current, ...rest } = notebook.cells[at];
  if ((current ?? '') === trimmed) return notebook;
  const cell = (trimmed === '' ? rest : { ...rest, title: trimmed }) as Cell;
  return { ...notebook, cells: notebook.cells.map((c, i) => (i === at ? cell : c)), updatedAt: now };
}

/** Moves a cell by `offset` places (−1 up, +1 down); a move past either end does nothing. */
export function moveCell(notebook: Notebook, cellId: CellId, offset: number, now: number): Notebook {
  const from = notebook.cells.findIndex((cell) => cell.id === cellId);
  const to = from + offset;
  if (from < 0 || to < 0 || to >= notebook.cells.length || offset === 0) return notebook;
  const cells = [...notebook.cells];
  const [cell] = cells.splice(from, 1);
  cells.splice(to, 0, cell);
  return { ...notebook, cells, updatedAt: now };
}

export function updateCellSpec<K extends CellKind>(
  notebook: Notebook,
  cellId: CellId,
  kind: K,
  update: (spec: CellSpecs[K]) => CellSpecs[K],
  now: number,
): Notebook {
  let changed = false;
  const cells = notebook.cells.map((cell) => {
    if (cell.id !== cellId) return cell;
    if (cell.kind !== kind) throw new Error(`Cell ${cellId} is a ${cell.kind} cell, not ${kind}.`);
    const spec = update(cell.spec as CellSpecs[K]);
    if (spec === cell.spec) return cell;
    changed = true;
    return { ...cell, spec } as Cell;
  });
  return changed ? { ...notebook, cells, updatedAt: now } : notebook;
}

export function findCell(notebook: Notebook, cellId: CellId): Cell | undefined {
  return notebook.cells.find((cell) => cell.id === cellId);
}

/**
 * A stored notebook with every cell's spec completed by its kind's defaults: fields added to a spec after the
 * notebook was saved take their default, saved fields win. Cells of a kind this build does not know are kept
 * out (they cannot be shown), never crash the page.
 */
export function completeCellSpecs(notebook: Notebook): Notebook {
  const cells = notebook.cells.filter((cell) => Object.hasOwn(CELL_KINDS, cell.kind)).map(completeCellSpec);
  return { ...notebook, cells };
}

/** A cell of a known kind with its spec completed by the kind's defaults (saved fields win; nested objects are not merged). */
export function completeCellSpec<C extends Cell>(cell: C): C {
  return { ...cell, spec: { ...CELL_KINDS[cell.kind].createSpec(), ...cell.spec } };
}
