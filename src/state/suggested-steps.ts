// Profile alerts → one-click Prepare steps ("impute Age with median", "log1p of the 7 skewed columns"), one step
// over all the columns a (grouped) suggestion names, and where such steps go: the nearest Prepare cell below the
// Profile cell.

import type { CellId, Notebook } from '../core/notebook/types';
import type { AlertSuggestion } from '../core/profile/types';
import type { ColumnKind } from '../core/table/types';
import type { PipelineStep } from '../core/transform/step-types';

/** The columns a suggestion names: a group's list, or its one column. */
export function listSuggestedColumns(suggestion: AlertSuggestion): string[] {
  return suggestion.columns ?? (suggestion.column ? [suggestion.column] : []);
}

/**
 * The steps a suggestion stands for, with `id` for the caller to replace: one step over all its columns — imputation
 * one per strategy (median for numbers and dates, most frequent for the rest) — or none when it names no step (or
 * needs columns it lacks). `kindOf` gives a column's kind (null when unknown).
 */
export function createSuggestedSteps(suggestion: AlertSuggestion, kindOf: (column: string) => ColumnKind | null, id: string): PipelineStep[] {
  const columns = listSuggestedColumns(suggestion);
  switch (suggestion.kind) {
    case 'dedupe':
      return [{ kind: 'dedupe', id }];
    case 'drop':
      return columns.length ? [{ kind: 'drop', id, columns }] : [];
    case 'impute': {
      const numeric = (column: string) => kindOf(column) === 'numeric' || kindOf(column) === 'datetime';
      const byStrategy = [['median', columns.filter(numeric)], ['most_frequent', columns.filter((c) => !numeric(c))]] as const;
      return byStrategy.filter(([, names]) => names.length > 0).map(([strategy, names]) => ({ kind: 'impute', id, columns: names, strategy, addIndicator: true }));
    }
    case 'log-transform':
      return columns.length ? [{ kind: 'log1p', id, columns }] : [];
    case 'cap-outliers':
      return columns.length ? [{ kind: 'cap_outliers', id, columns, method: 'iqr', iqrMultiplier: 1.5 }] : [];
    case 'none':
      return [];
  }
}

/** The id of the first Prepare cell below `cellId`, or null; `insertAt` is where a new one would go (right below). */
export function findPrepareCellBelow(notebook: Notebook, cellId: CellId): { prepareCellId: CellId | null; insertAt: number } {
  const index = notebook.cells.findIndex((cell) => cell.id === cellId);
  const below = notebook.cells.slice(index + 1).find((cell) => cell.kind === 'prepare');
  return { prepareCellId: below?.id ?? null, insertAt: index + 1 };
}
