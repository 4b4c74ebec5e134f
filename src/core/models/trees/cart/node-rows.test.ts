import { describe, expect, it } from 'vitest';
import { gatherNodeRows, partitionNodeRows } from './node-rows';
import { rankColumns } from './rank-columns';

describe('node rows', () => {
  it('partitions by rank with the moves of the in-place swap partition, carrying ranks, weights and targets', () => {
    // 5 rows × 2 features; rows 4, 1, 3, 0 in that order (row 2 left out of the tree).
    const values = Float64Array.of(5, 0, 3, 1, 9, 9, 1, 2, 4, 3);
    const ranked = rankColumns(values, 5, 2);
    const at = gatherNodeRows(ranked, Float64Array.of(1, 2, 0, 3, 4), Float64Array.of(10, 11, 12, 13, 14), Uint32Array.of(4, 1, 3, 0));
    // Feature 0 ≤ 3 (rank of 3 is 1): rows 1 and 3 (values 3 and 1) go left.
    const mid = partitionNodeRows(at, 0, 4, 0, 1);
    // Readable form on the same rows: swap each left row with the first right one, in one pass.
    const rows = [4, 1, 3, 0];
    let m = 0;
    rows.forEach((row, i) => { if (values[row * 2] <= 3) { [rows[i], rows[m]] = [rows[m], rows[i]]; m++; } });
    expect(mid).toBe(m);
    expect([...at.rows]).toEqual(rows);
    expect([...at.weights]).toEqual(rows.map((row) => [1, 2, 0, 3, 4][row]));
    expect([...at.y]).toEqual(rows.map((row) => 10 + row));
    expect([...at.ranks]).toEqual(rows.flatMap((row) => [...ranked.ranks.subarray(row * 2, row * 2 + 2)]));
  });
});
