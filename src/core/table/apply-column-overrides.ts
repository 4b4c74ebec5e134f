// Applies the user's per-column choices on top of an inferred table: convert a column to another kind,
// or leave it out. Cells that cannot be converted become missing and are reported, never dropped silently.

import type { ColumnOverride } from '../notebook/types';
import { matchDate, parseDate, type DateMatch } from '../ingest/parse-datetime';
import { parseBoolean } from '../ingest/parse-boolean';
import { readColumnTexts } from './column-texts';
import { createTextColumn } from './text-column';
import { BOOLEAN_MISSING, type Column, type ColumnKind, type Table } from './types';
import { sortLevels } from './sort-levels';

/** A column whose override could not be applied cleanly, in words a user can act on. */
export interface OverrideProblem {
  column: string;
  message: string;
}

const LENIENT_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const KIND_WORDS: Record<ColumnKind, string> = {
  numeric: 'numbers', categorical: 'categories', datetime: 'dates', boolean: 'true/false values', text: 'text',
};

/** Returns a new table with `overrides` (keyed by column name) applied; untouched columns are reused as they are. */
export function applyColumnOverrides(table: Table, overrides: Record<string, ColumnOverride>): { table: Table; problems: OverrideProblem[] } {
  const problems: OverrideProblem[] = [];
  const names = new Set(table.columns.map((c) => c.name));
  for (const name of Object.keys(overrides)) {
    if (!names.has(name)) problems.push({ column: name, message: `There is no column named "${name}"; its setting was ignored.` });
  }
  const columns: Column[] = [];
  for (const column of table.columns) {
    const target = Object.hasOwn(overrides, column.name) ? overrides[column.name] : undefined;
    if (target === 'excluded') continue;
    if (target === undefined || target === column.kind) {
      columns.push(column);
      continue;
    }
    const { converted, failures } = convertColumn(column, target, table.rowCount);
    columns.push(converted);
    if (failures.count > 0) {
      const plural = failures.count === 1 ? 'value' : 'values';
      problems.push({
        column: column.name,
        message: `${column.name}: ${failures.count} ${plural} could not be read as ${KIND_WORDS[target]}, e.g. '${failures.example}'; they are now missing.`,
      });
    }
  }
  return { table: { rowCount: table.rowCount, columns }, problems };
}

/** Converts one column to `target` kind; `failures` counts present values that could not convert (now missing). */
export function convertColumn(column: Column, target: ColumnKind, rowCount: number): { converted: Column; failures: { count: number; example: string } } {
  const name = column.name;
  const failures = { count: 0, example: '' };
  const fail = (text: string) => {
    if (failures.count++ === 0) failures.example = text;
  };
  if (target === 'datetime' && column.kind === 'numeric') return { converted: { kind: 'datetime', name, values: column.values }, failures };
  if (target === 'numeric' && column.kind === 'datetime') return { converted: { kind: 'numeric', name, values: column.values, integer: true }, failures };
  const texts = readColumnTexts(column, rowCount);
  switch (target) {
    case 'text':
      return { converted: createTextColumn(name, texts), failures };
    case 'categorical':
      return { converted: toCategorical(name, texts), failures };
    case 'numeric': {
      const values = new Float64Array(rowCount).fill(NaN);
      texts.forEach((text, i) => {
        if (text === null) return;
        const t = text.trim();
        if (LENIENT_NUMBER.test(t)) values[i] = Number(t);
        else fail(text);
      });
      return { converted: { kind: 'numeric', name, values, integer: values.every((v) => v !== v || Number.isInteger(v)) }, failures };
    }
    case 'boolean': {
      const values = new Uint8Array(rowCount).fill(BOOLEAN_MISSING);
      texts.forEach((text, i) => {
        if (text === null) return;
        const t = text.trim();
        const b = t === '1' ? 1 : t === '0' ? 0 : parseBoolean(t);
        if (b === -1) fail(text);
        else values[i] = b;
      });
      return { converted: { kind: 'boolean', name, values }, failures };
    }
    case 'datetime':
      return { converted: { kind: 'datetime', name, values: parseDates(texts, fail) }, failures };
  }
}

function toCategorical(name: string, texts: readonly (string | null)[]): Column {
  const index = new Map<string, number>();
  const codes = new Int32Array(texts.length);
  texts.forEach((text, i) => {
    if (text === null) return void (codes[i] = -1);
    let code = index.get(text);
    if (code === undefined) index.set(text, (code = index.size));
    codes[i] = code;
  });
  return { kind: 'categorical', name, ...sortLevels(codes, [...index.keys()]) };
}

/** Dates in any spelling inference knows; n/n/yyyy is day-first when some first part exceeds 12. */
function parseDates(texts: readonly (string | null)[], fail: (text: string) => void): Float64Array {
  const values = new Float64Array(texts.length).fill(NaN);
  const hit: DateMatch = { spelling: null, ms: NaN };
  const dayFirst = texts.some((t) => t !== null && /^\s*(1[3-9]|2\d|3[01])\/\d{1,2}\/\d{4}\s*$/.test(t));
  texts.forEach((text, i) => {
    if (text === null) return;
    const t = text.trim();
    if (!matchDate(t, hit)) return fail(text);
    const ms = hit.spelling === 'slash' ? parseDate(t, dayFirst ? 'dd/mm/yyyy' : 'mm/dd/yyyy') : hit.ms;
    if (ms === ms) values[i] = ms;
    else fail(text);
  });
  return values;
}
