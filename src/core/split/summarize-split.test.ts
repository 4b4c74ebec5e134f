import { describe, expect, it } from 'vitest';
import type { Table } from '../table/types';
import { summarizeSplit } from './summarize-split';
import { numericColumn, tableOf, textColumn } from '../../test-support/table-builders';

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
        { part: 'train', size: 3, classCounts: { a: 2, b: 1 }, targetSummary: null, dateRange: { minMs: 10, maxMs: 30 } },
        { part: 'validation', size: 1, classCounts: { c: 1 }, targetSummary: null, dateRange: { minMs: 50, maxMs: 50 } },
        { part: 'test', size: 2, classCounts: { a: 2 }, targetSummary: null, dateRange: { minMs: 10, maxMs: 10 } },
      ],
      issues: [
        { level: 'warning', code: 'class-too-small', message: "2 classes ('b' (1 row), 'c' (1 row)) have too few rows to stratify across 3 parts (want ≥ 3)." },
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
      rowsWithoutTarget: 0,
    });
  });

  it('reads a regression target as numbers: pandas describe per part (reference: pandas 1.5.3), no class issues, rows without a target counted', () => {
    const mpg = tableOf(numericColumn('mpg', [18, 15, 36, 24.5, 31, 14, 27, 22, null, null]), numericColumn('x', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    const summary = summarizeSplit(
      mpg,
      { train: Uint32Array.from([0, 1, 2, 3]), validation: Uint32Array.from([4, 5]), test: Uint32Array.from([6, 7]) },
      { target: 'mpg', task: 'regression' },
    );
    expect(summary).toEqual({
      parts: [
        { part: 'train', size: 4, classCounts: null, dateRange: null, targetSummary: { count: 4, mean: 23.375, std: 9.303897032964198, min: 15, p5: 15.45, p25: 17.25, p50: 21.25, p75: 27.375, p95: 34.275, max: 36 } },
        { part: 'validation', size: 2, classCounts: null, dateRange: null, targetSummary: { count: 2, mean: 22.5, std: 12.020815280171307, min: 14, p5: 14.85, p25: 18.25, p50: 22.5, p75: 26.75, p95: 30.15, max: 31 } },
        { part: 'test', size: 2, classCounts: null, dateRange: null, targetSummary: { count: 2, mean: 24.5, std: 3.5355339059327378, min: 22, p5: 22.25, p25: 23.25, p50: 24.5, p75: 25.75, p95: 26.75, max: 27 } },
      ],
      issues: [],
      rowsWithoutTarget: 2,
    });
  });

  it('a numeric 0/1/2 target of a multiclass problem is classes; 300 classes give one issue per kind, naming five', () => {
    const small = summarizeSplit(tableOf(numericColumn('y', [0, 1, 2, 0, 1, 2])), { train: Uint32Array.from([0, 1, 2, 3]), validation: Uint32Array.from([4]), test: Uint32Array.from([5]) }, { target: 'y', task: 'multiclass' });
    expect(small.parts.map((p) => [p.classCounts, p.targetSummary])).toEqual([[{ 0: 2, 1: 1, 2: 1 }, null], [{ 1: 1 }, null], [{ 2: 1 }, null]]);
    const labels = Array.from({ length: 300 }, (_, i) => `k${String(i).padStart(3, '0')}`);
    const many = tableOf(textColumn('y', [...labels, ...labels]), numericColumn('x', Array.from({ length: 600 }, (_, i) => i)));
    const rows = Array.from({ length: 600 }, (_, i) => i);
    const summary = summarizeSplit(many, { train: Uint32Array.from(rows.slice(0, 250)), validation: Uint32Array.from(rows.slice(250, 600)), test: new Uint32Array(0) }, { target: 'y', task: 'multiclass' });
    expect(summary.issues).toEqual([
      { level: 'error', code: 'class-missing-from-train', message: "50 classes ('k250', 'k251', 'k252', 'k253', 'k254' and 45 more) appear in validation/test but not in training: a model cannot learn them. Use a stratified split or merge rare classes." },
    ]);
  });
});
