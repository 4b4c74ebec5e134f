// Reads a notebook file for a headless run (core/notebook/file: validated, upgraded, specs completed) and turns it
// into the notebook the runtime runs, each Data cell marked as reading its bound dataset.

import { readFile } from 'node:fs/promises';
import { NotebookFormatError } from '../core/errors';
import { readNotebookFile as parseNotebookFile, toCell, type NotebookFile } from '../core/notebook/file';
import { NOTEBOOK_FORMAT_VERSION, type DatasetId, type Notebook, type NotebookId } from '../core/notebook/types';

/** The validated file in `path`; NotebookFormatError when it cannot be read or is not a notebook file. */
export async function readNotebookFile(path: string): Promise<NotebookFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new NotebookFormatError(`Cannot read the notebook file "${path}": ${error instanceof Error ? error.message : String(error)}.`);
  }
  return parseNotebookFile(text);
}

/** The notebook of `file` for the runtime: a Data cell with a dataset binding reads it (its datasetId names the binding). */
export function createHeadlessNotebook(file: NotebookFile): Notebook {
  const cells = file.notebook.cells.map((cell) => {
    if (cell.kind !== 'data' || !cell.dataset) return toCell(cell);
    return toCell({ ...cell, spec: { ...cell.spec, datasetId: `file:${cell.dataset.name}` as DatasetId } });
  });
  return { formatVersion: NOTEBOOK_FORMAT_VERSION, id: 'headless' as NotebookId, name: file.notebook.name, cells, createdAt: 0, updatedAt: 0 };
}
