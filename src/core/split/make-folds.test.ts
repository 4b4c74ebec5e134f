import { describe, expect, it } from 'vitest';
import type { Table } from '../table/types';
import fixture from './fixtures/fold-sizes.json';
import { makeFolds } from './make-folds';

// Reference: scikit-learn 1.2.1 KFold / StratifiedKFold / GroupKFold / TimeSeriesSplit, written by
// scripts/reference/transform_reference.py.
function tableOf(labels: string[], groups: number[]): Table {
  const levels = [...new Set(labels)].sort();
  return {
    rowCount: labels.length,
    columns: [
      { kind: 'categorical', name: 'y', codes: Int32Array.from(labels.map((l) => levels.indexOf(l))), levels },
      { kind: 'numeric', name: 'g', values: Float64Array.from(groups) },
      { kind: 'numeric', name: 't', values: Float64Array.from(labels.map((_, i) => 1000 - i)) },
    ],
  };
}

const all = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);

describe('makeFolds matches scikit-learn fold sizes', () => {
  for (const c of fixture.cases) {
    const table = tableOf(c.labels, c.groups);
    it(`n=${c.n}, k=${c.k}`, () => {
      const kfold = makeFolds(table, all(c.n), { kind: 'kfold', k: c.k, seed: 1 });
      expect(kfold.map((f) => f.validation.length)).toEqual(c.kfoldSizes);
      const strat = makeFolds(table, all(c.n), { kind: 'stratified', k: c.k, seed: 1, target: 'y' });
      expect(strat.map((f) => {
        const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
        for (const r of f.validation) counts[c.labels[r]]++;
        return counts;
      })).toEqual(c.stratifiedCounts);
      const group = makeFolds(table, all(c.n), { kind: 'group', k: c.k, seed: 1, groupColumn: 'g' });
      expect(group.map((f) => f.validation.length).sort((a, b) => a - b)).toEqual(c.groupFoldSizesSorted);
      const series = makeFolds(table, all(c.n), { kind: 'timeseries', k: c.k, seed: 1 });
      expect(series.map((f) => [f.train.length, f.validation.length])).toEqual(c.timeSeriesSizes);
    });
  }
});

describe('makeFolds', () => {
  it('orders time-series folds by the time column: training always precedes validation', () => {
    const table = tableOf(['a', 'b', 'a', 'b', 'a', 'b'], [0, 0, 0, 0, 0, 0]); // t falls with the row index
    const folds = makeFolds(table, all(6), { kind: 'timeseries', k: 2, seed: 0, timeColumn: 't' });
    expect(folds.map((f) => [Array.from(f.train), Array.from(f.validation)])).toEqual([
      [[5, 4], [3, 2]],
      [[5, 4, 3, 2], [1, 0]],
    ]);
  });

  it('only uses the training rows it is given', () => {
    const table = tableOf(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b'], [0, 1, 2, 3, 4, 5, 6, 7]);
    const folds = makeFolds(table, Uint32Array.from([1, 3, 5, 7]), { kind: 'kfold', k: 2, seed: 3 });
    expect(folds.flatMap((f) => Array.from(f.validation)).sort()).toEqual([1, 3, 5, 7]);
  });

  it('rejects k outside 2..n with a message naming k', () => {
    const table = tableOf(['a', 'b'], [0, 1]);
    expect(() => makeFolds(table, all(2), { kind: 'kfold', k: 3, seed: 0 })).toThrow(
      'Number of folds 3 must be a whole number from 2 to the 2 training rows.',
    );
  });
});
