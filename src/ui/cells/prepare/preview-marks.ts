// The preview's cell marks as the grid asks for them (row, column index → mark), and the legend's words.

import type { CellChange, CellMark } from '../../../core/transform/mark-changed-cells';
import type { Table } from '../../../core/table/types';

/** Legend text per change, in legend order. */
export const CHANGE_LABELS: Readonly<Record<CellChange, string>> = {
  imputed: 'filled in (was missing)',
  capped: 'capped at a training bound',
  nulled: 'made missing (did not convert, or outside the step’s range)',
};

/** A lookup for DataGrid's `markCell` over `table` (the preview's "after" table); titles name the step. */
export function indexMarks(marks: readonly CellMark[], table: Table): (row: number, column: number) => { kind: CellChange; title: string } | null {
  const byCell = new Map<string, { kind: CellChange; title: string }>();
  const columnIndex = new Map(table.columns.map((c, i) => [c.name, i]));
  for (const mark of marks) {
    const j = columnIndex.get(mark.column);
    if (j !== undefined) byCell.set(`${mark.row}:${j}`, { kind: mark.change, title: `${CHANGE_LABELS[mark.change]} by step ${mark.stepId}` });
  }
  return (row, column) => byCell.get(`${row}:${column}`) ?? null;
}

/** How many cells each change marks, in legend order; changes with no cell are left out. */
export function countChanges(marks: readonly CellMark[]): { change: CellChange; count: number }[] {
  return (Object.keys(CHANGE_LABELS) as CellChange[]).map((change) => ({ change, count: marks.filter((m) => m.change === change).length })).filter((c) => c.count > 0);
}
