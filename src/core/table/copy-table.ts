// A deep copy of a table whose typed arrays own their buffers, ready to be transferred to another thread while
// the original stays usable (a worker keeps its table and sends the page a copy).

import type { Column, Table } from './types';

function copyColumn(column: Column): Column {
  switch (column.kind) {
    case 'categorical':
      return { ...column, codes: column.codes.slice(), levels: [...column.levels] };
    case 'text':
      return { ...column, bytes: column.bytes.slice(), offsets: column.offsets.slice(), missing: column.missing.slice() };
    default:
      return { ...column, values: column.values.slice() } as Column;
  }
}

/** `table` copied column by column onto fresh buffers. */
export function copyTable(table: Table): Table {
  return { rowCount: table.rowCount, columns: table.columns.map(copyColumn) };
}
