import { describe, expect, it } from 'vitest';
import type { CellId, Notebook, NotebookId } from '../core/notebook/types';
import { addCell, createNotebook } from '../core/notebook/reducers';
import type { PipelineStep } from '../core/transform/step-types';
import { createSuggestedStep, findEquivalentStep, findPrepareCellBelow } from './suggested-steps';

describe('alert suggestions → steps', () => {
  it('maps each suggestion kind to its step, imputing every column of the alert column\'s kind that has gaps', () => {
    expect([
      createSuggestedStep({ kind: 'impute', column: 'Age', detail: '' }, 'numeric', 's1'),
      createSuggestedStep({ kind: 'impute', column: 'Cabin', detail: '' }, 'categorical', 's2'),
      createSuggestedStep({ kind: 'drop', column: 'id', detail: '' }, 'text', 's3'),
      createSuggestedStep({ kind: 'log-transform', column: 'Fare', detail: '' }, 'numeric', 's4'),
      createSuggestedStep({ kind: 'cap-outliers', column: 'wind', detail: '' }, 'numeric', 's5'),
      createSuggestedStep({ kind: 'dedupe', detail: '' }, null, 's6'),
      createSuggestedStep({ kind: 'drop', detail: '' }, null, 's7'),
      createSuggestedStep({ kind: 'none', detail: 'Collect more data.' }, null, 's8'),
      createSuggestedStep({ kind: 'impute', column: 'note', detail: '' }, 'text', 's9'),
    ]).toEqual([
      { kind: 'impute', id: 's1', columns: { rule: 'numeric', onlyMissing: true }, strategy: 'median', addIndicator: true },
      { kind: 'impute', id: 's2', columns: { rule: 'categorical', onlyMissing: true }, strategy: 'most_frequent', addIndicator: true },
      { kind: 'drop', id: 's3', columns: ['id'] },
      { kind: 'log1p', id: 's4', columns: ['Fare'] },
      { kind: 'cap_outliers', id: 's5', columns: ['wind'], method: 'iqr', iqrMultiplier: 1.5 },
      { kind: 'dedupe', id: 's6' },
      null,
      null,
      { kind: 'impute', id: 's9', columns: ['note'], strategy: 'most_frequent', addIndicator: true },
    ]);
  });

  it('finds a step that already does the same, whatever its id', () => {
    const steps: PipelineStep[] = [{ kind: 'impute', id: 'impute-1', columns: { rule: 'numeric', onlyMissing: true }, strategy: 'median', addIndicator: true }];
    expect([
      findEquivalentStep(steps, { ...steps[0], id: '' }),
      findEquivalentStep(steps, { kind: 'impute', id: '', columns: { rule: 'numeric', onlyMissing: true }, strategy: 'mean', addIndicator: true }),
    ]).toEqual(['impute-1', null]);
  });

  it('finds the nearest Prepare cell below, or says where a new one goes', () => {
    let notebook: Notebook = createNotebook('nb' as NotebookId, 'n', 0);
    for (const [kind, id] of [['data', 'd'], ['profile', 'p'], ['split', 's'], ['prepare', 'q1'], ['prepare', 'q2']] as const) notebook = addCell(notebook, kind, id as CellId, 0);
    expect([findPrepareCellBelow(notebook, 'p' as CellId), findPrepareCellBelow(notebook, 'q2' as CellId)]).toEqual([
      { prepareCellId: 'q1', insertAt: 2 },
      { prepareCellId: null, insertAt: 5 },
    ]);
  });
});
