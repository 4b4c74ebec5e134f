import { describe, expect, it } from 'vitest';
import { packTexts, unpackTexts } from './pack-part-texts';

describe('packTexts', () => {
  it('joins texts with end offsets and missing flags', () => {
    expect(packTexts(['ab', null, '', 'é€x'])).toEqual({ joined: 'abé€x', ends: Uint32Array.from([2, 2, 2, 5]), missing: Uint8Array.from([0, 1, 0, 0]) });
  });

  it('round-trips through unpackTexts, including empty strings, nulls and surrogate pairs', () => {
    const values = ['', null, 'id-1', '😀 a', null, 'x'];
    expect(unpackTexts(packTexts(values))).toEqual(values);
  });

  it('packs an empty list', () => {
    expect(unpackTexts(packTexts([]))).toEqual([]);
  });
});
