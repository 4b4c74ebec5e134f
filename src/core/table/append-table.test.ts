import { describe, expect, it } from 'vitest';
import { appendTableRows } from './append-table';
import { createTextColumn, readTexts } from './text-column';
import type { Table } from './types';

const BASE: Table = {
  rowCount: 3,
  columns: [
    { kind: 'numeric', name: 'x', values: Float64Array.of(1, 2, 3) },
    { kind: 'categorical', name: 'c', codes: Int32Array.of(0, 1, -1), levels: ['a', 'b'] },
    { kind: 'boolean', name: 'f', values: Uint8Array.of(1, 0, 255) },
    createTextColumn('t', ['one', null, 'three']),
  ],
};
const BATCH: Table = {
  rowCount: 2,
  columns: [
    { kind: 'categorical', name: 'c', codes: Int32Array.of(1, 0), levels: ['z', 'b'] },
    { kind: 'numeric', name: 'x', values: Float64Array.of(10, 20) },
    createTextColumn('t', ['ten', 'twenty']),
  ],
};

describe('appendTableRows', () => {
  it('the base rows then the batch rows, categories re-coded onto the base levels with new ones after, absent columns missing', () => {
    const { table, a, b } = appendTableRows(BASE, Uint32Array.of(2, 0), BATCH, Uint32Array.of(1, 0));
    expect([table.rowCount, [...a], [...b]]).toEqual([4, [0, 1], [2, 3]]);
    const [x, c, f, t] = table.columns;
    expect(x.kind === 'numeric' && [...x.values]).toEqual([3, 1, 20, 10]);
    expect(c.kind === 'categorical' && [c.levels, [...c.codes]]).toEqual([['a', 'b', 'z'], [-1, 0, 2, 1]]);
    expect(f.kind === 'boolean' && [...f.values]).toEqual([255, 1, 255, 255]);
    expect(t.kind === 'text' && readTexts(t)).toEqual(['three', 'one', 'twenty', 'ten']);
  });

  it('refuses a column of another kind in the batch, naming it and the fix', () => {
    const batch: Table = { rowCount: 1, columns: [{ kind: 'categorical', name: 'x', codes: Int32Array.of(0), levels: ['1'] }] };
    expect(() => appendTableRows(BASE, Uint32Array.of(0), batch, Uint32Array.of(0))).toThrow('Column "x" is numeric in the training data but categorical in the batch; set its type in the batch\'s Data cell to numeric.');
  });
});
