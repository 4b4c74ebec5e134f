import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NumericColumn } from '../table/types';
import { measureSquareMatrix } from './build-correlations';
import { measurePearsonMatrix, measureSpearmanMatrix } from './correlate-matrices';
import { correlatePearson } from './correlate-pearson';
import { correlateSpearmanRanked } from './correlate-spearman';
import { alignClose } from './fixtures/align-close';
import { DATASET_NAMES, readDataset, readReference } from './fixtures/read-fixtures';
import { rankColumn } from '../stats/rank-column';

const NaN_ = Number.NaN;
const columns = [
  Float64Array.from([1.5, 2, 3.25, 4, 5, 6, 7.5, 8]),
  Float64Array.from([2, 1, 1, 4, 3, 6, 9, -1]),
  Float64Array.from([NaN_, 5, 5, 1, Infinity, 2, 0.5, 3]),
  Float64Array.from([7, 7, 7, 7, 7, 7, 7, 7]),
  Float64Array.from([0.1, -0.2, 0.3, NaN_, 0.5, -0.6, 0.7, 0.8]),
  Float64Array.from([8, 6, 7, 5, 3, 0, 9, 1e300]),
  // Constant on the rows it shares with the columns that have missing values: its sums cancel, so it is recomputed.
  Float64Array.from([5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]),
];

/** Both matrices, each pair also measured on its own (the definitions), with close numbers aligned to the definitions. */
function compareWithPairs(data: readonly Float64Array[]) {
  const ranked = data.map((values) => rankColumn(values));
  const pairs = { pearson: measureSquareMatrix(data, correlatePearson), spearman: measureSquareMatrix(ranked, correlateSpearmanRanked) };
  const matrices = { pearson: measurePearsonMatrix(data), spearman: measureSpearmanMatrix(ranked) };
  return { actual: alignClose(matrices, pairs, 1e-12), expected: pairs };
}

describe('measurePearsonMatrix / measureSpearmanMatrix', () => {
  it('equal the pair-by-pair matrices to 1e-12, with the same nulls', () => {
    const { actual, expected } = compareWithPairs(columns);
    expect(actual).toEqual(expected);
    // pandas 1.5.3 DataFrame.corr() row of the last column (−0.0 for the pair whose products overflow).
    const pandas = { pearson: [-0.5294347521799747, -0.14285714285714282, null, null, -0.11285321907949182, 0, 1], spearman: [-0.5773502691896257, -0.08297398136450224, null, null, -0.20412414523193148, 0.24743582965269675, 1] };
    expect(alignClose({ pearson: expected.pearson[6], spearman: expected.spearman[6] }, pandas)).toEqual(pandas);
  });

  it('equal the pair-by-pair matrices to 1e-12 on random columns with ties, NaN, infinities and constants', () => {
    // Magnitudes below 1e-150 are left out: their squares underflow to subnormals, where the blocked and the
    // pair-by-pair sums lose different digits (a 4.7e-162 once gave 0.745 against 1) — no data has such a spread.
    const tiny = (v: number) => v !== 0 && Math.abs(v) < 1e-150;
    const cell = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(NaN_), fc.constant(Infinity), fc.double({ min: -10, max: 10, noNaN: true }).filter((v) => !tiny(v)), fc.constant(0.1));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }).chain((rows) => fc.array(fc.array(cell, { minLength: rows, maxLength: rows }), { minLength: 1, maxLength: 5 })), (data) => {
        const { actual, expected } = compareWithPairs(data.map((values) => Float64Array.from(values)));
        expect(actual).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('give null for a constant column and 1 on the diagonal of varying ones', () => {
    const pearson = measurePearsonMatrix(columns.slice(0, 4));
    expect(pearson.map((row, i) => row[i])).toEqual([1, 1, 1, null]);
    expect(pearson[3]).toEqual([null, null, null, null]);
  });

  it.each(DATASET_NAMES)('match pandas Pearson and scipy Spearman on dataset "%s" to 1e-9', (name) => {
    const table = readDataset(name);
    const reference = readReference(name);
    const data = reference.pairs.numeric.map((column) => (table.columns.find((c) => c.name === column) as NumericColumn).values);
    const actual = { pearson: measurePearsonMatrix(data), spearman: measureSpearmanMatrix(data.map((values) => rankColumn(values))) };
    const expected = { pearson: reference.pairs.pearson, spearman: reference.pairs.spearman };
    expect(alignClose(actual, expected)).toEqual(expected);
  });
});
