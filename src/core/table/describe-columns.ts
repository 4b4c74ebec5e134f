// Summarizes every column for the schema view: kind, missing, distinct values and a few examples.
// Linear in the row count (no sorting). Missing and distinct counts are reused where already known: from
// `known` summaries (e.g. the import's inference) or from an earlier call on the same column object.

import { readCellText } from './column-texts';
import { countDistinctNumbers } from './count-distinct';
import { countDistinctTexts } from '../ingest/count-distinct-texts';
import { readTexts } from './text-column';
import type { Column, ColumnSummary, Table } from './types';

/** Missing and distinct counts per column object: columns are immutable, so they stay true. */
const counted = new WeakMap<Column, { missing: number; distinct: number }>();

/**
 * One summary per column, in table order; examples are the first 5 distinct present values, as text.
 * `known`: summaries whose missing and distinct counts still hold (the caller vouches the column's data is
 * unchanged since); one is used for the column of the same name and kind, the rest are counted.
 */
export function describeColumns(table: Table, known: readonly Pick<ColumnSummary, 'name' | 'kind' | 'missing' | 'distinct'>[] = []): ColumnSummary[] {
  const byName = new Map(known.map((summary) => [summary.name, summary]));
  return table.columns.map((column) => {
    const reusable = byName.get(column.name);
    const counts =
      reusable !== undefined && reusable.kind === column.kind ? { missing: reusable.missing, distinct: reusable.distinct } : countOnce(column, table.rowCount);
    return {
      name: column.name,
      kind: column.kind,
      missing: counts.missing,
      missingPct: table.rowCount === 0 ? 0 : (100 * counts.missing) / table.rowCount,
      distinct: counts.distinct,
      examples: pickExamples(column, table.rowCount),
    };
  });
}

function countOnce(column: Column, rowCount: number): { missing: number; distinct: number } {
  let counts = counted.get(column);
  if (counts === undefined) {
    counts = countMissingAndDistinct(column, rowCount);
    counted.set(column, counts);
  }
  return counts;
}

function countMissingAndDistinct(column: Column, rowCount: number): { missing: number; distinct: number } {
  let missing = 0;
  switch (column.kind) {
    case 'numeric':
    case 'datetime':
      for (let i = 0; i < rowCount; i++) if (column.values[i] !== column.values[i]) missing++;
      return { missing, distinct: countDistinctNumbers(column.values) };
    case 'boolean': {
      const seen = [0, 0];
      for (let i = 0; i < rowCount; i++) {
        const v = column.values[i];
        if (v > 1) missing++;
        else seen[v] = 1;
      }
      return { missing, distinct: seen[0] + seen[1] };
    }
    case 'categorical': {
      const used = new Uint8Array(column.levels.length);
      for (let i = 0; i < rowCount; i++) {
        const code = column.codes[i];
        if (code < 0) missing++;
        else used[code] = 1;
      }
      return { missing, distinct: used.reduce((a, b) => a + b, 0) };
    }
    case 'text': {
      for (let i = 0; i < rowCount; i++) missing += column.missing[i];
      // The importer's hashed count: a Set of a million ids cost Chromium's worker seconds.
      return { missing, distinct: countDistinctTexts(readTexts(column)) };
    }
  }
}

function pickExamples(column: Column, rowCount: number): string[] {
  const examples: string[] = [];
  for (let i = 0; i < rowCount && examples.length < 5; i++) {
    const text = readCellText(column, i);
    if (text !== null && !examples.includes(text)) examples.push(text);
  }
  return examples;
}
