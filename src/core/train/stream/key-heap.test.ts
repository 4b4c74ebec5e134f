import { describe, expect, it } from 'vitest';
import { createKeyHeap } from './key-heap';
import { createRandom } from '../../random/prng';

describe('createKeyHeap', () => {
  it('keeps the rows of the smallest keys, whatever order they come in, ties broken by the smaller row', () => {
    const random = createRandom(3);
    const pairs = Array.from({ length: 500 }, (_, row) => ({ key: Math.floor(random() * 50), row }));
    const heap = createKeyHeap(20);
    for (const { key, row } of pairs) heap.offer(key, row);
    const expected = [...pairs].sort((a, b) => a.key - b.key || a.row - b.row).slice(0, 20).map((p) => p.row);
    expect({ seen: heap.seen, size: heap.size, rows: heap.smallest(20) }).toEqual({ seen: 500, size: 20, rows: expected });
    expect(heap.smallest(5)).toEqual(expected.slice(0, 5));
  });

  it('says whether an offer is held: below capacity always, then only a smaller key', () => {
    const heap = createKeyHeap(2);
    expect([heap.offer(0.5, 0), heap.offer(0.9, 1), heap.offer(0.95, 2), heap.offer(0.1, 3)]).toEqual([true, true, false, true]);
    expect(heap.smallest(9)).toEqual([3, 0]);
  });
});
