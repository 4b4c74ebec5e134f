// Two tables' rows in one (a retrain on the old training rows plus a new batch): the columns of `base`, each
// followed by the same-named column of `extra` read as the base column's kind — numbers and dates as they are,
// categories re-coded onto the base's levels with new ones after, true/false as they are, text as text. A column
// `extra` lacks is missing on its rows; a column of another kind is an error naming it.

import { DataError } from '../errors';
import { createTextColumn, readTexts } from './text-column';
import { BOOLEAN_MISSING, type Column, type RowIndices, type Table } from './types';

/** `rowsA` of `base` then `rowsB` of `extra`, as one table; the row indices of each part in it. */
export function appendTableRows(base: Table, rowsA: RowIndices, extra: Table, rowsB: RowIndices): { table: Table; a: RowIndices; b: RowIndices } {
  const byName = new Map(extra.columns.map((column) => [column.name, column]));
  const columns = base.columns.map((column) => appendColumn(column, rowsA, byName.get(column.name), rowsB));
  const n = rowsA.length;
  return {
    table: { rowCount: n + rowsB.length, columns },
    a: Uint32Array.from({ length: n }, (_, i) => i),
    b: Uint32Array.from({ length: rowsB.length }, (_, i) => n + i),
  };
}

function appendColumn(column: Column, rowsA: RowIndices, other: Column | undefined, rowsB: RowIndices): Column {
  if (other !== undefined && other.kind !== column.kind) {
    throw new DataError(`Column "${column.name}" is ${column.kind} in the training data but ${other.kind} in the batch; set its type in the batch's Data cell to ${column.kind}.`);
  }
  const total = rowsA.length + rowsB.length;
  switch (column.kind) {
    case 'numeric':
    case 'datetime': {
      const values = new Float64Array(total).fill(Number.NaN);
      rowsA.forEach((row, i) => (values[i] = column.values[row]));
      if (other && (other.kind === 'numeric' || other.kind === 'datetime')) rowsB.forEach((row, i) => (values[rowsA.length + i] = other.values[row]));
      return { ...column, values };
    }
    case 'boolean': {
      const values = new Uint8Array(total).fill(BOOLEAN_MISSING);
      rowsA.forEach((row, i) => (values[i] = column.values[row]));
      if (other?.kind === 'boolean') rowsB.forEach((row, i) => (values[rowsA.length + i] = other.values[row]));
      return { ...column, values };
    }
    case 'categorical': {
      const levels = [...column.levels];
      const codes = new Int32Array(total).fill(-1);
      rowsA.forEach((row, i) => (codes[i] = column.codes[row]));
      if (other?.kind === 'categorical') {
        const index = new Map(levels.map((level, code) => [level, code]));
        const remap = other.levels.map((level) => {
          let code = index.get(level);
          if (code === undefined) {
            code = levels.push(level) - 1;
            index.set(level, code);
          }
          return code;
        });
        rowsB.forEach((row, i) => {
          const code = other.codes[row];
          codes[rowsA.length + i] = code < 0 ? -1 : remap[code];
        });
      }
      return { ...column, codes, levels };
    }
    case 'text': {
      const a = readTexts(column);
      const b = other?.kind === 'text' ? readTexts(other) : null;
      const values = [...Array.from(rowsA, (row) => a[row]), ...Array.from(rowsB, (row) => (b ? b[row] : null))];
      return createTextColumn(column.name, values, column.idLike);
    }
  }
}
