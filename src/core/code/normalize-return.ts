// What a Code cell's source returned, sorted into what the cell can use: an array of row objects or
// `{ columns: { name: values } }` is a table (its cells as import texts, typed next by infer-returned-table.ts),
// `{ plot: { data, layout } }` a plotly figure, undefined nothing, anything else a JSON value. A return that is
// none of these throws a ReturnError saying what came back and what to return instead.

import { MAX_JSON_CELLS, MAX_JSON_COLUMNS } from '../ingest/import-json';
import type { RawColumn } from '../ingest/infer-table';
import { MAX_VALUE_CHARS, type CodeFigure, type CodeValue } from './code-types';
import { toPlainJson } from './to-plain-json';

/** A returned value, sorted. */
export type NormalizedReturn =
  | { readonly kind: 'table'; readonly columns: readonly RawColumn[]; readonly rowCount: number }
  | ({ readonly kind: 'value' } & CodeValue)
  | { readonly kind: 'plot'; readonly figure: CodeFigure }
  | { readonly kind: 'none' };

const WHAT_TO_RETURN = 'Return an array of row objects or { columns: { name: [values] } } for a table, { plot: { data, layout } } for a plot, or a JSON value.';
/** Most characters of a returned plot's JSON. */
const MAX_PLOT_CHARS = 20_000_000;

/** The returned value that is none of a table, a plot or a JSON value (the message says which and why). */
export class ReturnError extends Error {
  override readonly name = 'ReturnError';
}

/** Sorts `value` (what the code returned); throws ReturnError for a return the cell cannot use. */
export function normalizeReturn(value: unknown): NormalizedReturn {
  if (value === undefined) return { kind: 'none' };
  if (Array.isArray(value)) {
    if (value.length === 0) throw new ReturnError(`Your code returned an empty array, so there are no rows for a table. ${WHAT_TO_RETURN}`);
    if (isRecord(value[0])) return readRows(value);
  } else if (isRecord(value)) {
    if (Object.hasOwn(value, 'plot')) return { kind: 'plot', figure: readFigure(value.plot) };
    if (Object.hasOwn(value, 'columns') && isRecord(value.columns)) return readColumns(value.columns);
  }
  return { kind: 'value', ...readValue(value) };
}

