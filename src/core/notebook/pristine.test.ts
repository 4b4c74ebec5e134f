import { describe, expect, it } from 'vitest';
import { addCell, createNotebook, renameNotebook, updateCellSpec } from './reducers';
import { DEFAULT_NOTEBOOK_NAME, isPristineNotebook } from './pristine';
import type { CellId, DatasetId, NotebookId } from './types';

const fresh = addCell(createNotebook('nb' as NotebookId, DEFAULT_NOTEBOOK_NAME, 1), 'data', 'c1' as CellId, 1);

describe('isPristineNotebook', () => {
  it('is true for a new notebook and false once it has a dataset, another cell or a name', () => {
    const imported = updateCellSpec(fresh, 'c1' as CellId, 'data', (spec) => ({ ...spec, datasetId: 'd1' as DatasetId }), 2);
    expect([
      isPristineNotebook(fresh),
      isPristineNotebook(imported),
      isPristineNotebook(addCell(fresh, 'note', 'c2' as CellId, 2)),
      isPristineNotebook(renameNotebook(fresh, 'Churn study', 2)),
    ]).toEqual([true, false, false, false]);
  });
});
