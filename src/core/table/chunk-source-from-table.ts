// ChunkSource over an in-memory Table: what tests and small datasets use where code reads chunk by chunk.

import type { ChunkSource } from './chunk-source';
import type { Table } from './types';
import { selectRows } from './select-rows';

/** Serves `table` in chunks of `chunkRows` rows (≥ 1), each a copy made by selectRows. */
export function chunkSourceFromTable(table: Table, chunkRows: number): ChunkSource {
  if (!Number.isInteger(chunkRows) || chunkRows < 1) throw new RangeError(`chunkRows must be a whole number ≥ 1, got ${chunkRows}`);
  const rowCount = table.rowCount;
  const chunkCount = Math.ceil(rowCount / chunkRows);
  return {
    rowCount, chunkCount, chunkRows,
    readChunk: async (index) => {
      if (!Number.isInteger(index) || index < 0 || index >= chunkCount) throw new RangeError(`chunk ${index} is outside 0..${chunkCount - 1}`);
      const start = index * chunkRows;
      const end = Math.min(rowCount, start + chunkRows);
      const rows = new Uint32Array(end - start);
      for (let i = 0; i < rows.length; i++) rows[i] = start + i;
      return selectRows(table, rows);
    },
  };
}
