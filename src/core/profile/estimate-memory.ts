// Estimates how much memory a table's data takes: typed-array bytes plus 2 bytes per UTF-16 code unit
// of every string (text values and category levels). Object and pointer overhead is not counted.

import type { Table } from '../table/types';

/** Bytes held by the column data of `table` (an estimate for strings, exact for typed arrays). */
export function estimateMemory(table: Table): number {
  let bytes = 0;
  for (const column of table.columns) {
    if (column.kind === 'categorical') {
      bytes += column.codes.byteLength;
      for (const level of column.levels) bytes += 2 * level.length;
    } else if (column.kind === 'text') {
      for (const value of column.values) if (value !== null) bytes += 2 * value.length;
    } else bytes += column.values.byteLength;
  }
  return bytes;
}
