import { describe, expect, it } from 'vitest';
import { CappedList } from './capped-list.svelte';

describe('CappedList', () => {
  it('shows the first `limit` items until expanded, and says how many it hides', () => {
    const list = new CappedList(3);
    const items = [1, 2, 3, 4, 5];
    expect([list.shown(items), list.hidden(items)]).toEqual([[1, 2, 3], 2]);
    expect(list.shown([1, 2])).toEqual([1, 2]);
    list.expanded = true;
    expect([list.shown(items), list.hidden(items)]).toEqual([items, 0]);
  });
});
