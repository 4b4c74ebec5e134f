// A new Table holding only some rows (in the order given) — used to fit on training rows alone.

import { selectTextRows } from '../table/text-column';
import type { Column, RowIndices, Table } from '../table/types';

/** The rows `rows` of `table`, in that order; every column kind keeps its missing markers and levels. */
export function takeRows(table: Table, rows: RowIndices | readonly number[]): Table {
  return { rowCount: rows.length, columns: table.columns.map((c) => takeColumnRows(c, rows)) };
}

/** The rows `rows` of one column. */
export function takeColumnRows(column: Column, rows: ArrayLike<number>): Column {
  const n = rows.length;
  switch (column.kind) {
    case 'numeric':
    case 'datetime': {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = column.values[rows[i]];
      return { ...column, values };
    }
    case 'categorical': {
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) codes[i] = column.codes[rows[i]];
      return { ...column, codes };
    }
    case 'boolean': {
      const values = new Uint8Array(n);
      for (let i = 0; i < n; i++) values[i] = column.values[rows[i]];
      return { ...column, values };
    }
    case 'text':
      return selectTextRows(column, rows);
  }
}
