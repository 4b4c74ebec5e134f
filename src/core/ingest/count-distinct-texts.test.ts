import { describe, expect, it } from 'vitest';
import { countDistinctTexts } from './count-distinct-texts';

describe('countDistinctTexts', () => {
  it('counts distinct present texts exactly, empty and case-different texts included', () => {
    expect(countDistinctTexts(['a', null, 'a', '', 'A', '', 'ab', 'ba', null])).toBe(5);
  });

  it('agrees with a Set on many texts, including ones that collide in few slots', () => {
    const values = Array.from({ length: 50_000 }, (_, i) => (i % 3 === 0 ? null : `v${(i * 7919) % 20_011}`));
    expect(countDistinctTexts(values)).toBe(new Set(values.filter((v) => v !== null)).size);
  });
});
