import { describe, expect, it } from 'vitest';
import type { CellId, Notebook, NotebookId } from '../core/notebook/types';
import { addCell, createNotebook } from '../core/notebook/reducers';
import type { PipelineStep } from '../core/transform/step-types';
import { createSuggestedSteps, findEquivalentStep, findPrepareCellBelow } from './suggested-steps';

describe('alert suggestions → steps', () => {
  it('maps each suggestion kind to its step, imputing every column of the alert column\'s kind that has gaps', () => {
    const kinds: Record<string, 'numeric' | 'categorical' | 'text'> = { Age: 'numeric', Cabin: 'categorical', id: 'text', Fare: 'numeric', wind: 'numeric', note: 'text' };
    const kindOf = (column: string) => kinds[column] ?? null;
    expect([
      createSuggestedSteps({ kind: 'impute', column: 'Age', detail: '' }, kindOf, 's1'),
      createSuggestedSteps({ kind: 'impute', column: 'Cabin', detail: '' }, kindOf, 's2'),
      createSuggestedSteps({ kind: 'drop', column: 'id', detail: '' }, kindOf, 's3'),
      createSuggestedSteps({ kind: 'log-transform', column: 'Fare', detail: '' }, kindOf, 's4'),
      createSuggestedSteps({ kind: 'cap-outliers', column: 'wind', detail: '' }, kindOf, 's5'),
      createSuggestedSteps({ kind: 'dedupe', detail: '' }, kindOf, 's6'),
      createSuggestedSteps({ kind: 'drop', detail: '' }, kindOf, 's7'),
      createSuggestedSteps({ kind: 'none', detail: 'Collect more data.' }, kindOf, 's8'),
      createSuggestedSteps({ kind: 'impute', column: 'note', detail: '' }, kindOf, 's9'),
    ]).toEqual([
      [{ kind: 'impute', id: 's1', columns: { rule: 'numeric', onlyMissing: true }, strategy: 'median', addIndicator: true }],
      [{ kind: 'impute', id: 's2', columns: { rule: 'categorical', onlyMissing: true }, strategy: 'most_frequent', addIndicator: true }],
      [{ kind: 'drop', id: 's3', columns: ['id'] }],
      [{ kind: 'log1p', id: 's4', columns: ['Fare'] }],
      [{ kind: 'cap_outliers', id: 's5', columns: ['wind'], method: 'iqr', iqrMultiplier: 1.5 }],
      [{ kind: 'dedupe', id: 's6' }],
      [],
      [],
      [{ kind: 'impute', id: 's9', columns: ['note'], strategy: 'most_frequent', addIndicator: true }],
    ]);
  });

  it("a group's suggestion is one step over all its columns (imputation one rule step per kind)", () => {
    const kindOf = (column: string) => (column.startsWith('n') ? 'numeric' : 'categorical');
    expect([
      createSuggestedSteps({ kind: 'log-transform', columns: ['n1', 'n2', 'n3'], detail: '' }, kindOf, 'g1'),
      createSuggestedSteps({ kind: 'impute', columns: ['n1', 'c1', 'n2'], detail: '' }, kindOf, 'g2'),
    ]).toEqual([
      [{ kind: 'log1p', id: 'g1', columns: ['n1', 'n2', 'n3'] }],
      [
        { kind: 'impute', id: 'g2', columns: { rule: 'numeric', onlyMissing: true }, strategy: 'median', addIndicator: true },
        { kind: 'impute', id: 'g2', columns: { rule: 'categorical', onlyMissing: true }, strategy: 'most_frequent', addIndicator: true },
      ],
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
