// Reads a Parquet file (via hyparquet) into raw columns. Values are turned into their text form
// and typed by the same inference as CSV, so every format ends in the same kinds of column.

import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { checkImportBudget, estimateParquetImport } from '../budget/estimate-import-bytes';
import { DEFAULT_MEMORY_BUDGET_BYTES } from '../budget/memory-budget';
import { DataError, StudioError } from '../errors';
import type { RawColumn } from './infer-table';

/**
 * Raw columns from Parquet bytes; throws DataError when hyparquet cannot read them, or when the rows × columns its
 * footer declares would take more than `budgetBytes` to import (checked before any row is read).
 */
export async function readParquet(bytes: ArrayBuffer, fileName: string, budgetBytes = DEFAULT_MEMORY_BUDGET_BYTES): Promise<{ columns: RawColumn[]; rowCount: number }> {
  let names: string[];
  let rows: unknown[][] = [];
  try {
    const metadata = parquetMetadata(bytes);
    names = parquetSchema(metadata).children.map((child) => child.element.name);
    checkImportBudget(estimateParquetImport(bytes.byteLength, Number(metadata.num_rows), names.length), budgetBytes, fileName);
    // Rows as arrays in `names` order: hyparquet's row objects are plain {} keyed by column name, where a column named
    // "__proto__" would set the prototype instead.
    await parquetRead({ file: bytes, metadata, columns: names, rowFormat: 'array', onComplete: (read) => (rows = read) });
  } catch (error) {
    if (error instanceof StudioError) throw error;
    throw new DataError(`"${fileName}" could not be read as Parquet (${(error as Error).message}). Check that the file is complete, or export it as CSV.`);
  }
  if (rows.length === 0) throw new DataError(`"${fileName}" has columns (${names.slice(0, 5).join(', ')}) but no rows.`);
  const columns = names.map((name, c) => ({ name, originalName: name, values: rows.map((row) => toCellText(row[c])) }));
  return { columns, rowCount: rows.length };
}

function toCellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return value === value ? String(value) : null;
    case 'bigint':
    case 'boolean':
      return String(value);
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
}
