// Writes a Table as CSV text that the importer reads back to the same table (comma, LF, empty = missing):
// numbers in their shortest exact form, dates as ISO 8601 (date only when a whole column is at midnight UTC),
// booleans as true/false (anything else, BOOLEAN_MISSING included, empty), a field quoted when it holds a comma, quote, line break or edge space.

import { textAt } from '../table/text-column';
import type { Column, Table } from '../table/types';

const MS_PER_DAY = 86_400_000;
const NEEDS_QUOTES = /[",\n\r]|^\s|\s$/;

/** Writes rows of one table; `rows(from, to)` may be called slice by slice (every column's format is fixed up front). */
export interface CsvWriter {
  /** The header line, with its line break. */
  readonly header: string;
  /** Rows [from, to), each ending in a line break. */
  rows(from: number, to: number): string;
}

/** A writer for `table` (each datetime column's spelling is decided over all its rows here). */
export function createCsvWriter(table: Table): CsvWriter {
  const cells = table.columns.map(createCellWriter);
  const header = `${table.columns.map((column) => quote(column.name)).join(',')}\n`;
  return {
    header,
    rows(from, to) {
      const lines: string[] = [];
      for (let row = from; row < Math.min(to, table.rowCount); row++) lines.push(cells.map((write) => write(row)).join(','));
      return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
    },
  };
}

/** The whole table as CSV text. */
export function writeCsv(table: Table): string {
  const writer = createCsvWriter(table);
  return writer.header + writer.rows(0, table.rowCount);
}

function createCellWriter(column: Column): (row: number) => string {
  switch (column.kind) {
    case 'numeric':
      // String(x) is the shortest text that parses back to exactly x; −0 is written as 0.
      return (row) => (Number.isNaN(column.values[row]) ? '' : String(column.values[row]));
    case 'datetime': {
      const dateOnly = column.values.every((ms) => Number.isNaN(ms) || ms % MS_PER_DAY === 0);
      return (row) => {
        const ms = column.values[row];
        if (Number.isNaN(ms)) return '';
        const iso = new Date(ms).toISOString();
        return dateOnly ? iso.slice(0, 10) : iso;
      };
    }
    case 'categorical':
      return (row) => {
        const code = column.codes[row];
        return code >= 0 && code < column.levels.length ? quote(column.levels[code]) : '';
      };
    case 'boolean':
      return (row) => (column.values[row] === 1 ? 'true' : column.values[row] === 0 ? 'false' : '');
    case 'text':
      return (row) => {
        const text = textAt(column, row);
        return text === null ? '' : quote(text);
      };
  }
}

function quote(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
