import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../random/prng';
import { rankColumns } from './rank-columns';

describe('rankColumns', () => {
  it('ranks each column among its distinct values (−0 and +0 share one), row-major, and flags close levels', () => {
    // 3 rows × 2 columns: column 0 has a tie and both zeros; column 1 two values 1e-8 apart.
    const values = Float64Array.of(2.5, 1, -0, 1 + 1e-8, 0, -3);
    const ranked = rankColumns(values, 3, 2);
    expect([...ranked.ranks]).toEqual([1, 1, 0, 2, 0, 0]);
    expect(ranked.levels.map((l) => [...l])).toEqual([[-0, 2.5], [-3, 1, 1 + 1e-8]]);
    expect(ranked.isSpaced).toEqual([true, false]);
    expect({ rows: ranked.rows, cols: ranked.cols }).toEqual({ rows: 3, cols: 2 });
  });

  it('agrees with sorting and searching the distinct values on 3,000 × 3 seeded values with ties and signs', () => {
    const random = createRandom(4);
    const values = Float64Array.from({ length: 9000 }, (_, i) => (i % 3 === 0 ? Math.round((random() - 0.5) * 40) : (random() - 0.5) * 1e6));
    const ranked = rankColumns(values, 3000, 3);
    for (let f = 0; f < 3; f++) {
      const column = Array.from({ length: 3000 }, (_, i) => values[i * 3 + f]);
      const distinct = [...new Set(column)].sort((a, b) => a - b);
      // (+ 0 turns −0 into +0: which zero stands for both is the first test's concern.)
      expect([...ranked.levels[f]].map((v) => v + 0)).toEqual(distinct.map((v) => v + 0));
      expect(column.map((_, i) => ranked.ranks[i * 3 + f])).toEqual(column.map((v) => distinct.indexOf(v)));
    }
  });
});
