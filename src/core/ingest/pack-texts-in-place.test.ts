import { describe, expect, it } from 'vitest';
import { PackedTextsBuilder } from './pack-texts-in-place';
import { packTexts } from './packed-texts';

describe('PackedTextsBuilder', () => {
  it('packs cells taken from a larger text as packTexts packs the strings: ASCII, accents, emoji, empty and missing cells, past the first buffers', () => {
    const cells: (string | null)[] = ['ORD-1', null, '', 'Ñandú', 'x😀y', 'plain'];
    for (let k = 0; k < 3000; k++) cells.push(k % 7 === 0 ? null : `${'id'.repeat(k % 40)}-${k}${k % 11 === 0 ? 'é' : ''}`);
    const text = `>${cells.map((v) => v ?? '').join(',')}<`;
    const builder = new PackedTextsBuilder();
    let at = 1;
    for (const v of cells) {
      if (v === null) builder.addMissing();
      else builder.addIn(text, at, at + v.length);
      at += (v ?? '').length + 1;
    }
    expect(builder.finish()).toEqual(packTexts(cells));
  });
});
