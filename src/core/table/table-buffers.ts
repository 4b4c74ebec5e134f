// Lists the buffers behind a table's typed arrays, so a worker can hand a table over by transfer.

import type { Table } from './types';

/** The distinct ArrayBuffers under the table's typed-array columns (text columns have none). */
export function collectTransferables(table: Table): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const column of table.columns) {
    const array = column.kind === 'categorical' ? column.codes : column.kind === 'text' ? null : column.values;
    if (array !== null && array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  }
  return [...buffers];
}
