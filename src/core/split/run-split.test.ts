import { describe, expect, it } from 'vitest';
import type { Table } from '../table/types';
import { collectSplitBuffers, runSplit } from './run-split';

const table: Table = {
  rowCount: 8,
  columns: [
    { kind: 'categorical', name: 'y', codes: Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1]), levels: ['a', 'b'] },
    { kind: 'datetime', name: 't', values: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]) },
  ],
};

describe('runSplit', () => {
  it('cuts temporally, folds the training part in time order and summarizes, with the class-absent error', () => {
    const result = runSplit(table, {
      holdout: { kind: 'temporal', seed: 1, timeColumn: 't', fractions: { train: 0.5, validation: 0.25, test: 0.25 } },
      folds: { kind: 'timeseries', k: 3, seed: 1, timeColumn: 't' },
      summarize: { target: 'y', timeColumn: 't' },
    });
    expect(result).toEqual({
      train: Uint32Array.from([0, 1, 2, 3]),
      validation: Uint32Array.from([4, 5]),
      test: Uint32Array.from([6, 7]),
      warnings: [],
      folds: [
        { train: Uint32Array.from([0]), validation: Uint32Array.from([1]) },
        { train: Uint32Array.from([0, 1]), validation: Uint32Array.from([2]) },
        { train: Uint32Array.from([0, 1, 2]), validation: Uint32Array.from([3]) },
      ],
      summary: {
        parts: [
          { part: 'train', size: 4, classCounts: { a: 4 }, dateRange: { minMs: 1, maxMs: 4 } },
          { part: 'validation', size: 2, classCounts: { b: 2 }, dateRange: { minMs: 5, maxMs: 6 } },
          { part: 'test', size: 2, classCounts: { b: 2 }, dateRange: { minMs: 7, maxMs: 8 } },
        ],
        issues: [
          {
            level: 'error',
            code: 'class-missing-from-train',
            message: "Class 'b' appears in validation/test but not in training: a model cannot learn it. Use a stratified split or merge the class.",
          },
        ],
      },
    });
    expect(new Set(collectSplitBuffers(result)).size).toBe(9);
  });

  it('gives no folds without a fold spec', () => {
    const result = runSplit(table, { holdout: { kind: 'stratified', seed: 7, target: 'y', fractions: { train: 0.5, validation: 0, test: 0.5 } }, folds: null, summarize: { target: 'y' } });
    expect({ folds: result.folds, sizes: result.summary.parts.map((p) => [p.size, p.classCounts]) }).toEqual({
      folds: [],
      sizes: [[4, { a: 2, b: 2 }], [0, {}], [4, { a: 2, b: 2 }]],
    });
  });
});