/** An object that can be a row: not an array, typed array, date, Map or Set. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value) && !(value instanceof Date) && !(value instanceof Map) && !(value instanceof Set);
}

function readRows(rows: readonly unknown[]): NormalizedReturn {
  const columns = new Map<string, (string | null)[]>();
  rows.forEach((row, r) => {
    if (!isRecord(row)) throw new ReturnError(`Your code returned an array of rows, but item [${r}] is ${describeValue(row)}, not an object like { name: value }. Every item must be a row object.`);
    for (const [name, cell] of Object.entries(row)) {
      let values = columns.get(name);
      if (!values) {
        if (columns.size >= MAX_JSON_COLUMNS) throw new ReturnError(`Your code returned rows with more than ${MAX_JSON_COLUMNS} distinct keys; a table takes at most ${MAX_JSON_COLUMNS} columns.`);
        values = new Array<string | null>(rows.length).fill(null);
        columns.set(name, values);
      }
      values[r] = toCellText(cell, name, r);
    }
  });
  if (columns.size === 0) throw new ReturnError(`Your code returned ${rows.length} rows without any keys, so the table has no columns. ${WHAT_TO_RETURN}`);
  checkCells(rows.length, columns.size);
  return { kind: 'table', columns: [...columns].map(([name, values]) => ({ name, originalName: name, values })), rowCount: rows.length };
}

function readColumns(source: Record<string, unknown>): NormalizedReturn {
  const entries = Object.entries(source);
  if (entries.length === 0) throw new ReturnError(`Your code returned { columns: {} } without any column. ${WHAT_TO_RETURN}`);
  if (entries.length > MAX_JSON_COLUMNS) throw new ReturnError(`Your code returned ${entries.length} columns; a table takes at most ${MAX_JSON_COLUMNS}.`);
  const rowCount = lengthOf(entries[0]);
  for (const entry of entries) {
    if (lengthOf(entry) !== rowCount) throw new ReturnError(`Your code returned columns of different lengths: "${entries[0][0]}" has ${rowCount} values, "${entry[0]}" has ${lengthOf(entry)}. Every column needs one value per row.`);
  }
  if (rowCount === 0) throw new ReturnError('Your code returned columns without any values, so the table has no rows.');
  checkCells(rowCount, entries.length);
  const columns = entries.map(([name, values]) => ({ name, originalName: name, values: Array.from(values as ArrayLike<unknown>, (cell, row) => toCellText(cell, name, row)) }));
  return { kind: 'table', columns, rowCount };
}

function lengthOf([name, values]: readonly [string, unknown]): number {
  if (Array.isArray(values) || (ArrayBuffer.isView(values) && !(values instanceof DataView))) return (values as ArrayLike<unknown>).length;
  throw new ReturnError(`In { columns: { … } }, "${name}" is ${describeValue(values)}; each column must be an array of values.`);
}

function checkCells(rowCount: number, columnCount: number): void {
  if (rowCount * columnCount > MAX_JSON_CELLS) throw new ReturnError(`Your code returned ${rowCount} rows × ${columnCount} columns; a returned table takes at most ${MAX_JSON_CELLS} cells.`);
}

/** A cell as the text an import would read (null: missing); nested values become JSON text, as a JSON import makes them. */
function toCellText(cell: unknown, column: string, row: number): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : null;
  if (typeof cell === 'boolean' || typeof cell === 'bigint') return String(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString();
  if (typeof cell === 'function' || typeof cell === 'symbol') throw new ReturnError(`Column "${column}", row ${row} holds ${describeValue(cell)}; a table's cells are numbers, text, true/false, dates or null.`);
  try {
    return JSON.stringify(toPlainJson(cell)) ?? null;
  } catch {
    throw new ReturnError(`Column "${column}", row ${row} holds a value with a circular reference; a table's cells are numbers, text, true/false, dates or null.`);
  }
}

function readFigure(plot: unknown): CodeFigure {
  const usage = 'Return { plot: { data: [ { type: "scatter", x: [...], y: [...] } ], layout: { title: "…" } } }.';
  if (!isRecord(plot) || !Array.isArray(plot.data)) throw new ReturnError(`Your code returned { plot: … } whose plot is ${isRecord(plot) ? 'missing "data", an array of traces' : describeValue(plot)}. ${usage}`);
  if (!plot.data.every(isRecord)) throw new ReturnError(`The plot's data must be an array of trace objects like { type: "bar", x: [...], y: [...] }. ${usage}`);
  if (plot.layout !== undefined && !isRecord(plot.layout)) throw new ReturnError(`The plot's layout is ${describeValue(plot.layout)}; it must be an object (or left out). ${usage}`);
  let figure: CodeFigure;
  try {
    figure = toPlainJson({ data: plot.data, layout: plot.layout ?? {} }) as CodeFigure;
  } catch {
    throw new ReturnError('The returned plot has a circular reference; plot data must be plain arrays and objects.');
  }
  if (JSON.stringify(figure).length > MAX_PLOT_CHARS) throw new ReturnError(`The returned plot is larger than ${MAX_PLOT_CHARS / 1e6} million characters of JSON; plot fewer points (a sample or a histogram).`);
  return figure;
}

function readValue(value: unknown): CodeValue {
  let json: string | undefined;
  try {
    json = JSON.stringify(toPlainJson(value), null, 2);
  } catch {
    throw new ReturnError(`Your code returned a value with a circular reference, which cannot be shown. ${WHAT_TO_RETURN}`);
  }
  if (json === undefined) throw new ReturnError(`Your code returned ${describeValue(value)}. ${WHAT_TO_RETURN}`);
  return json.length > MAX_VALUE_CHARS ? { json: json.slice(0, MAX_VALUE_CHARS), truncated: true } : { json, truncated: false };
}

/** A value in a few words, for messages ("a number", "the text \"abc\"", "a function"). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'function') return 'a function';
  if (value instanceof Date) return 'a date';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type === 'bigint' ? 'big integer' : type}`;
}
