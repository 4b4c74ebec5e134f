import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../random/prng';
import { createRankSortBuffers, sortRanks } from './sort-ranks';

/** Sorts `keys` (ids 0 … n − 1) with sortRanks; returns the sorted keys and ids wherever they ended. */
function sortWithRanks(keys: number[], bits: number): { keys: number[]; ids: number[] } {
  const b = createRankSortBuffers(keys.length);
  b.keys.set(keys);
  b.ids.set(keys.map((_, i) => i));
  const inOther = sortRanks(b, keys.length, bits);
  const n = keys.length;
  return { keys: [...(inOther ? b.keysOther : b.keys).subarray(0, n)], ids: [...(inOther ? b.idsOther : b.ids).subarray(0, n)] };
}

/** The readable form: ids ordered by key, ties in id order. */
function sortStably(keys: number[]): { keys: number[]; ids: number[] } {
  const ids = keys.map((_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
  return { keys: ids.map((i) => keys[i]), ids };
}

describe('sortRanks', () => {
  it('sorts a literal small input stably (insertion sort)', () => {
    expect(sortWithRanks([3, 1, 2, 1, 0], 2)).toEqual({ keys: [0, 1, 1, 2, 3], ids: [4, 1, 3, 2, 0] });
  });

  it('sorts like a stable comparison sort from 30 to 100,000 keys, 1 to 20 bits, many ties', () => {
    const random = createRandom(8);
    for (const [n, bits] of [[30, 20], [100, 3], [1000, 17], [5000, 1], [100_000, 17], [40_000, 20]]) {
      const keys = Array.from({ length: n }, () => Math.floor(random() * 2 ** bits));
      expect(sortWithRanks(keys, bits)).toEqual(sortStably(keys));
    }
  });
});
