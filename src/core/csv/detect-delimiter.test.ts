import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './detect-delimiter';

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n4,5,6\n', ','],
    ['a;b;c\n1,5;2,5;3\n4;5;6\n', ';'],
    ['a\tb\n"x, y"\t2\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
    ['name, age; city\nAnn, 3; Oslo\n', ','],
    ['"a;b",c\n"1;2",3\n', ','],
    ['only\n1\n2\n', ','],
    ['a;b;c', ';'],
  ])('reads %j as %j', (sample, expected) => {
    expect(detectDelimiter(sample)).toBe(expected);
  });
});
