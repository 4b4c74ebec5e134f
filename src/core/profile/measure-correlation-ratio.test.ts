import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureCorrelationRatio } from './measure-correlation-ratio';

/** The definition in two centred passes over the complete rows. */
function measureByDefinition(codes: Int32Array, levels: number, values: Float64Array): number {
  const rows = Array.from(codes.keys()).filter((i) => codes[i] >= 0 && Number.isFinite(values[i]));
  if (rows.length === 0) return Number.NaN;
  const mean = rows.reduce((sum, i) => sum + values[i], 0) / rows.length;
  const ssTotal = rows.reduce((sum, i) => sum + (values[i] - mean) ** 2, 0);
  let ssBetween = 0;
  for (let k = 0; k < levels; k++) {
    const group = rows.filter((i) => codes[i] === k);
    if (group.length > 0) ssBetween += group.length * (group.reduce((sum, i) => sum + values[i], 0) / group.length - mean) ** 2;
  }
  return ssTotal === 0 ? Number.NaN : Math.min(1, Math.sqrt(ssBetween / ssTotal));
}

describe('measureCorrelationRatio', () => {
  it('equals the two-pass definition to 1e-12, with a far-off first value, constants, missing codes and NaN', () => {
    const row = fc.tuple(fc.integer({ min: -1, max: 2 }), fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), fc.constant(2.5), fc.constant(Number.NaN), fc.constant(1e9)));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 50 }), (rows) => {
        const codes = Int32Array.from(rows, (r) => r[0]);
        const values = Float64Array.from(rows, (r) => r[1]);
        const expected = measureByDefinition(codes, 3, values);
        const actual = measureCorrelationRatio(codes, 3, values);
        expect(Number.isNaN(expected) ? Number.isNaN(actual) : Math.abs(actual - expected) <= 1e-12 * Math.max(1, expected)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives 1 when the category decides the number and NaN for a constant number', () => {
    const codes = Int32Array.from([0, 1, 0, 1, -1]);
    expect([measureCorrelationRatio(codes, 2, Float64Array.from([1e9, 3, 1e9, 3, 7])), measureCorrelationRatio(codes, 2, Float64Array.from([0.1, 0.1, 0.1, 0.1, 5]))]).toEqual([1, Number.NaN]);
  });
});
