// Reading a categorical, text or boolean column as one label per row — what every encoder consumes.

import { readTexts } from '../table/text-column';
import type { Table } from '../table/types';
import type { PipelineStep } from './step-types';
import { createStepError, requireColumn } from './step-context';

/** One label per row (null = missing); booleans read as 'false'/'true'. Numeric/datetime → PipelineError. */
export function readCategoryLabels(step: PipelineStep, table: Table, name: string): (string | null)[] {
  const column = requireColumn(step, table, name);
  switch (column.kind) {
    case 'categorical':
      return Array.from(column.codes, (c) => (c < 0 ? null : column.levels[c]));
    case 'text':
      return readTexts(column);
    case 'boolean':
      return Array.from(column.values, (v) => (v === 0 ? 'false' : v === 1 ? 'true' : null));
    default:
      throw createStepError(step, `column '${name}' is ${column.kind}; encoders need a categorical, text or boolean column (bin a numeric column first).`);
  }
}

/** Distinct present labels, sorted by code unit (as sklearn sorts string categories), with their counts. */
export function countLabels(labels: readonly (string | null)[]): { categories: string[]; counts: number[] } {
  const counts = new Map<string, number>();
  for (const label of labels) if (label !== null) counts.set(label, (counts.get(label) ?? 0) + 1);
  const categories = [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { categories, counts: categories.map((c) => counts.get(c) as number) };
}
