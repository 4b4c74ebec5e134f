// Summarizes every column for the schema view: kind, missing, distinct values and a few examples.
// Linear in the row count (no sorting), so a million rows × 20 columns stays well under a second.

import { readCellText } from './column-texts';
import { countDistinctNumbers } from './count-distinct';
import { readTexts } from './text-column';
import type { Column, ColumnSummary, Table } from './types';

/** One summary per column, in table order; examples are the first 5 distinct present values, as text. */
export function describeColumns(table: Table): ColumnSummary[] {
  return table.columns.map((column) => {
    const { missing, distinct } = countMissingAndDistinct(column, table.rowCount);
    return {
      name: column.name,
      kind: column.kind,
      missing,
      missingPct: table.rowCount === 0 ? 0 : (100 * missing) / table.rowCount,
      distinct,
      examples: pickExamples(column, table.rowCount),
    };
  });
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
      const seen = new Set<string>();
      const texts = readTexts(column);
      for (let i = 0; i < rowCount; i++) {
        const v = texts[i];
        if (v === null) missing++;
        else seen.add(v);
      }
      return { missing, distinct: seen.size };
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
