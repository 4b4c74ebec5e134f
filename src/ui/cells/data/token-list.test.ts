import { describe, expect, it } from 'vitest';
import { formatTokenList, parseTokenList } from './token-list';
import { DEFAULT_MISSING_TOKENS } from '../../../core/notebook/types';

describe('token lists', () => {
  it('round-trips the default tokens', () => {
    const text = formatTokenList(DEFAULT_MISSING_TOKENS);
    expect({ text, back: parseTokenList(text) }).toEqual({ text: '"", NA, N/A, null, NaN, NULL, -', back: [...DEFAULT_MISSING_TOKENS] });
  });

  it('trims, drops blanks between commas and duplicates', () => {
    expect(parseTokenList(' NA ,, -, NA, "" ,')).toEqual(['NA', '-', '']);
  });

  it('reads blank text as no tokens', () => {
    expect(parseTokenList('  ')).toEqual([]);
  });
});
