import { describe, expect, it } from 'vitest';
import type { Table } from '../table/types';
import { numericColumn, tableOf } from '../../test-support/table-builders';
import carsMpg from './fixtures/cars-mpg.json';
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
          { part: 'train', size: 4, classCounts: { a: 4 }, targetSummary: null, dateRange: { minMs: 1, maxMs: 4 } },
          { part: 'validation', size: 2, classCounts: { b: 2 }, targetSummary: null, dateRange: { minMs: 5, maxMs: 6 } },
          { part: 'test', size: 2, classCounts: { b: 2 }, targetSummary: null, dateRange: { minMs: 7, maxMs: 8 } },
        ],
        issues: [
          {
            level: 'error',
            code: 'class-missing-from-train',
            message: "Class 'b' appears in validation/test but not in training: a model cannot learn it. Use a stratified split or merge the class.",
          },
        ],
        rowsWithoutTarget: 0,
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

  it('leaves rows without a target out of every part and every fold, and counts them', () => {
    const withGaps = tableOf(numericColumn('y', [1, null, 3, 4, null, 6, 7, 8, 9, null, 11, 12]), numericColumn('x', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    const result = runSplit(withGaps, {
      holdout: { kind: 'random', seed: 3, fractions: { train: 0.5, validation: 0.25, test: 0.25 } },
      folds: { kind: 'kfold', k: 3, seed: 3 },
      summarize: { target: 'y', task: 'regression' },
      target: 'y',
    });
    const inParts = [...result.train, ...result.validation, ...result.test].sort((a, b) => a - b);
    const inFolds = new Set(result.folds.flatMap((f) => [...f.train, ...f.validation]));
    expect({
      inParts,
      foldsOnlyTrain: [...inFolds].every((row) => result.train.includes(row)) && inFolds.size === result.train.length,
      sizes: result.summary.parts.map((p) => [p.size, p.targetSummary?.count]),
      rowsWithoutTarget: result.summary.rowsWithoutTarget,
    }).toEqual({ inParts: [0, 2, 3, 5, 6, 7, 8, 10, 11], foldsOnlyTrain: true, sizes: [[5, 5], [2, 2], [2, 2]], rowsWithoutTarget: 3 });
  });
});

describe('runSplit on the cars target (Miles_per_Gallon: 406 rows, 8 missing)', () => {
  const cars = tableOf(numericColumn('mpg', carsMpg.values));
  const request = (holdout: Parameters<typeof runSplit>[1]['holdout']) => ({ holdout, folds: null, summarize: { target: 'mpg', task: 'regression' as const }, target: 'mpg' });

  it('raises no target-shift warning on 50 seeded random splits', () => {
    const flagged = Array.from({ length: 50 }, (_, seed) => runSplit(cars, request({ kind: 'random', seed })))
      .flatMap((result, seed) => result.summary.issues.filter((issue) => issue.code === 'target-shift').map(() => seed));
    const first = runSplit(cars, request({ kind: 'random', seed: 42 }));
    expect({ flagged, sizes: first.summary.parts.map((p) => p.size), rowsWithoutTarget: first.summary.rowsWithoutTarget }).toEqual({ flagged: [], sizes: [278, 60, 60], rowsWithoutTarget: 8 });
  });

  it('warns for validation and test when the rows are cut in target order', () => {
    const sorted = runSplit(cars, request({ kind: 'temporal', seed: 0, timeColumn: 'mpg' }));
    const advice = 'its scores measure the model on other data than it learnt from. Expected for a temporal split; otherwise use a random split.';
    expect(sorted.summary.issues).toEqual([
      { level: 'warning', code: 'target-shift', message: `The validation part's 'mpg' differs clearly from training (KS D = 1.00, p < 0.0001): ${advice}` },
      { level: 'warning', code: 'target-shift', message: `The test part's 'mpg' differs clearly from training (KS D = 1.00, p < 0.0001): ${advice}` },
    ]);
  });
});
