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

describe('parseNumber fast path', () => {
  it('equals Number() bit for bit on decimals up to 15 digits, signed zeros included', () => {
    const texts = ['-0', '0.1', '0.3', '-0.000001', '123456.789012345', '999999999999999', '0.999999999999999', '45865.01', '5.', '-.5'];
    let seed = 1;
    for (let k = 0; k < 2000; k++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const digits = String(seed).padStart(10, '0').slice(0, 1 + (seed % 10));
      const point = seed % (digits.length + 1);
      texts.push(`${digits.slice(0, point)}.${digits.slice(point)}`.replace(/^0+(?=\d)/, ''));
    }
    const exact = texts.filter((t) => parseNumber(t) === parseNumber(t));
    expect([exact.length, exact.map((t) => Object.is(parseNumber(t), Number(t)))]).toEqual([texts.length, texts.map(() => true)]);
  });
});
