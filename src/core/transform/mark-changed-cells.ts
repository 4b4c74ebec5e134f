// What the pipeline did to each cell of a few previewed rows: filled a missing value, clipped it to a training
// bound, or made it missing (a failed cast, log1p of a value ≤ −1). The marks follow a column through later
// steps that keep its name (an imputed value stays marked after scaling) and vanish with it.

import { isMissing } from '../table/format-cell';
import type { Column, Table } from '../table/types';
import type { FittedPipeline, FittedStep } from './fitted-types';
import { transformTable, type TransformResult } from './pipeline';
import type { StepOutput } from './step-context';

/** 'imputed': was missing, now has a value; 'capped': clipped to a bound; 'nulled': had a value, now missing. */
export type CellChange = 'imputed' | 'capped' | 'nulled';

/** One changed cell of the transformed table (0-based row, column name) and the step that made the last change. */
export interface CellMark {
  readonly row: number;
  readonly column: string;
  readonly change: CellChange;
  readonly stepId: string;
}

type ColumnMarks = Map<number, { change: CellChange; stepId: string }>;

/** transformTable(fitted, table), with the cells of its output that steps changed; meant for a preview's few rows. */
export function transformAndMark(fitted: FittedPipeline, table: Table): { result: TransformResult; marks: CellMark[] } {
  let marks = new Map<string, ColumnMarks>();
  const result = transformTable(fitted, table, (step, input, output) => {
    marks = markStep(step, input, output, marks);
  });
  const list: CellMark[] = [];
  for (const column of result.table.columns) {
    for (const [row, mark] of marks.get(column.name) ?? []) list.push({ row, column: column.name, ...mark });
  }
  return { result, marks: list.sort((a, b) => a.row - b.row || result.table.columns.findIndex((c) => c.name === a.column) - result.table.columns.findIndex((c) => c.name === b.column)) };
}

function markStep(step: FittedStep, input: Table, output: StepOutput, previous: Map<string, ColumnMarks>): Map<string, ColumnMarks> {
  const next = new Map<string, ColumnMarks>();
  const sourceRow = (i: number) => (output.keptRows ? output.keptRows[i] : i);
  for (const column of output.table.columns) {
    const before = input.columns.find((c) => c.name === column.name);
    if (!before) continue;
    const old = previous.get(column.name);
    const marks: ColumnMarks = new Map();
    for (let i = 0; i < output.table.rowCount; i++) {
      const r = sourceRow(i);
      const change = before === column ? null : detectChange(step, before, column, r, i);
      const kept = old?.get(r);
      if (change) marks.set(i, { change, stepId: step.spec.id });
      else if (kept) marks.set(i, kept);
    }
    if (marks.size > 0) next.set(column.name, marks);
  }
  return next;
}

function detectChange(step: FittedStep, before: Column, after: Column, r: number, i: number): CellChange | null {
  const wasMissing = isMissing(before, r);
  const nowMissing = isMissing(after, i);
  if (wasMissing && !nowMissing) return 'imputed';
  if (!wasMissing && nowMissing) return 'nulled';
  if (step.spec.kind === 'cap_outliers' && before.kind === 'numeric' && after.kind === 'numeric' && before.values[r] !== after.values[i]) return 'capped';
  return null;
}
