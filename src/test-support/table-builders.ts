// Builders for small literal tables in unit tests: write values as plain JS, get typed columns.

import { sortLevels } from '../core/table/sort-levels';
import { createTextColumn, textRowCount } from '../core/table/text-column';
import { BOOLEAN_MISSING, type BooleanColumn, type CategoricalColumn, type Column, type DatetimeColumn, type NumericColumn, type Table, type TextColumn } from '../core/table/types';

/** null becomes NaN (missing). */
export function numericColumn(name: string, values: readonly (number | null)[], integer?: boolean): NumericColumn {
  const column: NumericColumn = { kind: 'numeric', name, values: Float64Array.from(values, (v) => v ?? NaN) };
  return integer === undefined ? column : { ...column, integer };
}

/** Levels in order of first appearance; null becomes code −1. */
export function categoricalColumn(name: string, values: readonly (string | null)[]): CategoricalColumn {
  const levels: string[] = [];
  const codes = Int32Array.from(values, (v) => {
    if (v === null) return -1;
    const at = levels.indexOf(v);
    return at === -1 ? levels.push(v) - 1 : at;
  });
  return { kind: 'categorical', name, codes, levels };
}

/** Levels sorted, as the importer and type overrides build categorical columns; null becomes code −1. */
export function sortedCategoricalColumn(name: string, values: readonly (string | null)[]): CategoricalColumn {
  const { codes, levels } = categoricalColumn(name, values);
  return { kind: 'categorical', name, ...sortLevels(codes, levels) };
}

/** ISO 8601 texts (UTC unless they carry an offset); null becomes NaN. */
export function datetimeColumn(name: string, isoTexts: readonly (string | null)[]): DatetimeColumn {
  return { kind: 'datetime', name, values: Float64Array.from(isoTexts, (v) => (v === null ? NaN : Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v))) };
}

export function booleanColumn(name: string, values: readonly (boolean | null)[]): BooleanColumn {
  return { kind: 'boolean', name, values: Uint8Array.from(values, (v) => (v === null ? BOOLEAN_MISSING : v ? 1 : 0)) };
}

/** Packed UTF-8 (createTextColumn); null is missing; `idLike` is set only when true. */
export function textColumn(name: string, values: readonly (string | null)[], idLike?: boolean): TextColumn {
  return createTextColumn(name, values, idLike === true ? true : undefined);
}

/** A table of `columns`; every column must have the same number of rows. */
export function tableOf(...columns: Column[]): Table {
  const first = columns[0];
  const rowCount =
    first === undefined ? 0 : first.kind === 'categorical' ? first.codes.length : first.kind === 'text' ? textRowCount(first) : first.values.length;
  return { rowCount, columns };
}

/** A Blob of UTF-8 text or raw bytes, as a user's file would arrive. */
export function blobOf(content: string | Uint8Array): Blob {
  return new Blob([content as BlobPart]);
}
