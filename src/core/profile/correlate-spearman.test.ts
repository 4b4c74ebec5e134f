import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correlateRanks, correlateSpearman, correlateSpearmanRanked } from './correlate-spearman';
import { rankColumn, rankWithin } from '../stats/rank-column';

const NaN_ = Number.NaN;

/** The plain definition: both columns re-ranked on the shared rows, then Pearson of the ranks. */
function correlateByDefinition(x: Float64Array, y: Float64Array): number {
  const a = rankColumn(x);
  const b = rankColumn(y);
  let shared = 0;
  for (let i = 0; i < x.length; i++) shared += a.finiteMask[i] & b.finiteMask[i];
  return shared < 2 ? NaN_ : correlateRanks(rankWithin(a, b), rankWithin(b, a), shared);
}

describe('correlateSpearmanRanked', () => {
  it('re-ranks on the shared rows whichever column has the missing values', () => {
    const x = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const y = Float64Array.from([2, NaN_, 1, 4, 3, 6]);
    const z = Float64Array.from([NaN_, 5, 5, 1, Infinity, 2]);
    expect([correlateSpearman(x, y), correlateSpearman(y, x), correlateSpearman(y, z), correlateSpearman(z, x)]).toEqual([
      correlateByDefinition(x, y),
      correlateByDefinition(y, x),
      correlateByDefinition(y, z),
      correlateByDefinition(z, x),
    ]);
    expect(correlateSpearman(x, y)).toBeCloseTo(0.8, 12);
  });

  it('equals the definition to 1e-12 on random columns with ties, NaN and infinities', () => {
    const cell = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(NaN_), fc.constant(Infinity), fc.double({ min: -10, max: 10, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 0, maxLength: 40 }), (pairs) => {
        const x = Float64Array.from(pairs.map((p) => p[0]));
        const y = Float64Array.from(pairs.map((p) => p[1]));
        const expected = correlateByDefinition(x, y);
        const actual = correlateSpearmanRanked(rankColumn(x), rankColumn(y));
        if (Number.isNaN(expected)) return Number.isNaN(actual);
        return Math.abs(actual - expected) <= 1e-12;
      }),
      { numRuns: 500 },
    );
  });
});
