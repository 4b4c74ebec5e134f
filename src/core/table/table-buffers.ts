// Lists the buffers behind a table's typed arrays, so a worker can hand a table over by transfer.

import type { Table } from './types';

/** The distinct ArrayBuffers under the table's typed-array columns (a text column has three: bytes, offsets, missing). */
export function collectTransferables(table: Table): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const column of table.columns) {
    const arrays =
      column.kind === 'categorical' ? [column.codes] : column.kind === 'text' ? [column.bytes, column.offsets, column.missing] : [column.values];
    for (const array of arrays) if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  }
  return [...buffers];
}
