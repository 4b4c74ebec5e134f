// JSON rows (an HTTP request, predict.mjs's `predict(rows)`) as a Table of the contract's columns, typed cell by
// cell and strictly: a value of the wrong type is a problem naming its row and column, never a guess.

import { matchDate, type DateMatch } from '../ingest/parse-datetime';
import { createTextColumn } from '../table/text-column';
import { BOOLEAN_MISSING, type Column, type Table } from '../table/types';
import type { ContractColumn, InputContract } from './input-contract';

/** A cell that could not be typed; `row` is 0-based. */
export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** What one cell reads as: its value, null for missing, or a problem message. */
type CellRead<T> = { value: T | null } | { problem: string };

/**
 * `rows` as a Table of the contract's columns (other keys are ignored). Keys are read as own properties only, so
 * "__proto__" or "constructor" are plain column names. null is missing; numbers come as numbers or numeric strings;
 * NaN (or "NaN") only where the column had missing values in training. A column absent from every row is left out
 * (the contract check names it); absent from some rows, it is a problem for each of them.
 */
export function rowsToTable(rows: readonly Record<string, unknown>[], contract: InputContract): { table: Table; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const columns: Column[] = [];
  rows.forEach((row, r) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) problems.push({ row: r, column: '', message: `row ${r + 1} is not an object of column values` });
  });
  const records = rows.filter((row) => typeof row === 'object' && row !== null && !Array.isArray(row));
  if (records.length < rows.length) return { table: { rowCount: rows.length, columns }, problems };
  for (const spec of contract.columns) {
    if (!records.some((row) => Object.hasOwn(row, spec.name))) continue;
    const read = createCellReader(spec);
    const values = records.map((row, r) => {
      if (!Object.hasOwn(row, spec.name)) {
        problems.push({ row: r, column: spec.name, message: `row ${r + 1} has no "${spec.name}"; send null for a missing value` });
        return null;
      }
      const cell = read(row[spec.name]);
      if ('problem' in cell) {
        problems.push({ row: r, column: spec.name, message: `row ${r + 1}, column "${spec.name}": ${cell.problem}` });
        return null;
      }
      return cell.value;
    });
    columns.push(buildColumn(spec, values));
  }
  return { table: { rowCount: rows.length, columns }, problems };
}

function createCellReader(spec: ContractColumn): (value: unknown) => CellRead<unknown> {
  switch (spec.kind) {
    case 'numeric':
      return (value) => readNumber(value, spec.missing > 0);
    case 'datetime':
      return readDatetime;
    case 'boolean':
      return readBoolean;
    case 'categorical':
    case 'text':
      return (value) => {
        if (value === null) return { value: null };
        if (typeof value === 'string') return { value };
        if (typeof value === 'number' && Number.isFinite(value)) return { value: String(value) };
        return { problem: `expected a string, got ${describeValue(value)}` };
      };
  }
}

function readNumber(value: unknown, nanAllowed: boolean): CellRead<number> {
  if (value === null) return { value: null };
  const number = typeof value === 'number' ? value : typeof value === 'string' && NUMBER_TEXT.test(value.trim()) ? Number(value.trim()) : typeof value === 'string' && value.trim() === 'NaN' ? NaN : undefined;
  if (number === undefined) return { problem: `expected a number, got ${describeValue(value)}` };
  if (Number.isNaN(number)) return nanAllowed ? { value: null } : { problem: 'NaN is not allowed here (training had no missing values in this column); send null for a missing value' };
  if (!Number.isFinite(number)) return { problem: `expected a finite number, got ${String(number)}` };
  return { value: number };
}

function readDatetime(value: unknown): CellRead<number> {
  if (value === null) return { value: null };
  if (typeof value === 'number' && Number.isFinite(value)) return { value };
  const hit: DateMatch = { spelling: null, ms: NaN };
  if (typeof value === 'string' && matchDate(value.trim(), hit) && hit.spelling !== 'slash') return { value: hit.ms };
  return { problem: `expected an ISO 8601 date (e.g. "2024-05-31T12:00:00Z") or epoch milliseconds, got ${describeValue(value)}` };
}

function readBoolean(value: unknown): CellRead<0 | 1> {
  if (value === null) return { value: null };
  if (value === true || value === 1 || value === 'true' || value === '1') return { value: 1 };
  if (value === false || value === 0 || value === 'false' || value === '0') return { value: 0 };
  return { problem: `expected true or false, got ${describeValue(value)}` };
}

function buildColumn(spec: ContractColumn, values: unknown[]): Column {
  const name = spec.name;
  switch (spec.kind) {
    case 'numeric':
    case 'datetime':
      return { kind: spec.kind, name, values: Float64Array.from(values, (v) => (v === null ? NaN : (v as number))) };
    case 'boolean':
      return { kind: 'boolean', name, values: Uint8Array.from(values, (v) => (v === null ? BOOLEAN_MISSING : (v as number))) };
    case 'text':
      return createTextColumn(name, values as (string | null)[]);
    case 'categorical': {
      // Coded onto the contract's levels from the start; new values follow them in order of appearance.
      const index = new Map(spec.levels.map((level, code) => [level, code]));
      const levels = [...spec.levels];
      const codes = Int32Array.from(values as (string | null)[], (v) => {
        if (v === null) return -1;
        let code = index.get(v);
        if (code === undefined) index.set(v, (code = levels.push(v) - 1));
        return code;
      });
      return { kind: 'categorical', name, codes, levels };
    }
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return String(value);
}
