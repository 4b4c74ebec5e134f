// Reads a notebook file for a headless run: the file as "Export notebook" writes it (or a bare notebook as the
// studio stores it), with every spec completed with its kind's defaults. Unreadable or malformed files are errors
// that say what is wrong.

import { readFile } from 'node:fs/promises';
import { NotebookFormatError } from '../core/errors';
import { completeCellSpecs } from '../core/notebook/reducers';
import type { Notebook } from '../core/notebook/types';

/** The notebook in `path`; NotebookFormatError when it cannot be read, is not JSON or has no cells. */
export async function readNotebookFile(path: string): Promise<Notebook> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new NotebookFormatError(`Cannot read the notebook file "${path}": ${error instanceof Error ? error.message : String(error)}.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new NotebookFormatError(`"${path}" is not JSON (${error instanceof Error ? error.message : String(error)}); export the notebook from the studio again.`);
  }
  const candidate = (parsed as { notebook?: unknown }).notebook ?? parsed;
  if (typeof candidate !== 'object' || candidate === null || !Array.isArray((candidate as Notebook).cells)) {
    throw new NotebookFormatError(`"${path}" holds no notebook (no "cells" list); export the notebook from the studio again.`);
  }
  return completeCellSpecs(candidate as Notebook);
}
