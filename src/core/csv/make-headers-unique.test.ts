import { describe, expect, it } from 'vitest';
import { makeHeadersUnique } from './make-headers-unique';

describe('makeHeadersUnique', () => {
  it('names empty headers by position and numbers repeats', () => {
    expect(makeHeadersUnique(['a', '', 'a', ' b ', 'a', 'column_2'])).toEqual({
      names: ['a', 'column_2_2', 'a_2', 'b', 'a_3', 'column_2'],
      renamed: [
        { index: 1, from: '', to: 'column_2_2' },
        { index: 2, from: 'a', to: 'a_2' },
        { index: 3, from: ' b ', to: 'b' },
        { index: 4, from: 'a', to: 'a_3' },
      ],
    });
  });

  it('leaves clean headers alone', () => {
    expect(makeHeadersUnique(['x', 'y'])).toEqual({ names: ['x', 'y'], renamed: [] });
  });
});
