// Per-row keys for a column (class, group, duplicate detection): dense integer ids, −1 missing,
// with the label of each id — the one way split, folds and summaries read a column.

import { DataError } from '../errors';
import { readTexts, textAt, textRowCount } from '../table/text-column';
import type { Column, Table } from '../table/types';

/** Dense keys: `ids[row]` indexes `labels`, −1 is missing. Labels are sorted (numbers numerically). */
export interface ColumnKeys {
  readonly ids: Int32Array;
  readonly labels: readonly string[];
}

/** The column named `name`, or a DataError naming it and the columns that exist. */
export function findColumn(table: Table, name: string, role: string): Column {
  const column = table.columns.find((c) => c.name === name);
  if (!column) {
    const names = table.columns.map((c) => `'${c.name}'`).join(', ');
    throw new DataError(`The ${role} column '${name}' is not in the table. Choose one of: ${names}.`);
  }
  return column;
}

/** Reads a column as dense keys; missing values (NaN, −1, 255, null) get −1. */
export function keyColumn(column: Column): ColumnKeys {
  const n = column.kind === 'text' ? textRowCount(column) : column.kind === 'categorical' ? column.codes.length : column.values.length;
  let raw: (string | number | null)[];
  if (column.kind === 'text') raw = readTexts(column);
  else {
    raw = new Array(n);
    for (let i = 0; i < n; i++) raw[i] = readRawValue(column, i);
  }
  const distinct = [...new Set(raw.filter((v) => v !== null))] as (string | number)[];
  distinct.sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
  const idOf = new Map(distinct.map((v, i) => [v, i]));
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = raw[i] === null ? -1 : (idOf.get(raw[i] as string | number) as number);
  return { ids, labels: distinct.map((v) => (column.kind === 'datetime' ? new Date(v as number).toISOString() : String(v))) };
}

/** The rows where `column` holds a value, ascending (the rows a split may use when `column` is the target). */
export function listPresentRows(column: Column): Uint32Array {
  const texts = column.kind === 'text' ? readTexts(column) : null;
  const n = column.kind === 'text' ? textRowCount(column) : column.kind === 'categorical' ? column.codes.length : column.values.length;
  const rows = new Uint32Array(n);
  let count = 0;
  for (let row = 0; row < n; row++) if ((texts ? texts[row] : readRawValue(column, row)) !== null) rows[count++] = row;
  return rows.slice(0, count);
}

/** A row's value as a plain string or number; null when missing. */
export function readRawValue(column: Column, row: number): string | number | null {
  switch (column.kind) {
    case 'numeric':
    case 'datetime': {
      const v = column.values[row];
      return Number.isNaN(v) ? null : v;
    }
    case 'categorical': {
      const code = column.codes[row];
      return code < 0 ? null : column.levels[code];
    }
    case 'boolean': {
      const v = column.values[row];
      return v === 0 ? 'false' : v === 1 ? 'true' : null;
    }
    case 'text':
      return textAt(column, row);
  }
}

/** A string per row that is equal exactly when two rows hold equal values in every column. */
export function keyRows(table: Table, rows: ArrayLike<number>): string[] {
  const keys: string[] = new Array(rows.length);
  // Text columns are decoded once here rather than once per cell.
  const readers = table.columns.map((column): ((row: number) => string | number | null) => {
    if (column.kind !== 'text') return (row) => readRawValue(column, row);
    const texts = readTexts(column);
    return (row) => texts[row];
  });
  for (let r = 0; r < rows.length; r++) {
    const parts: string[] = [];
    for (const read of readers) parts.push(JSON.stringify(read(rows[r])));
    keys[r] = parts.join('\u0001');
  }
  return keys;
}
