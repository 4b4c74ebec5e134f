// A notebook nobody has worked in yet: the default name and one Data cell with nothing imported. Leaving it
// deletes it (a failed import leaves nothing behind), and its first import names it after the file.

import type { Notebook } from './types';

/** The name "New notebook" gives until a dataset or the user names it. */
export const DEFAULT_NOTEBOOK_NAME = 'Untitled notebook';

/** True for the default name and a single Data cell without a dataset. */
export function isPristineNotebook(notebook: Notebook): boolean {
  const [only, ...rest] = notebook.cells;
  return notebook.name === DEFAULT_NOTEBOOK_NAME && rest.length === 0 && only?.kind === 'data' && only.spec.datasetId === null;
}
