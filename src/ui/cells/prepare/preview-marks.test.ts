import { describe, expect, it } from 'vitest';
import type { Table } from '../../../core/table/types';
import { countChanges, indexMarks } from './preview-marks';

describe('preview marks', () => {
  it('finds a mark by row and column index, titled with its step, and counts changes in legend order', () => {
    const table: Table = { rowCount: 2, columns: [{ kind: 'numeric', name: 'a', values: Float64Array.from([1, 2]) }, { kind: 'numeric', name: 'b', values: Float64Array.from([1, 2]) }] };
    const marks = [{ row: 1, column: 'b', change: 'nulled', stepId: 'log' }, { row: 0, column: 'b', change: 'imputed', stepId: 'fill' }, { row: 1, column: 'gone', change: 'capped', stepId: 'cap' }] as const;
    const mark = indexMarks(marks, table);
    expect([mark(0, 1), mark(1, 1), mark(0, 0), countChanges(marks)]).toEqual([
      { kind: 'imputed', title: 'filled in (was missing) by step fill' },
      { kind: 'nulled', title: 'made missing (did not convert, or outside the step’s range) by step log' },
      null,
      [{ change: 'imputed', count: 1 }, { change: 'capped', count: 1 }, { change: 'nulled', count: 1 }],
    ]);
  });
});
