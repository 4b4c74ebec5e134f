import { describe, expect, it } from 'vitest';
import { createTextColumn, readTexts, selectTextRows, textAt, textRowCount } from './text-column';

describe('packed text columns', () => {
  it('packs ASCII, empty and missing values and reads them back', () => {
    const column = createTextColumn('city', ['Oslo', '', null, 'Rio'], true);
    expect(column).toEqual({
      kind: 'text',
      name: 'city',
      bytes: new Uint8Array([79, 115, 108, 111, 82, 105, 111]),
      offsets: new Uint32Array([0, 4, 4, 4, 7]),
      missing: new Uint8Array([0, 0, 1, 0]),
      idLike: true,
    });
    expect([0, 1, 2, 3].map((r) => textAt(column, r))).toEqual(['Oslo', '', null, 'Rio']);
    expect(readTexts(column)).toEqual(['Oslo', '', null, 'Rio']);
    expect(textRowCount(column)).toBe(4);
  });

  it('round-trips non-ASCII text (accents, CJK, emoji) value by value', () => {
    const values = ['café', null, '東京', '👩‍🔬 lab', 'plain'];
    const column = createTextColumn('t', values);
    expect(column.idLike).toBeUndefined();
    expect(readTexts(column)).toEqual(values);
    expect(textAt(column, 3)).toBe('👩‍🔬 lab');
    expect(column.bytes.length).toBe(new TextEncoder().encode(values.filter((v) => v !== null).join('')).length);
  });

  it('grows its buffer when the size estimate is too small', () => {
    const values = ['a', 'b', 'ü'.repeat(5000)];
    expect(readTexts(createTextColumn('t', values))).toEqual(values);
  });

  it('selects rows byte-wise, in the given order with repeats, keeping name and idLike', () => {
    const column = createTextColumn('t', ['é', null, '', 'ab'], true);
    expect(selectTextRows(column, new Uint32Array([3, 0, 1, 3, 2]))).toEqual(createTextColumn('t', ['ab', 'é', null, 'ab', ''], true));
    expect(selectTextRows(column, [])).toEqual(createTextColumn('t', [], true));
  });

  it('handles an empty column', () => {
    const column = createTextColumn('t', []);
    expect(column.offsets).toEqual(new Uint32Array([0]));
    expect(readTexts(column)).toEqual([]);
  });
});
