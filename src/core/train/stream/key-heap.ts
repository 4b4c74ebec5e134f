// The `capacity` smallest (key, row) pairs offered so far — bottom-k sampling: with uniform random keys, the k
// smallest are a uniform sample of k rows. A binary max-heap on the key (ties: the larger row is larger).

export interface KeyHeap {
  /** Pairs offered so far. */
  readonly seen: number;
  /** Pairs held (≤ capacity). */
  readonly size: number;
  /** Offers a pair; true when it is held now (it may be evicted later). */
  offer(key: number, row: number): boolean;
  /** The rows of the `count` smallest keys held (count ≥ size: all), smallest key first. */
  smallest(count: number): number[];
}

export function createKeyHeap(capacity: number): KeyHeap {
  const keys: number[] = [];
  const rows: number[] = [];
  let seen = 0;
  const above = (i: number, j: number): boolean => keys[i] > keys[j] || (keys[i] === keys[j] && rows[i] > rows[j]);
  const swap = (i: number, j: number): void => {
    [keys[i], keys[j]] = [keys[j], keys[i]];
    [rows[i], rows[j]] = [rows[j], rows[i]];
  };
  const siftDown = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < keys.length && above(l, top)) top = l;
      if (r < keys.length && above(r, top)) top = r;
      if (top === i) return;
      swap(i, top);
      i = top;
    }
  };
  return {
    get seen() { return seen; },
    get size() { return keys.length; },
    offer(key, row) {
      seen++;
      if (keys.length < capacity) {
        keys.push(key);
        rows.push(row);
        for (let i = keys.length - 1; i > 0 && above(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
        return true;
      }
      if (key > keys[0] || (key === keys[0] && row > rows[0])) return false;
      keys[0] = key;
      rows[0] = row;
      siftDown(0);
      return true;
    },
    smallest(count) {
      const order = keys.map((_, i) => i).sort((i, j) => keys[i] - keys[j] || rows[i] - rows[j]);
      return order.slice(0, Math.min(count, order.length)).map((i) => rows[i]);
    },
  };
}
