// The last output of each cell, kept so a reopened notebook shows results without re-running.
// An output is any structured-clonable value (tables with typed arrays, reports); class instances lose their class.

import type { CellId, NotebookId } from '../core/notebook/types';
import type { StudioDb } from './db';
import { guardQuota } from './quota';
import { estimateBytes } from './storage-use';

/** The key range covering every output of one notebook ([id] < [id, cellId] < [id, []]). */
export function selectNotebookOutputs(notebookId: NotebookId): IDBKeyRange {
  return IDBKeyRange.bound([notebookId], [notebookId, []]);
}

/** Stores (or replaces) a cell's output, stamped with the time it was saved. */
export async function saveCellOutput(db: StudioDb, notebookId: NotebookId, cellId: CellId, output: unknown): Promise<void> {
  const record = { notebookId, cellId, output, savedAt: Date.now() };
  const kind = (output as { kind?: unknown } | null)?.kind;
  const label = typeof kind === 'string' ? `the ${kind} cell's result` : "a cell's result";
  await guardQuota(db, { label, bytes: estimateBytes(output) }, () => db.put('cellOutputs', record));
}

/** Every stored output of a notebook, by cell id; cells without one are absent. */
export async function loadCellOutputs(db: StudioDb, notebookId: NotebookId): Promise<Map<CellId, unknown>> {
  const records = await db.getAllFromIndex('cellOutputs', 'by-notebook', notebookId);
  return new Map(records.map((record) => [record.cellId, record.output]));
}

/** Forgets one cell's output (when the cell is deleted or goes stale); no output is a no-op. */
export async function deleteCellOutput(db: StudioDb, notebookId: NotebookId, cellId: CellId): Promise<void> {
  await db.delete('cellOutputs', [notebookId, cellId]);
}
