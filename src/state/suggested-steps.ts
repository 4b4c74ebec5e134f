// Profile alerts → one-click Prepare steps ("impute all numeric columns with missing values", "drop id column"),
// and where such a step goes: the nearest Prepare cell below the Profile cell.

import type { CellId, Notebook } from '../core/notebook/types';
import type { AlertSuggestion } from '../core/profile/types';
import type { ColumnKind } from '../core/table/types';
import type { ColumnSelection, PipelineStep } from '../core/transform/step-types';

/**
 * The step an alert's suggestion stands for, or null when it names none (or needs a column it lacks). A missing-
 * values alert means "impute every column like this one that has gaps", so it becomes a rule over the column's
 * kind (text has no rule: that column alone); the other suggestions are about their one column.
 */
export function createSuggestedStep(suggestion: AlertSuggestion, columnKind: ColumnKind | null, id: string): PipelineStep | null {
  const column = suggestion.column;
  switch (suggestion.kind) {
    case 'dedupe':
      return { kind: 'dedupe', id };
    case 'drop':
      return column ? { kind: 'drop', id, columns: [column] } : null;
    case 'impute': {
      if (!column) return null;
      const numeric = columnKind === 'numeric' || columnKind === 'datetime';
      const columns: ColumnSelection = columnKind && columnKind !== 'text' ? { rule: columnKind, onlyMissing: true } : [column];
      return { kind: 'impute', id, columns, strategy: numeric ? 'median' : 'most_frequent', addIndicator: true };
    }
    case 'log-transform':
      return column ? { kind: 'log1p', id, columns: [column] } : null;
    case 'cap-outliers':
      return column ? { kind: 'cap_outliers', id, columns: [column], method: 'iqr', iqrMultiplier: 1.5 } : null;
    case 'none':
      return null;
  }
}

/** The id of a step in `steps` that does exactly what `step` does (ids aside), or null. */
export function findEquivalentStep(steps: readonly PipelineStep[], step: PipelineStep): string | null {
  const config = (s: PipelineStep) => JSON.stringify({ ...s, id: '' });
  return steps.find((s) => config(s) === config(step))?.id ?? null;
}

/** The id of the first Prepare cell below `cellId`, or null; `insertAt` is where a new one would go (right below). */
export function findPrepareCellBelow(notebook: Notebook, cellId: CellId): { prepareCellId: CellId | null; insertAt: number } {
  const index = notebook.cells.findIndex((cell) => cell.id === cellId);
  const below = notebook.cells.slice(index + 1).find((cell) => cell.kind === 'prepare');
  return { prepareCellId: below?.id ?? null, insertAt: index + 1 };
}
