import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../random/prng';
import { sortPairs } from './sort-pairs';

describe('sortPairs', () => {
  it('sorts keys and carries ids along (small input)', () => {
    const keys = Float64Array.of(3, 1, 2, 1);
    const ids = Uint32Array.of(0, 1, 2, 3);
    sortPairs(keys, ids, 0, 4);
    expect([...keys]).toEqual([1, 1, 2, 3]);
    expect([ids[2], ids[3]]).toEqual([2, 0]);
  });

  it('sorts 1,000 values with many ties like Array.prototype.sort, ids still matching their keys', () => {
    const random = createRandom(5);
    const original = Float64Array.from({ length: 1000 }, () => Math.floor(random() * 50));
    const keys = original.slice();
    const ids = Uint32Array.from({ length: 1000 }, (_, i) => i);
    sortPairs(keys, ids, 0, 1000);
    expect([...keys]).toEqual([...original].sort((a, b) => a - b));
    expect([...ids].map((id) => original[id])).toEqual([...keys]);
  });
});
