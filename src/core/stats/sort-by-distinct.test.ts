import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argsortFiniteByRadix } from './argsort-finite';
import { argsortFiniteByDistinct, sortFiniteByDistinct } from './sort-by-distinct';

const cell = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(-0), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY), fc.constant(0.1), fc.double());

describe('argsortFiniteByDistinct / sortFiniteByDistinct', () => {
  it('equal the radix argsort and the native sort when the distinct values fit, null otherwise', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (cells, maxDistinct) => {
        const values = Float64Array.from(cells);
        const finite = values.filter((value) => Number.isFinite(value));
        const fits = new Set(Array.from(finite, (value) => (value === 0 ? 0 : value))).size <= maxDistinct;
        const order = argsortFiniteByDistinct(values, maxDistinct);
        const sorted = sortFiniteByDistinct(values, maxDistinct);
        expect({ order: order && Array.from(order), sorted: sorted && Array.from(sorted) }).toEqual(
          fits ? { order: Array.from(argsortFiniteByRadix(values)), sorted: Array.from(finite.sort()) } : { order: null, sorted: null },
        );
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every −0 before every +0 in the sorted values, as Float64Array.prototype.sort does', () => {
    const sorted = sortFiniteByDistinct(Float64Array.from([0, -0, 1, -0, 0, -1]));
    expect(Array.from(sorted ?? [], (value) => Object.is(value, -0))).toEqual([false, true, true, false, false, false]);
  });
});
