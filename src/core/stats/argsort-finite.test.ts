import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argsortFinite } from './argsort-finite';

describe('argsortFinite', () => {
  it('equals the readable form (finite rows by value, ties by row) on random doubles with ±0, NaN and infinities', () => {
    const cell = fc.oneof(fc.double(), fc.constant(-0), fc.constant(0), fc.integer({ min: -3, max: 3 }), fc.double({ min: -1e-300, max: 1e-300 }));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 60 }), (cells) => {
        const values = Float64Array.from(cells);
        const rows = Array.from(values.keys()).filter((row) => Number.isFinite(values[row]));
        expect(Array.from(argsortFinite(values))).toEqual(rows.sort((a, b) => values[a] - values[b] || a - b));
      }),
      { numRuns: 500 },
    );
  });
});
