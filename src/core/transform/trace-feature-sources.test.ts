import { describe, expect, it } from 'vitest';
import type { Table } from '../table/types';
import { fitPipeline, transformTable } from './pipeline';
import { invertFeatureValue, traceFeatureSources } from './trace-feature-sources';

const table: Table = {
  rowCount: 4,
  columns: [
    { kind: 'numeric', name: 'mass', values: Float64Array.from([2, 4, NaN, 10]) },
    { kind: 'numeric', name: 'price', values: Float64Array.from([0, 9, 99, 999]) },
    { kind: 'categorical', name: 'origin', codes: Int32Array.from([0, 1, 1, 2]), levels: ['EU', 'JP', 'USA'] },
    { kind: 'numeric', name: 'age', values: Float64Array.from([1, 2, 3, 4]) },
    { kind: 'numeric', name: 'y', values: Float64Array.from([0, 1, 0, 1]) },
  ],
};

describe('traceFeatureSources', () => {
  it('follows every output column to its input column and inverts identity, affine and log1p chains', () => {
    const fitted = fitPipeline([
      { kind: 'impute', id: 'fill', columns: ['mass'], strategy: 'mean', addIndicator: true },
      { kind: 'cap_outliers', id: 'cap', columns: ['mass'], method: 'percentile', lower: 0, upper: 100 },
      { kind: 'scale', id: 'z', columns: ['mass'], method: 'standard' },
      { kind: 'log1p', id: 'log', columns: ['price'] },
      { kind: 'scale', id: 'mm', columns: ['price'], method: 'minmax' },
      { kind: 'one_hot', id: 'hot', columns: ['origin'], maxCategories: 2 },
      { kind: 'bin', id: 'b', columns: ['age'], method: 'uniform', nBins: 2 },
      { kind: 'derive', id: 'd', name: 'ratio', expression: 'mass / price' },
    ], table, Uint32Array.from([0, 1, 2, 3]), { target: 'y' });
    const sources = traceFeatureSources(fitted);
    expect(Object.fromEntries([...sources].map(([name, s]) => [name, { column: s.column, category: s.category, inverted: s.maps ? s.maps.length : null, change: s.change }]))).toEqual({
      mass: { column: 'mass', category: undefined, inverted: 1, change: null },
      mass_missing: { column: 'mass', category: undefined, inverted: null, change: 'missing flag' },
      price: { column: 'price', category: undefined, inverted: 2, change: null },
      'origin=JP': { column: 'origin', category: 'JP', inverted: null, change: 'one-hot' },
      'origin=other': { column: 'origin', category: null, inverted: null, change: 'one-hot' },
      age: { column: 'age', category: undefined, inverted: null, change: 'binned' },
      y: { column: 'y', category: undefined, inverted: 0, change: null },
      ratio: { column: null, category: undefined, inverted: null, change: 'derived' },
    });
    // Mapping the transformed values back gives the raw cells (mass row 2 was filled with the mean, 16/3).
    const out = transformTable(fitted, table).table;
    const back = (name: string) => Array.from((out.columns.find((c) => c.name === name) as { values: Float64Array }).values, (v) => Number((invertFeatureValue(sources.get(name)!, v) as number).toFixed(9)));
    expect([back('mass'), back('price'), invertFeatureValue(sources.get('age')!, 1)]).toEqual([[2, 4, Number((16 / 3).toFixed(9)), 10], [0, 9, 99, 999], null]);
  });
});
