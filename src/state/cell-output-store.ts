// The notebook runtime's outputs in IndexedDB (the cellOutputs store): loaded once when a notebook opens, saved as
// each cell finishes. Outputs written before the runtime are other shapes; the runtime ignores them (the cell runs again).

import type { OutputStore } from '../core/notebook/runtime/notebook-runtime';
import type { NotebookId } from '../core/notebook/types';
import { loadCellOutputs, saveCellOutput } from '../storage/cell-outputs';
import type { StudioDb } from '../storage/db';

/** The store of notebook `notebookId`'s outputs. */
export function createCellOutputStore(db: () => Promise<StudioDb>, notebookId: NotebookId): OutputStore {
  return {
    load: async () => loadCellOutputs(await db(), notebookId),
    save: async (cellId, saved) => saveCellOutput(await db(), notebookId, cellId, saved),
  };
}
