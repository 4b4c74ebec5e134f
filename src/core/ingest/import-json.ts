// Reads JSON records into raw columns: an array of objects, or an object holding exactly one such array.
// Nested values become JSON text; columns appear in order of first appearance. Sparse records (many keys, few
// per record) are stored as pairs while reading and refused past a column limit before a dense table is made.

import { DataError } from '../errors';
import { formatCount } from './describe-evidence';
import type { RawColumn } from './infer-table';

/** Most columns taken from JSON records, however few the rows. */
export const MAX_JSON_COLUMNS = 2000;
/** Most cells (rows × columns, missing ones included) the table of JSON records may have: ~240 MB as numbers. */
export const MAX_JSON_CELLS = 30_000_000;
/** Deepest nesting of a record's value (kept as JSON text): deeper values overflowed JSON.stringify's stack. */
export const MAX_JSON_NESTING = 1000;

/**
 * Raw columns from JSON text; throws DataError when it is not an array of records, or when its records have more
 * distinct keys than the column limit for their number (MAX_JSON_COLUMNS, and MAX_JSON_CELLS ÷ rows). While
 * reading, each key keeps only its present (row, value) pairs, so memory follows the values, not rows × keys; the
 * dense columns are made one at a time as `columns` is iterated (once).
 */
export function readJson(text: string, fileName: string): { columns: Iterable<RawColumn>; rowCount: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DataError(`"${fileName}" is not valid JSON (${(error as Error).message}). Check the file, or import it as CSV.`);
  }
  const records = findRecords(parsed, fileName);
  const limit = Math.max(1, Math.min(MAX_JSON_COLUMNS, Math.floor(MAX_JSON_CELLS / records.length)));
  const keys = new Map<string, SparseColumn | null>(); // null: a key past the limit, only counted
  records.forEach((record, r) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw new DataError(`"${fileName}": item ${r + 1} is ${describe(record)}, not a record like {"name": value}. Every item of the array must be an object.`);
    }
    for (const [key, value] of Object.entries(record)) {
      let column = keys.get(key);
      if (column === undefined) {
        column = keys.size < limit ? { rows: [], cells: [] } : null;
        keys.set(key, column);
      }
      if (isNestedPast(value, MAX_JSON_NESTING)) throw describeTooDeep(fileName, key, r);
      const cell = toCellText(value);
      if (column === null || cell === null) continue;
      column.rows.push(r);
      column.cells.push(cell);
    }
  });
  if (keys.size === 0) throw new DataError(`"${fileName}" has no records with fields to import.`);
  if (keys.size > limit) throw describeTooManyKeys(fileName, keys.size, records.length, limit);
  return { columns: densify(keys as Map<string, SparseColumn>, records.length), rowCount: records.length };
}

/** A key's present values: cells[k] is the value of row rows[k]. */
interface SparseColumn {
  rows: number[];
  cells: string[];
}

/** Each key's column with every row (null where absent), made only when asked for; a key's pairs are let go once made. */
function* densify(keys: Map<string, SparseColumn>, rowCount: number): Generator<RawColumn> {
  for (const [name, column] of keys) {
    const values = new Array<string | null>(rowCount).fill(null);
    for (let k = 0; k < column.rows.length; k++) values[column.rows[k]] = column.cells[k];
    keys.delete(name);
    yield { name, originalName: name, values };
  }
}

function describeTooManyKeys(fileName: string, count: number, rows: number, limit: number): DataError {
  const why = limit < MAX_JSON_COLUMNS ? `for ${formatCount(rows)} records (at most ${formatCount(MAX_JSON_CELLS)} cells, present or missing)` : 'from JSON';
  return new DataError(
    `"${fileName}" has ${formatCount(count)} distinct keys across its ${formatCount(rows)} records: more columns than the ${formatCount(limit)} ` +
      `the importer takes ${why}. Keys that differ from record to record are usually values (ids, dates, names): reshape the records to ` +
      'share a few keys, e.g. [{"id": "u1", "score": 3}], or keep only the fields you need.',
  );
}

/** True when `value` holds arrays or objects more than `limit` levels deep; iterative, so any depth is measured safely. */
function isNestedPast(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (depth > limit) return true;
    for (const child of Object.values(item as object)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

function describeTooDeep(fileName: string, key: string, row: number): DataError {
  const name = JSON.stringify(key.length > 40 ? `${key.slice(0, 39)}…` : key);
  return new DataError(
    `"${fileName}": the value of ${name} in record ${formatCount(row + 1)} is nested more than ${formatCount(MAX_JSON_NESTING)} levels deep, ` +
      'too deep to keep as a cell. Flatten that field or leave it out of the records.',
  );
}

function findRecords(parsed: unknown, fileName: string): unknown[] {
  if (Array.isArray(parsed)) {
    if (parsed.length === 0) throw new DataError(`"${fileName}" holds an empty array: there are no rows to import.`);
    return parsed;
  }
  if (parsed !== null && typeof parsed === 'object') {
    const arrays = Object.entries(parsed).filter(([, v]) => Array.isArray(v));
    if (arrays.length === 1) return findRecords(arrays[0][1], fileName);
    const keys = arrays.map(([k]) => `"${k}"`).join(', ');
    throw new DataError(
      arrays.length === 0
        ? `"${fileName}" is a JSON object without an array of records. Import a file holding [{...}, {...}].`
        : `"${fileName}" holds several arrays (${keys}); save the one you want as its own file.`,
    );
  }
  throw new DataError(`"${fileName}" is a single JSON ${describe(parsed)}, not an array of records.`);
}

function toCellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the text ${JSON.stringify(value.slice(0, 40))}` : `a ${typeof value}`;
}
