// Profiles a whole table in one call, over every row (no sampling): per-column statistics, duplicates,
// missing-value patterns, correlations, the target and alerts, as one JSON-serialisable TableProfile.
// Progress goes column by column, then one step each for duplicates, missing patterns, correlations, target.

import { DataError } from '../errors';
import type { ImportWarning } from '../ingest/types';
import { BOOLEAN_MISSING, type BooleanColumn, type Column, type Table } from '../table/types';
import { buildCorrelations, type CategoryInput, type NumericInput } from './build-correlations';
import { throwIfAborted } from './check-abort';
import { detectAlerts } from './detect-alerts';
import { estimateMemory } from './estimate-memory';
import { findDuplicateRows, findDuplicatesFromProfiles } from './find-duplicate-rows';
import { profileCategory } from './profile-category';
import { profileDatetime } from './profile-datetime';
import { profileMissing } from './profile-missing';
import { profileNumeric } from './profile-numeric';
import { profileTarget } from './profile-target';
import { MAX_RANKED_CELLS, rankColumn, type RankedColumn } from '../stats/rank-column';
import { scanWithOrder, sortFinite } from '../stats/sort-finite';
import { PROFILE_FORMAT_VERSION, type ColumnProfile, type NumericProfile, type TableProfile } from './types';

export interface ProfileOptions {
  /** Column name of the target, if one is chosen. */
  target?: string;
  /** Most frequent values kept per column (default 10). */
  topK?: number;
  /** Most numeric columns in the correlation matrices (default 50). */
  maxCorrelationColumns?: number;
  /** From the import, to raise mixed-type alerts. */
  importWarnings?: readonly ImportWarning[];
  signal?: AbortSignal;
  /** Called after each column and each table-level step; `done` of `total` steps. */
  onProgress?(done: number, total: number): void;
}

export const DEFAULT_TOP_K = 10;
export const DEFAULT_MAX_CORRELATION_COLUMNS = 50;
export const MAX_CORRELATION_CATEGORIES = 50;
export const MAX_CORRELATION_LEVELS = 100;
export { MAX_RANKED_CELLS } from '../stats/rank-column';

/** Profiles `table`; throws DataError for an unknown target and an AbortError when `signal` aborts. */
export function profileTable(table: Table, options: ProfileOptions = {}): TableProfile {
  const startedMs = Date.now();
  const { signal, onProgress } = options;
  const topK = options.topK ?? DEFAULT_TOP_K;
  const target = options.target === undefined ? undefined : findTarget(table, options.target);
  const total = table.columns.length + 3 + (target ? 1 : 0);
  let done = 0;
  const step = () => onProgress?.(++done, total);
  const notes: string[] = [];
  const numeric: NumericInput[] = [];
  const categories: CategoryInput[] = [];
  const numericProfiles = new Map<string, NumericProfile>();
  const maxByMemory = Math.max(2, Math.floor(MAX_RANKED_CELLS / Math.max(table.rowCount, 1)));
  const maxNumeric = Math.min(options.maxCorrelationColumns ?? DEFAULT_MAX_CORRELATION_COLUMNS, maxByMemory);
  // When every numeric column will be ranked for Spearman, argsort each once and derive the sorted values from it.
  const argsortNumbers = table.columns.filter((column) => column.kind === 'numeric').length <= maxNumeric;
  const columns: ColumnProfile[] = table.columns.map((column) => {
    throwIfAborted(signal);
    const profile = profileColumn(column, topK, numeric, categories, numericProfiles, argsortNumbers);
    step();
    return profile;
  });
  const duplicates = findDuplicatesFromProfiles(columns, table.rowCount) ?? findDuplicateRows(table);
  step();
  throwIfAborted(signal);
  const missing = profileMissing(table, notes);
  step();
  const columnNotes = new Map<string, string[]>();
  const correlations = buildCorrelations(numeric, categories, { maxNumeric, maxCategories: MAX_CORRELATION_CATEGORIES, maxLevels: MAX_CORRELATION_LEVELS, keep: target?.name, signal }, notes, columnNotes);
  step();
  const targetProfile = target ? profileTarget(table, target, { numeric, categories, numericProfiles, signal }) : null;
  if (target) step();
  return assembleTableProfile(table, { duplicates, columns, columnNotes, missing, correlations, target: targetProfile, notes }, options.importWarnings, startedMs);
}

/** The parts of a profile → the TableProfile: column notes attached, alerts detected, timing stamped; `memoryBytes` when measured before the columns were transferred away. */
export function assembleTableProfile(
  table: Table,
  parts: Pick<TableProfile, 'duplicates' | 'columns' | 'missing' | 'correlations' | 'target' | 'notes'> & { columnNotes: ReadonlyMap<string, string[]>; memoryBytes?: number },
  importWarnings: readonly ImportWarning[] | undefined,
  startedMs: number,
): TableProfile {
  const { duplicates, columns, missing, correlations, target, notes } = parts;
  for (const profile of columns) profile.notes.push(...(parts.columnNotes.get(profile.name) ?? []));
  return {
    formatVersion: PROFILE_FORMAT_VERSION,
    rowCount: table.rowCount,
    columnCount: table.columns.length,
    memoryBytes: parts.memoryBytes ?? estimateMemory(table),
    duplicates,
    columns,
    missing,
    correlations,
    target,
    alerts: detectAlerts({ columns, duplicates, target, importWarnings }),
    notes,
    durationMs: Date.now() - startedMs,
  };
}

/** The column named `name`; throws a DataError listing the columns when there is none. */
export function findTarget(table: Table, name: string): Column {
  const column = table.columns.find((candidate) => candidate.name === name);
  if (!column) {
    const names = table.columns.map((candidate) => `"${candidate.name}"`).join(', ');
    throw new DataError(`The target "${name}" is not a column of this table. Choose one of: ${names}.`);
  }
  return column;
}

/** Profiles one column and registers it as a correlation input (numbers, or categories and booleans). */
export function profileColumn(column: Column, topK: number, numeric: NumericInput[], categories: CategoryInput[], numericProfiles: Map<string, NumericProfile>, argsort: boolean): ColumnProfile {
  switch (column.kind) {
    case 'numeric': {
      const { scan, order } = argsort ? scanWithOrder(column.values) : { scan: sortFinite(column.values), order: undefined };
      const profile = profileNumeric(column, topK, scan);
      numericProfiles.set(column.name, profile);
      let ranked: RankedColumn | undefined;
      numeric.push({
        name: column.name,
        values: column.values,
        finite: scan.sorted.length,
        distinct: profile.distinct,
        rank: () => (ranked ??= rankColumn(column.values, scan.sorted, order)),
      });
      return profile;
    }
    case 'datetime':
      return profileDatetime(column);
    case 'categorical': {
      const profile = profileCategory(column, topK);
      categories.push({ name: column.name, codes: column.codes, levels: column.levels.length, distinct: profile.distinct });
      return profile;
    }
    case 'boolean': {
      const profile = profileCategory(column, topK);
      categories.push({ name: column.name, codes: codeBooleans(column), levels: 2, distinct: profile.distinct });
      return profile;
    }
    case 'text':
      return profileCategory(column, topK);
  }
}

/** A boolean column as category codes: 0 false, 1 true, −1 missing. */
export function codeBooleans(column: BooleanColumn): Int32Array {
  const codes = new Int32Array(column.values.length);
  for (let i = 0; i < codes.length; i++) codes[i] = column.values[i] === BOOLEAN_MISSING ? -1 : column.values[i] === 0 ? 0 : 1;
  return codes;
}
