import { describe, expect, it } from 'vitest';
import type { Table } from '../table/types';
import { summarizeSplit } from './summarize-split';
import { textColumn } from '../../test-support/table-builders';

const table: Table = {
  rowCount: 6,
  columns: [
    { kind: 'categorical', name: 'y', codes: Int32Array.from([0, 0, 1, 0, 2, 0]), levels: ['a', 'b', 'c'] },
    { kind: 'numeric', name: 'x', values: Float64Array.from([1, 2, 3, 1, 5, 6]) },
    { kind: 'datetime', name: 'when', values: Float64Array.from([10, 20, 30, 10, 50, NaN]) },
    textColumn('who', ['p', 'q', 'p', 'p', 'r', 's']),
  ],
};

describe('summarizeSplit', () => {
  it('reports sizes, classes, date ranges and every issue', () => {
    const summary = summarizeSplit(
      table,
      { train: Uint32Array.from([0, 1, 2]), validation: Uint32Array.from([4]), test: Uint32Array.from([3, 5]) },
      { target: 'y', timeColumn: 'when', groupColumn: 'who' },
    );
    expect(summary).toEqual({
      parts: [
        { part: 'train', size: 3, classCounts: { a: 2, b: 1 }, dateRange: { minMs: 10, maxMs: 30 } },
        { part: 'validation', size: 1, classCounts: { c: 1 }, dateRange: { minMs: 50, maxMs: 50 } },
        { part: 'test', size: 2, classCounts: { a: 2 }, dateRange: { minMs: 10, maxMs: 10 } },
      ],
      issues: [
        { level: 'warning', code: 'class-too-small', message: "Class 'b' has only 1 rows: too few to stratify across 3 parts (want ≥ 3)." },
        { level: 'warning', code: 'class-too-small', message: "Class 'c' has only 1 rows: too few to stratify across 3 parts (want ≥ 3)." },
        {
          level: 'error',
          code: 'class-missing-from-train',
          message: "Class 'c' appears in validation/test but not in training: a model cannot learn it. Use a stratified split or merge the class.",
        },
        {
          level: 'warning',
          code: 'duplicates-straddle',
          message: '1 test rows are exact duplicates of training rows: scores on them will look better than they are. Consider a dedupe step before splitting.',
        },
        { level: 'warning', code: 'groups-straddle', message: "1 'who' groups (e.g. 'p') appear in more than one part: use a grouped split." },
      ],
    });
  });
});
