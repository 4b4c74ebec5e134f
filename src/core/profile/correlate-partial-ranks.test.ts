import { describe, expect, it } from 'vitest';
import { correlatePartialRanks } from './correlate-partial-ranks';
import { correlateSpearmanRanked } from './correlate-spearman';
import { rankColumn } from '../stats/rank-column';

const NaN_ = Number.NaN;
const complete = [Float64Array.from([3, 1, 2, 2, 5, 4, 4, 0]), Float64Array.from([1, 1, 1, 1, 1, 1, 1, 2])].map((values) => rankColumn(values));
const partial = [
  Float64Array.from([0.5, NaN_, 0.1, 0.1, 0.9, Infinity, 0.3, 0.2]),
  Float64Array.from([NaN_, 2, 2, 2, 2, 2, 2, NaN_]),
  Float64Array.from([1, 2, NaN_, NaN_, NaN_, NaN_, NaN_, NaN_]),
  Float64Array.from([NaN_, NaN_, NaN_, NaN_, NaN_, NaN_, NaN_, 7]),
  Float64Array.from([8, 1, 6, NaN_, 4, 3, 2, 5]),
].map((values) => rankColumn(values));

describe('correlatePartialRanks', () => {
  it('equals correlateSpearmanRanked pair by pair, past a pack of four and with too few or constant shared rows', () => {
    const expected = complete.map((c) => partial.map((p) => correlateSpearmanRanked(c, p)));
    const actual = correlatePartialRanks(complete, partial);
    expect(actual.map((row, c) => row.map((r, p) => (Math.abs(r - expected[c][p]) <= 1e-12 ? expected[c][p] : r)))).toEqual(expected);
    // pandas 1.5.3 Series.corr(method='spearman'), rounded to 6 places.
    expect(actual.map((row) => row.map((r) => (Number.isNaN(r) ? null : Number(r.toFixed(6)))))).toEqual([
      [0.764706, null, -1, null, -0.126131],
      [-0.132842, null, null, null, 0.204124],
    ]);
  });
});
