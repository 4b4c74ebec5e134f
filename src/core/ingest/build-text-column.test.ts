import { describe, expect, it } from 'vitest';
import { createTextColumn } from '../table/text-column';
import { buildTextColumn } from './build-text-column';

describe('buildTextColumn', () => {
  it('packs the same bytes as TextEncoder for ASCII, non-ASCII, lone surrogates, empty and missing values', () => {
    const values = ['ORD-1', null, '', 'café', 'a東京b', '\ud800x', '😀', 'z'];
    expect(buildTextColumn('code', values, false)).toEqual(createTextColumn('code', values));
    expect(buildTextColumn('code', values, true)).toEqual(createTextColumn('code', values, true));
  });

  it('grows past its ASCII-sized first guess', () => {
    const values = ['ü'.repeat(40), 'ab', '€'.repeat(30)];
    expect(buildTextColumn('t', values, false)).toEqual({
      kind: 'text', name: 't', bytes: new TextEncoder().encode(values.join('')), offsets: new Uint32Array([0, 80, 82, 172]), missing: new Uint8Array(3),
    });
  });
});
