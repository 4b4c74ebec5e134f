// Reads JSON records into raw columns: an array of objects, or an object holding exactly one such array.
// Nested values become JSON text; columns appear in order of first appearance.

import { DataError } from '../errors';
import type { RawColumn } from './infer-table';

/** Raw columns from JSON text; throws DataError when it is not an array of records. */
export function readJson(text: string, fileName: string): { columns: RawColumn[]; rowCount: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DataError(`"${fileName}" is not valid JSON (${(error as Error).message}). Check the file, or import it as CSV.`);
  }
  const records = findRecords(parsed, fileName);
  const index = new Map<string, number>();
  const columns: (string | null)[][] = [];
  records.forEach((record, r) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw new DataError(`"${fileName}": item ${r + 1} is ${describe(record)}, not a record like {"name": value}. Every item of the array must be an object.`);
    }
    for (const [key, value] of Object.entries(record)) {
      let c = index.get(key);
      if (c === undefined) {
        c = columns.length;
        index.set(key, c);
        columns.push(new Array<string | null>(records.length).fill(null));
      }
      columns[c][r] = toCellText(value);
    }
  });
  const names = [...index.keys()];
  if (names.length === 0) throw new DataError(`"${fileName}" has no records with fields to import.`);
  return { columns: names.map((name, c) => ({ name, originalName: name, values: columns[c] })), rowCount: records.length };
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
