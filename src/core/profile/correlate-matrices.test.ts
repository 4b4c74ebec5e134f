import { describe, expect, it } from 'vitest';
import { measureSquareMatrix } from './build-correlations';
import { measurePearsonMatrix, measureSpearmanMatrix } from './correlate-matrices';
import { correlatePearson } from './correlate-pearson';
import { correlateSpearmanRanked } from './correlate-spearman';
import { rankColumn } from './rank-column';

const NaN_ = Number.NaN;
const columns = [
  Float64Array.from([1.5, 2, 3.25, 4, 5, 6, 7.5, 8]),
  Float64Array.from([2, 1, 1, 4, 3, 6, 9, -1]),
  Float64Array.from([NaN_, 5, 5, 1, Infinity, 2, 0.5, 3]),
  Float64Array.from([7, 7, 7, 7, 7, 7, 7, 7]),
  Float64Array.from([0.1, -0.2, 0.3, NaN_, 0.5, -0.6, 0.7, 0.8]),
  Float64Array.from([8, 6, 7, 5, 3, 0, 9, 1e300]),
];

describe('measurePearsonMatrix / measureSpearmanMatrix', () => {
  it('equal the pair-by-pair matrices bit for bit, complete columns done together', () => {
    expect(measurePearsonMatrix(columns)).toEqual(measureSquareMatrix(columns, correlatePearson));
    const ranked = columns.map((values) => rankColumn(values));
    expect(measureSpearmanMatrix(ranked)).toEqual(measureSquareMatrix(ranked, correlateSpearmanRanked));
  });

  it('give null for a constant column and 1 on the diagonal of varying ones', () => {
    const pearson = measurePearsonMatrix(columns.slice(0, 4));
    expect(pearson.map((row, i) => row[i])).toEqual([1, 1, 1, null]);
    expect(pearson[3]).toEqual([null, null, null, null]);
  });
});
