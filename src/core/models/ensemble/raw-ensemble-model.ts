// An ensemble seen as one model over its raw columns, so that model-agnostic explanations (permutation importance,
// Kernel SHAP, partial dependence) work on it: the raw columns become a numeric matrix, and the model turns a matrix
// back into raw rows and predicts them through predict-ensemble.

import { DataError } from '../../errors';
import { BOOLEAN_MISSING, type Column, type Table } from '../../table/types';
import type { FeatureMatrix, FittedModel, SerializedModel } from '../types';
import { predictEnsembleNow, type LoadedEnsemble } from './predict-ensemble';

/** The raw columns as features, and per feature its category labels by code (categorical, boolean) or null. */
export interface RawFeatures {
  X: FeatureMatrix;
  levels: (string[] | null)[];
}

/**
 * Columns `names` of `table` as a row-major matrix: numbers and dates (epoch ms) as values, booleans 0/1, categories
 * as codes (flagged categorical); NaN missing. Text columns cannot be varied as numbers and are left out.
 */
export function encodeRawColumns(table: Table, names: readonly string[]): RawFeatures {
  const columns = names.map((name) => table.columns.find((c) => c.name === name)).filter((c): c is Exclude<Column, { kind: 'text' }> => c !== undefined && c.kind !== 'text');
  const cols = columns.length;
  const values = new Float64Array(table.rowCount * cols);
  columns.forEach((column, j) => {
    for (let r = 0; r < table.rowCount; r++) values[r * cols + j] = readNumber(column, r);
  });
  return {
    X: { values, rows: table.rowCount, cols, featureNames: columns.map((c) => c.name), categorical: columns.map((c) => c.kind === 'categorical') },
    levels: columns.map((c) => (c.kind === 'categorical' ? [...c.levels] : c.kind === 'boolean' ? ['false', 'true'] : null)),
  };
}

function readNumber(column: Exclude<Column, { kind: 'text' }>, row: number): number {
  if (column.kind === 'categorical') return column.codes[row] < 0 ? NaN : column.codes[row];
  if (column.kind === 'boolean') return column.values[row] === BOOLEAN_MISSING ? NaN : column.values[row];
  return column.values[row];
}

/**
 * The ensemble as a FittedModel over matrices laid out as `encodeRawColumns(rows, …)` made them. Text columns of
 * `rows` ride along only with matrices of the same rows (permutation importance); another row count with a text
 * column in `rows` is a DataError. A row a member's pipeline removes predicts NaN.
 */
export function createRawEnsembleModel(ensemble: LoadedEnsemble, json: SerializedModel, rows: Table, layout: RawFeatures): FittedModel {
  const text = rows.columns.filter((c) => c.kind === 'text');
  const toTable = (X: FeatureMatrix): Table => {
    if (text.length > 0 && X.rows !== rows.rowCount) {
      throw new DataError(`This ensemble reads the text column "${text[0].name}", which cannot be varied as a number; SHAP and partial dependence are left out for it (permutation importance above still applies).`);
    }
    const decoded = layout.X.featureNames.map((name, j) => decodeColumn(rows.columns.find((c) => c.name === name)!, X, j));
    return { rowCount: X.rows, columns: X.rows === rows.rowCount ? [...decoded, ...text] : decoded };
  };
  const classCount = ensemble.classes?.length ?? 0;
  const spread = (X: FeatureMatrix, width: number, pick: (outputs: ReturnType<typeof predictEnsembleNow>) => Float64Array | null) => {
    const outputs = predictEnsembleNow(ensemble, toTable(X));
    const out = new Float64Array(X.rows * width).fill(NaN);
    const values = pick(outputs);
    if (values) outputs.rows.forEach((row, i) => out.set(values.subarray(i * width, (i + 1) * width), row * width));
    return out;
  };
  return {
    kind: json.kind,
    task: ensemble.task,
    info: {},
    predict: (X) => spread(X, 1, (o) => o.predictions),
    ...(classCount > 0 ? { predictProba: (X: FeatureMatrix) => spread(X, classCount, (o) => o.proba) } : {}),
    toJSON: () => json,
  };
}

/** Feature `j` of X back as a column of `template`'s kind (codes into its levels; a fractional code is missing). */
function decodeColumn(template: Column, X: FeatureMatrix, j: number): Column {
  const read = (r: number) => X.values[r * X.cols + j];
  switch (template.kind) {
    case 'categorical':
      return { ...template, codes: Int32Array.from({ length: X.rows }, (_, r) => (Number.isInteger(read(r)) && read(r) >= 0 && read(r) < template.levels.length ? read(r) : -1)) };
    case 'boolean':
      return { ...template, values: Uint8Array.from({ length: X.rows }, (_, r) => (read(r) === 0 || read(r) === 1 ? read(r) : BOOLEAN_MISSING)) };
    case 'numeric':
    case 'datetime':
      return { ...template, values: Float64Array.from({ length: X.rows }, (_, r) => read(r)) };
    case 'text':
      throw new DataError(`The text column "${template.name}" is not a feature of the matrix.`);
  }
}
