import { describe, expect, it } from 'vitest';
import { TextDictionary } from './text-dictionary';

describe('TextDictionary', () => {
  it('codes texts in order of first insertion and finds them again after growing', () => {
    const dictionary = new TextDictionary(4);
    const words = Array.from({ length: 300 }, (_, i) => `w${(i * 37) % 300}`);
    const codes = words.map((w) => dictionary.add(w));
    expect([codes, words.map((w) => dictionary.codeOf(w)), dictionary.codeOf('nope'), dictionary.codeOf(''), dictionary.size]).toEqual([
      words.map((_, i) => i),
      words.map((_, i) => i),
      -1,
      -1,
      300,
    ]);
  });
});
