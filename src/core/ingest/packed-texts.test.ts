import { describe, expect, it } from 'vitest';
import { buildTextColumn } from './build-text-column';
import { concatPackedTexts, countDistinctPackedTexts, isEveryPackedTextShortWithoutSpace, buildPackedTextColumn, packTexts, unpackTexts } from './packed-texts';

describe('packed texts', () => {
  it('encodes texts as UTF-8 with byte end offsets and missing flags', () => {
    expect([packTexts(['ab', null, '', 'é€x']), packTexts(['id-1', null, 'x'])]).toEqual([
      { bytes: Uint8Array.from([0x61, 0x62, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0x78]), ends: Uint32Array.from([2, 2, 2, 8]), missing: Uint8Array.from([0, 1, 0, 0]) },
      { bytes: Uint8Array.from([0x69, 0x64, 0x2d, 0x31, 0x78]), ends: Uint32Array.from([4, 4, 5]), missing: Uint8Array.from([0, 1, 0]) },
    ]);
  });

  it('round-trips through unpackTexts, including empty strings, nulls and surrogate pairs', () => {
    const values = ['', null, 'id-1', '😀 a', null, 'x'];
    expect([unpackTexts(packTexts(values)), unpackTexts(packTexts([]))]).toEqual([values, []]);
  });

  it('concatenates packed lists as the lists back to back', () => {
    const merged = concatPackedTexts([packTexts(['a', null]), packTexts([]), packTexts(['bc', 'd'])]);
    expect([merged, unpackTexts(merged)]).toEqual([packTexts(['a', null, 'bc', 'd']), ['a', null, 'bc', 'd']]);
  });

  it('counts distinct present cells exactly', () => {
    expect([
      countDistinctPackedTexts(packTexts(['a', 'b', 'a', null, '', '', 'ab', 'ba', null])),
      countDistinctPackedTexts(packTexts([null, null])),
      countDistinctPackedTexts(packTexts(Array.from({ length: 5000 }, (_, i) => `ORD-${i % 3001}`))),
      countDistinctPackedTexts(packTexts(['é', 'e\u0301', 'é', '😀', '😀'])),
      // Past 65,536 cells, partitioned by hash first; 46,668 = len({i % 50001 for i in range(70000) if i % 9}) in Python.
      countDistinctPackedTexts(packTexts(Array.from({ length: 70_000 }, (_, i) => (i % 9 === 0 ? null : `ORD-${i % 50_001}`)))),
    ]).toEqual([5, 0, 3001, 3, 46_668]);
  });

  it('checks length and whitespace of every present cell', () => {
    expect([
      isEveryPackedTextShortWithoutSpace(packTexts(['ab', null, 'c-1']), 64),
      isEveryPackedTextShortWithoutSpace(packTexts(['ab', 'c d']), 64),
      isEveryPackedTextShortWithoutSpace(packTexts(['ab', 'c\u00a0d']), 64),
      isEveryPackedTextShortWithoutSpace(packTexts(['abc']), 2),
      isEveryPackedTextShortWithoutSpace(packTexts(['éé']), 2),
    ]).toEqual([true, false, false, false, true]);
  });

  it('builds the same TextColumn as buildTextColumn, for ASCII and non-ASCII texts', () => {
    for (const values of [['a', null, '', 'xyz'], ['é', null, 'b€', '😀'], [null, null], []]) {
      expect(buildPackedTextColumn('c', packTexts(values), true)).toEqual(buildTextColumn('c', values, true));
      expect(buildPackedTextColumn('c', packTexts(values), false)).toEqual(buildTextColumn('c', values, false));
    }
  });
});
