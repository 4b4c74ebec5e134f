import { describe, expect, it } from 'vitest';
import { describeValue, formatPath } from './format-issues';

describe('formatPath', () => {
  it('writes indices in brackets, names with dots, other keys quoted, and leaves out a leading "notebook"', () => {
    expect(formatPath(['notebook', 'cells', 3, 'spec', 'fractions', 'train'])).toBe('cells[3].spec.fractions.train');
    expect(formatPath(['cells', 0, 'spec', 'columnOverrides', 'Beak (mm)'])).toBe('cells[0].spec.columnOverrides["Beak (mm)"]');
    expect(formatPath(['notebook', 'name'])).toBe('name');
    expect(formatPath(['datasets', 1, '__proto__'])).toBe('datasets[1].__proto__');
    expect(formatPath([])).toBe('the file');
  });
});

describe('describeValue', () => {
  it('shows short JSON and names containers', () => {
    expect([describeValue(1.5), describeValue('x'), describeValue(null), describeValue([1]), describeValue({ a: 1 }), describeValue('a'.repeat(50))]).toEqual([
      '1.5', '"x"', 'null', 'a list', 'an object', `"${'a'.repeat(36)}…`,
    ]);
  });
});
