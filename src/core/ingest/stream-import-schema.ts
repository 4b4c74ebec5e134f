// What a streamed import takes from the file's head and gives back about all of it: the schema later rows are
// typed with, the sample's size within the memory budget, and the inference and warnings over every row.

import { estimateDistinct } from '../stats/sketches/hyper-log-log';
import type { ColumnSketch } from '../stats/sketches/column-sketch';
import type { Table } from '../table/types';
import { formatCount } from './describe-evidence';
import type { DateFormat } from './parse-datetime';
import type { Misfits, StreamColumnSchema } from './stream-import-chunks';
import type { ColumnInference, ImportResult, ImportWarning } from './types';

/** Share of the memory budget the sample may take. */
const SAMPLE_BUDGET_SHARE = 0.25;
/** The least sample, whatever the budget. */
const MIN_SAMPLE_ROWS = 1_000;

/** Each column's kind, levels (a copy, grown by the import), date format and id flag, from the head's import. */
export function describeHeadSchema(head: ImportResult): StreamColumnSchema[] {
  return head.table.columns.map((column, c) => {
    const schema: StreamColumnSchema = { name: column.name, kind: column.kind };
    if (column.kind === 'categorical') schema.levels = [...column.levels];
    if (column.kind === 'datetime') schema.dateFormat = head.inference[c].detail as DateFormat;
    if (column.kind === 'text') schema.idLike = column.idLike ?? false;
    return schema;
  });
}

/**
 * Rows the sample holds: `requested`, lowered so the sample takes at most a quarter of `budgetBytes` (bytes per row
 * estimated from the head: 8 per number or date, 4 per code, 1 per flag, text as 2 bytes per character + 40), never
 * below 1,000.
 */
export function chooseSampleRows(head: Table, requested: number, budgetBytes: number): number {
  const rows = Math.max(1, head.rowCount);
  let bytesPerRow = 8; // the row's index in the file
  for (const column of head.columns) {
    if (column.kind === 'text') bytesPerRow += 40 + (2 * column.bytes.length) / rows;
    else bytesPerRow += column.kind === 'categorical' ? 4 : column.kind === 'boolean' ? 1 : 8;
  }
  const fits = Math.floor((SAMPLE_BUDGET_SHARE * budgetBytes) / bytesPerRow);
  return Math.max(Math.min(MIN_SAMPLE_ROWS, requested), Math.min(requested, fits));
}

const NOUNS: Record<string, string> = { numeric: 'numbers', datetime: 'dates', boolean: 'true/false values', categorical: 'new categories (more than 65,536 levels)' };

/**
 * The head's warnings (its ragged-row count replaced by the whole file's), then one per column whose later values
 * did not fit the type the head gave it: they were read as missing.
 */
export function describeStreamWarnings(head: ImportResult, schema: readonly StreamColumnSchema[], misfits: readonly (Misfits | null)[], raggedRows: number): ImportWarning[] {
  const warnings = head.warnings.filter((w) => w.code !== 'ragged-rows');
  if (raggedRows > 0) {
    warnings.push({ code: 'ragged-rows', message: `${formatCount(raggedRows)} rows have fewer or more fields than the header: missing fields were read as missing, extra ones dropped.` });
  }
  schema.forEach((column, c) => {
    const found = misfits[c];
    if (!found) return;
    warnings.push({
      code: 'mixed-types',
      message: `Column "${column.name}" was typed ${column.kind} from the file's first ${formatCount(head.table.rowCount)} rows, but ${formatCount(found.count)} later values are not ${NOUNS[column.kind] ?? column.kind} (the first, "${found.firstText}", on data row ${formatCount(found.firstRow)}); they were read as missing. Add such values to the missing-value tokens, or import the file without streaming to type the column from every row.`,
    });
  });
  return warnings;
}

/** The head's inference with missing counts over every row (exact) and distinct counts from the sketches (HyperLogLog: approximate). */
export function describeStreamInference(head: ImportResult, sketches: readonly ColumnSketch[]): ColumnInference[] {
  return head.inference.map((inference, c) => {
    const sketch = sketches[c];
    const missing = 'moments' in sketch ? sketch.moments.missing : sketch.missing;
    const distinct = countSketchDistinct(sketch);
    return { ...inference, missing, distinct };
  });
}

/** A column's distinct present values: exact for categorical and boolean columns, HyperLogLog's estimate (rounded) otherwise. */
export function countSketchDistinct(sketch: ColumnSketch): number {
  if (sketch.kind === 'categorical') return sketch.levelCounts.filter((n) => n > 0).length;
  if (sketch.kind === 'boolean') return (sketch.trueCount > 0 ? 1 : 0) + (sketch.falseCount > 0 ? 1 : 0);
  return Math.round(estimateDistinct(sketch.distinct));
}
