import { describe, expect, it } from 'vitest';
import { createSorter, sortValues } from './sort-values';

describe('sortValues', () => {
  it('sorts negatives, zeros of both signs, tiny, huge and infinite values as Float64Array.sort does', () => {
    const values = Float64Array.of(3, -0, 1e-310, -2.5, Infinity, 0, -1e300, 2.5, -Infinity, -1e-310, 3, 1e300);
    sortValues(values, new Float64Array(values.length));
    expect([...values]).toEqual([-Infinity, -1e300, -2.5, -1e-310, -0, 0, 1e-310, 2.5, 3, 3, 1e300, Infinity]);
    expect(Object.is(values[4], -0)).toBe(true);
  });

  it('sorts a subarray in place with a longer scratch, skipping passes whose digit all values share', () => {
    const column = Float64Array.of(4, 1, 2, 8, 99);
    const values = column.subarray(0, 4);
    sortValues(values, new Float64Array(10));
    expect([...column]).toEqual([1, 2, 4, 8, 99]);
  });

  it('agrees with Float64Array.prototype.sort on 5,000 seeded values with ties', () => {
    let state = 12345;
    const values = Float64Array.from({ length: 5000 }, () => {
      state = (state * 16807) % 2147483647;
      return Math.round((state / 2147483647 - 0.5) * 2000) / 7;
    });
    const expected = values.slice().sort();
    sortValues(values, new Float64Array(5000));
    expect(values).toEqual(expected);
  });

  it('the WebAssembly sorter gives the same order (signed zeros, infinities, ties, 5,000 seeded values)', () => {
    let state = 777;
    const seeded = Float64Array.from({ length: 5000 }, () => {
      state = (state * 16807) % 2147483647;
      return Math.round((state / 2147483647 - 0.5) * 2000) / 7;
    });
    const edge = Float64Array.of(3, -0, 1e-310, -2.5, Infinity, 0, -1e300, 2.5, -Infinity, -1e-310, 3, 1e300);
    for (const kind of ['wasm', 'js'] as const) {
      const sort = createSorter(5000, kind);
      for (const source of [seeded, edge, Float64Array.of(5, 5, 5), new Float64Array(0)]) {
        const values = source.slice();
        sort(values);
        expect(values).toEqual(source.slice().sort());
        expect(Array.from(values, (v) => Object.is(v, -0))).toEqual(Array.from(source.slice().sort(), (v) => Object.is(v, -0)));
      }
    }
  });
});
