// The `input` a Code cell's source reads: the table above as column names, a row count, each column as a plain
// array (numbers, text, true/false, Date; null where missing) and the rows as objects. Columns are decoded when
// first asked for, and each call hands out a fresh array, so code that changes one does not change the next.

import { readTexts } from '../table/text-column';
import type { Column, ColumnKind, Table } from '../table/types';
import type { CodeInputTable } from './code-types';
import { createCodeCellError } from './map-error-line';

/** A cell value as the code sees it: null is missing. */
export type CodeCell = number | string | boolean | Date | null;

/** The code's `input` (see docs/code-cell.md). */
export interface CodeInput {
  /** The dataset's name ("penguins"). */
  readonly name: string;
  readonly columns: readonly string[];
  readonly rowCount: number;
  /** Each column's kind: numeric, categorical, boolean, datetime or text. */
  readonly kinds: Readonly<Record<string, ColumnKind>>;
  /** The values of column `name`, one per row. */
  column(name: string): CodeCell[];
  /** Every row as an object { column: value }. */
  rows(): Record<string, CodeCell>[];
}

/** The input over `source` (null when there is no table above). */
export function createCodeInput(source: CodeInputTable | null): CodeInput | null {
  if (source === null) return null;
  const { table, name } = source;
  const byName = new Map(table.columns.map((column) => [column.name, column]));
  const decoded = new Map<string, CodeCell[]>();
  const decode = (columnName: string): CodeCell[] => {
    let values = decoded.get(columnName);
    if (!values) {
      const column = byName.get(columnName);
      if (!column) throw createCodeCellError(`There is no column ${JSON.stringify(columnName)} in the input; its columns are ${describeNames(table)}.`);
      values = decodeColumn(column);
      decoded.set(columnName, values);
    }
    return values;
  };
  const names = table.columns.map((column) => column.name);
  return Object.freeze({
    name,
    columns: Object.freeze(names),
    rowCount: table.rowCount,
    kinds: Object.freeze(Object.fromEntries(table.columns.map((column) => [column.name, column.kind]))),
    column: (columnName: string) => [...decode(String(columnName))],
    rows() {
      const columns = names.map(decode);
      return Array.from({ length: table.rowCount }, (_, row) => Object.fromEntries(names.map((columnName, c) => [columnName, columns[c][row]])));
    },
  });
}

/** A column's values as the code sees them. */
export function decodeColumn(column: Column): CodeCell[] {
  switch (column.kind) {
    case 'numeric':
      return Array.from(column.values, (value) => (Number.isNaN(value) ? null : value));
    case 'datetime':
      return Array.from(column.values, (value) => (Number.isNaN(value) ? null : new Date(value)));
    case 'boolean':
      return Array.from(column.values, (value) => (value === 1 ? true : value === 0 ? false : null));
    case 'categorical':
      return Array.from(column.codes, (code) => (code < 0 ? null : column.levels[code]));
    case 'text':
      return readTexts(column);
  }
}

function describeNames(table: Table): string {
  const shown = table.columns.slice(0, 20).map((column) => JSON.stringify(column.name)).join(', ');
  return table.columns.length > 20 ? `${shown} and ${table.columns.length - 20} more` : shown || 'none';
}
