// Turns raw cell texts, column by column, into a typed Table plus the inference and warnings behind it.

import { createAbortError } from '../errors';
import type { Column, Table } from '../table/types';
import { inferColumn } from './infer-column';
import type { ColumnInference, ImportWarning } from './types';

/** A column as read from a file: unique name, header text as written, raw cells (null = absent). */
export interface RawColumn {
  name: string;
  originalName: string;
  values: readonly (string | null)[];
}

/**
 * Types every column (`tokens`: trimmed missing-value tokens); `rowLines` maps rows to 1-based file lines for warnings
 * (null: say "row"). `raw` is read once, in order, so its columns may be made one at a time.
 */
export function inferTable(
  raw: Iterable<RawColumn>,
  rowCount: number,
  tokens: ReadonlySet<string>,
  rowLines: ArrayLike<number> | null,
  signal?: AbortSignal,
): { table: Table; inference: ColumnInference[]; warnings: ImportWarning[] } {
  const columns: Column[] = [];
  const inference: ColumnInference[] = [];
  const warnings: ImportWarning[] = [];
  for (const { name, originalName, values } of raw) {
    if (signal?.aborted) throw createAbortError();
    const inferred = inferColumn(name, originalName, values, tokens, rowLines);
    columns.push(inferred.column);
    inference.push(inferred.inference);
    if (inferred.warning) warnings.push(inferred.warning);
  }
  return { table: { rowCount, columns }, inference, warnings };
}
