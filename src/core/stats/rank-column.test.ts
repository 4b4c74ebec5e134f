import { describe, expect, it } from 'vitest';
import { argsortFinite } from './argsort-finite';
import { rankColumn, rankWithin } from './rank-column';

const NaN_ = Number.NaN;

describe('argsortFinite', () => {
  it('orders finite values stably, −0 with 0, skipping NaN and infinities', () => {
    const values = Float64Array.from([3, -1e300, NaN_, 0, Infinity, -0, 2.5, -2.5, 3, -Infinity, 1e-300]);
    expect(Array.from(argsortFinite(values))).toEqual([1, 7, 3, 5, 10, 6, 0, 8]);
  });
});

describe('rankColumn / rankWithin', () => {
  it('gives average ranks to ties and re-ranks among rows where the other column is present', () => {
    const a = rankColumn(Float64Array.from([10, 20, 20, NaN_, 5, 20]));
    expect(Array.from(a.ranks)).toEqual([2, 4, 4, NaN_, 1, 4]);
    const b = rankColumn(Float64Array.from([1, NaN_, 2, 3, 4, 5]));
    expect(Array.from(rankWithin(a, b))).toEqual([2, NaN_, 3.5, NaN_, 1, 3.5]);
  });

  it('ranks the same by counting (few distinct values) as along the argsort', () => {
    const values = Float64Array.from([3, -0, NaN, 0, 2.5, Infinity, 3, 1, 0, -Infinity, 3, 2.5]);
    const { values: _, ...counted } = rankColumn(values);
    const { values: __, ...byOrder } = rankColumn(values, undefined, argsortFinite(values));
    expect(counted).toEqual(byOrder);
    expect(Array.from(counted.ranks)).toEqual([8, 2, NaN_, 2, 5.5, NaN_, 8, 4, 2, NaN_, 8, 5.5]);
  });
});
