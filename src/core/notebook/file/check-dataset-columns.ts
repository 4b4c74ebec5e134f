// Whether a dataset file fits the Data cell it is bound to: the same column names, each of the recorded kind
// (a column the cell overrides may be read as any kind, since the override decides what the cells below see).

import { DataError } from '../../errors';
import type { ColumnOverride } from '../types';
import type { DatasetBinding, DatasetColumnRef } from './file-types';

/** Every difference between the recorded columns and `actual`, as phrases; empty when they match. */
export function compareDatasetColumns(expected: readonly DatasetColumnRef[], actual: readonly DatasetColumnRef[], overrides: Readonly<Record<string, ColumnOverride>> = {}): string[] {
  const actualKinds = new Map(actual.map((column) => [column.name, column.kind]));
  const expectedNames = new Set(expected.map((column) => column.name));
  const differences: string[] = [];
  for (const column of expected) {
    const kind = actualKinds.get(column.name);
    if (kind === undefined) differences.push(`no column "${column.name}" (${column.kind})`);
    else if (kind !== column.kind && !Object.hasOwn(overrides, column.name)) differences.push(`"${column.name}" is ${kind}, the notebook expects ${column.kind}`);
  }
  const extra = actual.filter((column) => !expectedNames.has(column.name)).map((column) => `"${column.name}"`);
  if (extra.length > 0) differences.push(`columns the notebook does not know: ${extra.join(', ')}`);
  return differences;
}

/**
 * Throws a DataError naming the Data cell (`cells[index]`), its dataset and the columns when `actual` does not
 * match the binding's columns; row counts may differ (new rows of the same data are fine).
 */
export function checkDatasetColumns(cellIndex: number, binding: DatasetBinding, actual: readonly DatasetColumnRef[], overrides: Readonly<Record<string, ColumnOverride>> = {}): void {
  const differences = compareDatasetColumns(binding.columns, actual, overrides);
  if (differences.length === 0) return;
  throw new DataError(
    `Data cell cells[${cellIndex}] (dataset "${binding.name}"): the file does not match the notebook's columns: ${differences.join('; ')}. ` +
      `Bind a file with the columns of ${binding.fileName}.`,
  );
}
