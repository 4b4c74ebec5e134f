// Estimates how much memory a table's data takes: typed-array bytes (text columns are packed UTF-8 plus
// offsets and missing flags) plus 2 bytes per UTF-16 code unit of category levels. Object overhead is not counted.

import type { Table } from '../table/types';

/** Bytes held by the column data of `table` (an estimate for category levels, exact for typed arrays). */
export function estimateMemory(table: Table): number {
  let bytes = 0;
  for (const column of table.columns) {
    if (column.kind === 'categorical') {
      bytes += column.codes.byteLength;
      for (const level of column.levels) bytes += 2 * level.length;
    } else if (column.kind === 'text') {
      bytes += column.bytes.byteLength + column.offsets.byteLength + column.missing.byteLength;
    } else bytes += column.values.byteLength;
  }
  return bytes;
}
