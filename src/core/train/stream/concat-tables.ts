// Tables with the same columns (names, kinds, levels — chunks of one ChunkSource) joined row-wise into one.

import { DataError } from '../../errors';
import { createTextColumn, readTexts } from '../../table/text-column';
import type { Column, Table } from '../../table/types';

/** The rows of `parts` in order; every part must have the columns of the first (same names, kinds and levels). */
export function concatTables(parts: readonly Table[]): Table {
  if (parts.length === 0) return { rowCount: 0, columns: [] };
  const first = parts[0];
  const rowCount = parts.reduce((s, part) => s + part.rowCount, 0);
  const columns = first.columns.map((column, j) => concatColumn(column, parts.map((part) => part.columns[j]), rowCount));
  return { rowCount, columns };
}

function concatColumn(column: Column, pieces: readonly (Column | undefined)[], rowCount: number): Column {
  for (const piece of pieces) {
    if (piece?.name !== column.name || piece.kind !== column.kind) {
      throw new DataError(`Chunk column "${piece?.name ?? '(none)'}" does not match "${column.name}" (${column.kind}); every chunk of a dataset must have the same columns — re-import the file.`);
    }
  }
  switch (column.kind) {
    case 'numeric':
    case 'datetime':
      return { ...column, values: joinArrays(pieces.map((p) => (p as typeof column).values), new Float64Array(rowCount)) };
    case 'boolean':
      return { ...column, values: joinArrays(pieces.map((p) => (p as typeof column).values), new Uint8Array(rowCount)) };
    case 'categorical':
      return { ...column, codes: joinArrays(pieces.map((p) => (p as typeof column).codes), new Int32Array(rowCount)) };
    case 'text':
      return createTextColumn(column.name, pieces.flatMap((p) => readTexts(p as typeof column)), column.idLike);
  }
}

function joinArrays<T extends Float64Array | Uint8Array | Int32Array>(arrays: readonly T[], into: T): T {
  let offset = 0;
  for (const array of arrays) {
    into.set(array, offset);
    offset += array.length;
  }
  return into;
}
