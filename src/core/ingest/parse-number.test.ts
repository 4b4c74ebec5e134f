import { describe, expect, it } from 'vitest';
import { parseNumber } from './parse-number';

describe('parseNumber', () => {
  it('reads decimal spellings', () => {
    expect(['0', '-0.5', '+3', '1e3', '2.5E-2', '.5', '5.', '0.001', '123456789012345'].map(parseNumber)).toEqual([0, -0.5, 3, 1000, 0.025, 0.5, 5, 0.001, 123456789012345]);
  });

  it('refuses ids, separators and words', () => {
    expect(['007', '-01', '1,000', '1 000', '0x1F', 'Infinity', 'e3', '1e', '.', '+', '', '1234567890123456', '12abc'].map(parseNumber)).toEqual(Array(13).fill(NaN));
  });
});
