// Materializes a row subset (filter, split, fold) of a table: the one place row indices become copies.

import { selectTextRows } from './text-column';
import type { Column, RowIndices, Table } from './types';

/** A new table holding `rows` of `table` in the given order (repeats allowed); levels are kept as they are. */
export function selectRows(table: Table, rows: RowIndices): Table {
  return { rowCount: rows.length, columns: table.columns.map((column) => selectColumnRows(column, rows)) };
}

function selectColumnRows(column: Column, rows: RowIndices): Column {
  switch (column.kind) {
    case 'numeric':
      return { ...column, values: gather(column.values, rows, new Float64Array(rows.length)) };
    case 'datetime':
      return { ...column, values: gather(column.values, rows, new Float64Array(rows.length)) };
    case 'boolean':
      return { ...column, values: gather(column.values, rows, new Uint8Array(rows.length)) };
    case 'categorical':
      return { ...column, codes: gather(column.codes, rows, new Int32Array(rows.length)) };
    case 'text':
      return selectTextRows(column, rows);
  }
}

function gather<T extends Float64Array | Uint8Array | Int32Array>(source: T, rows: RowIndices, target: T): T {
  for (let i = 0; i < rows.length; i++) target[i] = source[rows[i]];
  return target;
}
