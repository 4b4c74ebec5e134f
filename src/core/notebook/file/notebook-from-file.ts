// A notebook file made into a stored notebook: a new id, the file's cells, and each Data cell pointed at the
// stored dataset its binding was resolved to — or, when none was found, saying which file to bring.

import { NOTEBOOK_FORMAT_VERSION, type CellId, type DatasetId, type Notebook, type NotebookId } from '../types';
import { toCell, type DatasetBinding, type NotebookFile } from './file-types';

/**
 * The notebook for `file`; `datasetIds` maps a Data cell's id to the stored dataset it reads (null: none found).
 * A Data cell left out of the map keeps its spec's `datasetId` (a version-0 file from this browser has one).
 */
export function createNotebookFromFile(file: NotebookFile, id: NotebookId, now: number, datasetIds: ReadonlyMap<CellId, DatasetId | null>): Notebook {
  const cells = file.notebook.cells.map((cell) => {
    if (cell.kind !== 'data' || !datasetIds.has(cell.id)) return toCell(cell);
    const datasetId = datasetIds.get(cell.id) ?? null;
    const sourceLabel = datasetId === null && cell.dataset ? describeWantedDataset(cell.dataset) : cell.spec.sourceLabel;
    return toCell({ ...cell, spec: { ...cell.spec, datasetId, sourceLabel } });
  });
  return { formatVersion: NOTEBOOK_FORMAT_VERSION, id, name: file.notebook.name, cells, createdAt: now, updatedAt: now };
}

/** The file a Data cell asks for, e.g. `penguins.csv (dataset "penguins", 344 rows × 7 columns)`. */
export function describeWantedDataset(binding: DatasetBinding): string {
  const shape = `${binding.rowCount.toLocaleString('en-US')} rows × ${binding.columns.length} columns`;
  return `${binding.fileName} (dataset "${binding.name}", ${shape})`;
}
