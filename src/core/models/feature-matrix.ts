// Turns a Table into the numeric FeatureMatrix (row-major, NaN missing) and Target every model family trains on;
// columns a model cannot use directly (dates, free text) are skipped with a reason the UI shows.

import { ModelSpecError } from '../errors';
import { BOOLEAN_MISSING, type Column, type Table } from '../table/types';
import type { FeatureMatrix, Target } from './types';

export interface SkippedColumn {
  column: string;
  reason: string;
}

export interface FeatureMatrixResult {
  X: FeatureMatrix;
  /** Present when `target` was given: class indices in level order (classification) or numbers (regression). */
  y?: Target;
  skipped: SkippedColumn[];
}

/** The reason a column cannot be a feature as it is, or null when it can. */
function describeUnusable(column: Column): string | null {
  if (column.kind === 'datetime') return 'use a date-parts step';
  if (column.kind === 'text') return 'free text is not a feature; encode it first';
  return null;
}

/** Writes column `c`'s values into feature slot `j` of the row-major `values`. */
function writeFeature(column: Column, values: Float64Array, j: number, cols: number): void {
  if (column.kind === 'numeric') {
    column.values.forEach((v, r) => (values[r * cols + j] = v));
  } else if (column.kind === 'boolean') {
    column.values.forEach((v, r) => (values[r * cols + j] = v === BOOLEAN_MISSING ? NaN : v));
  } else if (column.kind === 'categorical') {
    column.codes.forEach((v, r) => (values[r * cols + j] = v < 0 ? NaN : v));
  }
}

/** Builds the Target from a categorical/boolean column (classification) or a numeric one (regression). */
function buildTarget(column: Column, rowCount: number): Target {
  if (column.kind === 'numeric') {
    const missing = column.values.findIndex((v) => Number.isNaN(v));
    if (missing >= 0) throw missingTargetError(column.name, missing);
    return { values: Float64Array.from(column.values) };
  }
  if (column.kind === 'categorical' || column.kind === 'boolean') {
    const isBoolean = column.kind === 'boolean';
    const raw = isBoolean ? column.values : column.codes;
    const values = new Float64Array(rowCount);
    for (let r = 0; r < rowCount; r++) {
      const code = raw[r];
      if (code < 0 || (isBoolean && code === BOOLEAN_MISSING)) throw missingTargetError(column.name, r);
      values[r] = code;
    }
    return { values, classes: isBoolean ? ['false', 'true'] : [...column.levels] };
  }
  throw new ModelSpecError(`Target column "${column.name}" is ${column.kind}; pick a numeric, categorical or boolean target.`);
}

function missingTargetError(name: string, row: number): ModelSpecError {
  return new ModelSpecError(`Target column "${name}" is missing at row ${row + 1}; filter out or impute rows with a missing target before training.`);
}

/**
 * Builds the feature matrix from `featureNames` (or every column but the target) and, when `target` is given,
 * the Target. Numeric → values, boolean → 0/1, categorical → codes flagged categorical; missing → NaN.
 */
export function buildFeatureMatrix(table: Table, featureNames: string[] | 'all-but-target', target?: string): FeatureMatrixResult {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const names = featureNames === 'all-but-target' ? table.columns.map((c) => c.name).filter((n) => n !== target) : featureNames;
  const skipped: SkippedColumn[] = [];
  const used: Column[] = [];
  for (const name of names) {
    const column = byName.get(name);
    if (column === undefined) throw new ModelSpecError(`Feature column "${name}" is not in the table; pick one of: ${[...byName.keys()].join(', ')}.`);
    const reason = describeUnusable(column);
    if (reason === null) used.push(column);
    else skipped.push({ column: name, reason });
  }
  if (used.length === 0) {
    const detail = skipped.length === 0 ? 'none were selected' : skipped.map((s) => `${s.column} (${s.reason})`).join(', ');
    throw new ModelSpecError(`no usable feature columns: ${detail}. Select at least one numeric, boolean or categorical column.`);
  }
  const rows = table.rowCount;
  const cols = used.length;
  const values = new Float64Array(rows * cols);
  used.forEach((column, j) => writeFeature(column, values, j, cols));
  const X: FeatureMatrix = { values, rows, cols, featureNames: used.map((c) => c.name), categorical: used.map((c) => c.kind === 'categorical') };
  if (target === undefined) return { X, skipped };
  const targetColumn = byName.get(target);
  if (targetColumn === undefined) throw new ModelSpecError(`Target column "${target}" is not in the table; pick one of: ${[...byName.keys()].join(', ')}.`);
  return { X, y: buildTarget(targetColumn, rows), skipped };
}
