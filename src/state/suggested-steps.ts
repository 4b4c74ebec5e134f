// Profile alerts → one-click Prepare steps ("impute all numeric columns with missing values", "log1p of the 7 skewed
// columns"): one step over all the columns a (grouped) suggestion names, and where such steps go: the nearest
// Prepare cell below the Profile cell.

import type { CellId, Notebook } from '../core/notebook/types';
import type { AlertSuggestion } from '../core/profile/types';
import type { ColumnKind } from '../core/table/types';
import type { ColumnSelection, PipelineStep } from '../core/transform/step-types';

/** The columns a suggestion names: a group's list, or its one column. */
export function listSuggestedColumns(suggestion: AlertSuggestion): string[] {
  return suggestion.columns ?? (suggestion.column ? [suggestion.column] : []);
}

/**
 * The steps a suggestion stands for, with `id` for the caller to replace: one step over all its columns, or none when
 * it names no step (or needs columns it lacks). A missing-values alert means "impute every column like this one that
 * has gaps", so imputation becomes one rule step per kind named (median for numbers and dates, most frequent for the
 * rest; text has no rule: those columns by name). `kindOf` gives a column's kind (null when unknown).
 */
export function createSuggestedSteps(suggestion: AlertSuggestion, kindOf: (column: string) => ColumnKind | null, id: string): PipelineStep[] {
  const columns = listSuggestedColumns(suggestion);
  switch (suggestion.kind) {
    case 'dedupe':
      return [{ kind: 'dedupe', id }];
    case 'drop':
      return columns.length ? [{ kind: 'drop', id, columns }] : [];
    case 'impute':
      return createImputeSteps(columns, kindOf, id);
    case 'log-transform':
      return columns.length ? [{ kind: 'log1p', id, columns }] : [];
    case 'cap-outliers':
      return columns.length ? [{ kind: 'cap_outliers', id, columns, method: 'iqr', iqrMultiplier: 1.5 }] : [];
    case 'none':
      return [];
  }
}

function createImputeSteps(columns: readonly string[], kindOf: (column: string) => ColumnKind | null, id: string): PipelineStep[] {
  const byKind = new Map<ColumnKind | null, string[]>();
  for (const column of columns) byKind.set(kindOf(column), [...(byKind.get(kindOf(column)) ?? []), column]);
  return [...byKind].map(([kind, names]) => {
    const selection: ColumnSelection = kind && kind !== 'text' ? { rule: kind, onlyMissing: true } : names;
    const strategy = kind === 'numeric' || kind === 'datetime' ? 'median' : 'most_frequent';
    return { kind: 'impute', id, columns: selection, strategy, addIndicator: true };
  });
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
