// A prediction log imported as a table (core/ingest/import-prediction-log.ts) read back for monitoring: which rows
// each version answered in which role, the logged inputs alone, and a set of rows' outputs and labels in the
// monitored version's class order.

import { DataError } from '../errors';
import type { InputContract } from '../export/input-contract';
import { isLogColumnName, LOG_COLUMNS, LOG_PROBABILITY_PREFIX } from '../ingest/import-prediction-log';
import type { Target } from '../models/types';
import { readColumnTexts } from '../table/column-texts';
import { selectRows } from '../table/select-rows';
import type { Column, RowIndices, Table } from '../table/types';
import type { ModelOutputs } from './measure-model-outputs';
import type { LogRole } from './read-prediction-log';
import { readBatchLabels } from './read-batch-labels';

/** The rows one version answered in one role, in table order. */
export interface LoggedRows {
  readonly version: string;
  readonly role: LogRole;
  readonly rows: RowIndices;
}

export interface LogTable {
  readonly table: Table;
  /** Every (version, role) of the log in order of first appearance. */
  readonly batches: readonly LoggedRows[];
  /** The input schema's hash the service logged (null when the column is absent or empty). */
  readonly schemaHash: string | null;
  /** Per row: its request id and the row's position within that request (the key pairing a shadow's row with main's). */
  readonly pairKeys: readonly string[];
}

/** True when `table` carries a prediction log's reserved columns (a log's rows, not a plain batch). */
export function isPredictionLogTable(table: Table): boolean {
  const names = new Set(table.columns.map((c) => c.name));
  return names.has(LOG_COLUMNS.version) && names.has(LOG_COLUMNS.role) && names.has(LOG_COLUMNS.prediction);
}

export function readLogTable(table: Table): LogTable {
  const texts = (name: string) => {
    const column = table.columns.find((c) => c.name === name);
    return column ? readColumnTexts(column, table.rowCount) : new Array<string | null>(table.rowCount).fill(null);
  };
  const versions = texts(LOG_COLUMNS.version);
  const roles = texts(LOG_COLUMNS.role);
  const groups = new Map<string, { version: string; role: LogRole; rows: number[] }>();
  versions.forEach((version, i) => {
    const role = roles[i];
    if (version === null || (role !== 'main' && role !== 'canary' && role !== 'shadow')) return;
    const key = `${version}\u0000${role}`;
    const group = groups.get(key) ?? { version, role, rows: [] };
    groups.set(key, group);
    group.rows.push(i);
  });
  const seen = new Map<string, number>();
  const pairKeys = texts(LOG_COLUMNS.requestId).map((id, i) => {
    const key = `${versions[i]}\u0000${roles[i]}\u0000${id}`;
    const position = seen.get(key) ?? 0;
    seen.set(key, position + 1);
    return `${id}\u0000${position}`;
  });
  return {
    table,
    batches: [...groups.values()].map((g) => ({ version: g.version, role: g.role, rows: Uint32Array.from(g.rows) })),
    schemaHash: texts(LOG_COLUMNS.schemaHash).find((hash) => hash !== null) ?? null,
    pairKeys,
  };
}

/** `rows` of the logged input columns alone (the reserved columns left out). */
export function selectLoggedInputs(log: LogTable, rows: RowIndices): Table {
  const inputs: Table = { rowCount: log.table.rowCount, columns: log.table.columns.filter((c) => !isLogColumnName(c.name)) };
  return selectRows(inputs, rows);
}

/** The outputs the service logged for `rows`, in `classes` order (a class label it predicted outside them: NaN). */
export function readLoggedOutputs(log: LogTable, rows: RowIndices, classes: readonly string[] | null): ModelOutputs {
  const column = findColumn(log.table, LOG_COLUMNS.prediction);
  if (classes === null || classes.length === 0) {
    const values = column?.kind === 'numeric' ? column.values : Float64Array.from(readColumnTexts(column!, log.table.rowCount), (t) => (t === null ? NaN : Number(t)));
    return { prediction: Float64Array.from(rows, (r) => values[r]), probabilities: null, classes: null };
  }
  const index = new Map(classes.map((label, i) => [label, i]));
  const texts = readColumnTexts(column!, log.table.rowCount);
  const prediction = Float64Array.from(rows, (r) => index.get(texts[r] ?? '\u0000') ?? NaN);
  const columns = classes.map((label) => findColumn(log.table, `${LOG_PROBABILITY_PREFIX}${label}`));
  const k = classes.length;
  const probabilities = columns.every((c) => c?.kind === 'numeric')
    ? Float64Array.from({ length: rows.length * k }, (_, j) => (columns[j % k] as { values: Float64Array }).values[rows[Math.floor(j / k)]])
    : null;
  return { prediction, probabilities, classes: [...classes] };
}

/** The feedback labels of `rows` read as the contract's target (NaN where none came); null for a clustering contract. */
export function readLoggedLabels(log: LogTable, rows: RowIndices, contract: InputContract): Target | null {
  if (contract.target === null) return null;
  const column = findColumn(log.table, LOG_COLUMNS.label);
  if (!column) return null;
  const renamed = { ...column, name: contract.target.name } as Column;
  try {
    return readBatchLabels(contract, selectRows({ rowCount: log.table.rowCount, columns: [renamed] }, rows));
  } catch (error) {
    if (error instanceof DataError) throw new DataError(`The log's feedback labels (${LOG_COLUMNS.label}): ${error.message}`);
    throw error;
  }
}

function findColumn(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}
