import { describe, expect, it } from 'vitest';
import { MissingTokens } from './missing-tokens';

describe('MissingTokens', () => {
  it('finds the tokens, whole or inside a text, and nothing else', () => {
    const tokens = new MissingTokens(new Set(['', 'NA', 'N/A', '-', 'ñ']));
    const cells = ['', 'NA', 'N/A', '-', 'ñ', 'na', 'NA ', 'no', '-2.5', 'N', 'Ñ', 'x'];
    const text = cells.join(',');
    let at = 0;
    const inText = cells.map((cell) => tokens.hasIn(text, at, (at += cell.length + 1) - 1));
    expect([cells.map((cell) => tokens.has(cell)), inText]).toEqual([
      [true, true, true, true, true, false, false, false, false, false, false, false],
      [true, true, true, true, true, false, false, false, false, false, false, false],
    ]);
  });
});
