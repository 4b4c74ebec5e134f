import { describe, expect, it } from 'vitest';
import { argsortFinite, argsortFiniteByRadix } from './argsort-finite';
import { rankColumn, rankFromGroups } from './rank-column';
import { scanFromOrder, scanWithOrder, scanWithRanks, sortFinite } from './sort-finite';

describe('scanFromOrder', () => {
  it('gives exactly what sortFinite gives, −0 before +0 included', () => {
    const values = Float64Array.from([3, 0, NaN, -0, -2.5, Infinity, 0, -0, 1e-300, -Infinity, 3, -0]);
    const fromOrder = scanFromOrder(values, argsortFinite(values));
    const signs = (sorted: Float64Array) => Array.from(sorted, (v) => (Object.is(v, -0) ? '-0' : String(v)));
    expect({ fromOrder, signs: signs(fromOrder.sorted) }).toEqual({ fromOrder: sortFinite(values), signs: ['-2.5', '-0', '-0', '-0', '0', '0', '1e-300', '3', '3'] });
  });

  it('handles a column with no finite values', () => {
    const values = Float64Array.from([NaN, Infinity]);
    expect(scanFromOrder(values, argsortFinite(values))).toEqual({ sorted: new Float64Array(0), missing: 1, positiveInfinity: 1, negativeInfinity: 0 });
  });
});

describe('scanWithOrder', () => {
  it('counts a column with few distinct values (no order: ranks count it again) and radix-sorts one with many, same scan', () => {
    const few = Float64Array.from([3, 0, NaN, -0, -2.5, Infinity, 0, -0, 3, -Infinity, 3, -0]);
    const many = Float64Array.from({ length: 70_000 }, (_, i) => (i % 1000 === 7 ? NaN : ((i * 7919) % 70_001) / 8 - 4000));
    const signs = (sorted: Float64Array) => Array.from(sorted, (v) => Object.is(v, -0));
    const results = [few, many].map((values) => {
      const { scan, order } = scanWithOrder(values);
      return { scan, order, signs: signs(scan.sorted) };
    });
    expect(results).toEqual([few, many].map((values, i) => ({
      scan: sortFinite(values),
      order: i === 0 ? undefined : argsortFiniteByRadix(values),
      signs: signs(sortFinite(values).sorted),
    })));
  });
});

describe('scanWithRanks', () => {
  it('gives sortFinite\'s scan and the tie groups that rank exactly as rankColumn, counted (few values) or radix-sorted (many)', () => {
    const few = Float64Array.from([3, 0, NaN, -0, -2.5, Infinity, 0, -0, 3, -Infinity, 3, -0]);
    const many = Float64Array.from({ length: 70_000 }, (_, i) => (i % 1000 === 7 ? NaN : ((i * 7919) % 70_001) / 8 - 4000));
    const results = [few, many].map((values) => {
      const { scan, rank } = scanWithRanks(values);
      return { scan, ranked: rankFromGroups(values, rank) };
    });
    expect(results).toEqual([few, many].map((values) => ({ scan: sortFinite(values), ranked: rankColumn(values) })));
    expect(Array.from(results[0].ranked.ranks)).toEqual([8, 4, NaN, 4, 1, NaN, 4, 4, 8, NaN, 8, 4]);
  });
});

describe('sortFinite', () => {
  it('radix-sorts many distinct values exactly as the native sort (−0 before +0, NaN and infinities left out)', () => {
    const special = [-0, 0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1e308, 1e308, 5e-324, -5e-324];
    const values = Float64Array.from({ length: 70_000 }, (_, i) => (i < special.length ? special[i] : (((i * 7919) % 70_001) - 35_000) / 7));
    const native = values.filter((value) => Number.isFinite(value)).sort();
    const { sorted, missing, positiveInfinity, negativeInfinity } = sortFinite(values);
    const signs = (array: Float64Array) => Array.from(array, (value) => Object.is(value, -0));
    expect({ sorted, signs: signs(sorted), missing, positiveInfinity, negativeInfinity }).toEqual({ sorted: native, signs: signs(native), missing: 1, positiveInfinity: 1, negativeInfinity: 1 });
  });
});
