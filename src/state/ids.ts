// Fresh branded ids for notebooks and cells: 16 random bytes as hex (crypto.randomUUID needs a secure context).

import type { CellId, NotebookId } from '../core/notebook/types';

function createRandomHex(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A new notebook id, e.g. "nb-3f2a…" (35 characters). */
export function createNotebookId(): NotebookId {
  return `nb-${createRandomHex()}` as NotebookId;
}

/** A new cell id, e.g. "cell-9c1e…". */
export function createCellId(): CellId {
  return `cell-${createRandomHex()}` as CellId;
}
