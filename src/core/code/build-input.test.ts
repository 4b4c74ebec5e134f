import { describe, expect, it } from 'vitest';
import { booleanColumn, categoricalColumn, datetimeColumn, numericColumn, tableOf, textColumn } from '../../test-support/table-builders';
import { createCodeInput } from './build-input';

const table = tableOf(
  numericColumn('x', [1.5, null]),
  categoricalColumn('y', ['a', null]),
  booleanColumn('ok', [true, null]),
  datetimeColumn('at', ['2024-01-02T00:00:00Z', null]),
  textColumn('note', ['hé', null]),
);

describe('createCodeInput', () => {
  it('shows each column as plain values, null where missing, and the rows as objects', () => {
    const input = createCodeInput({ name: 'toy', table })!;
    expect([input.name, input.columns, input.rowCount, input.kinds]).toEqual(['toy', ['x', 'y', 'ok', 'at', 'note'], 2, { x: 'numeric', y: 'categorical', ok: 'boolean', at: 'datetime', note: 'text' }]);
    expect(input.column('at')).toEqual([new Date('2024-01-02T00:00:00Z'), null]);
    expect(input.rows()).toEqual([
      { x: 1.5, y: 'a', ok: true, at: new Date('2024-01-02T00:00:00Z'), note: 'hé' },
      { x: null, y: null, ok: null, at: null, note: null },
    ]);
  });

  it('hands out a fresh array each time, so changing one leaves the next as it was', () => {
    const input = createCodeInput({ name: 'toy', table })!;
    input.column('x').push(99);
    expect(input.column('x')).toEqual([1.5, null]);
  });

  it('names the columns when asked for one it lacks; null without a table above', () => {
    const input = createCodeInput({ name: 'toy', table })!;
    expect(() => input.column('z')).toThrow('There is no column "z" in the input; its columns are "x", "y", "ok", "at", "note".');
    expect(createCodeInput(null)).toBe(null);
  });
});
