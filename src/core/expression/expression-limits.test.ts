// Regression tests for what fuzzing the expression language found (issue #17): each long or deep shape ends in a
// short PipelineError naming the limit, and names such as "__proto__" stay column names.

import { describe, expect, it } from 'vitest';
import type { Table } from '../table/types';
import { evaluateExpression } from './evaluate';
import { MAX_ARGUMENTS, MAX_TREE_HEIGHT } from './parse';
import { MAX_EXPRESSION_LENGTH } from './tokenize';

const table: Table = {
  rowCount: 2,
  columns: [
    { kind: 'numeric', name: 'x', values: Float64Array.from([1, 2]) },
    { kind: 'numeric', name: '__proto__', values: Float64Array.from([10, 20]) },
    { kind: 'numeric', name: 'constructor', values: Float64Array.from([100, 200]) },
  ],
};

function evaluate(source: string): number[] {
  const column = evaluateExpression(source, table, 'out');
  return Array.from((column as { values: Float64Array }).values);
}

function errorOf(source: string): { name: string; message: string } {
  try {
    evaluateExpression(source, table, 'out');
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error(`no error for ${source.slice(0, 40)}`);
}

describe('expression limits (fuzzing regressions)', () => {
  it('a chain of 20,000 additions: a PipelineError naming the limit, not "Maximum call stack size exceeded"', () => {
    const error = errorOf(Array(20_000).fill('x').join(' + '));
    expect(error.name).toBe('PipelineError');
    expect(error.message.split('\n')[0]).toBe(`Expression more than ${MAX_TREE_HEIGHT} operations deep; split it into several derived columns at position 3999`);
  });

  it('a chain just under the height limit still evaluates', () => {
    expect(evaluate(Array(MAX_TREE_HEIGHT - 1).fill('x').join(' + '))).toEqual([999, 1998]);
  });

  it('chains inside parentheses add up to one height', () => {
    const chain = Array(600).fill('x').join(' + ');
    expect(errorOf(`(${chain}) * 2 + ${chain}`).message).toMatch(/^Expression more than 1000 operations deep/);
  });

  it('min() of 20,000 arguments: refused past MAX_ARGUMENTS, not a RangeError from spreading them', () => {
    const error = errorOf(`min(${Array(20_000).fill('x').join(',')})`);
    expect(error.name).toBe('PipelineError');
    expect(error.message.split('\n')[0]).toBe(`min() given more than ${MAX_ARGUMENTS} arguments; combine fewer columns per call at position ${1000 * 2 + 4}`);
  });

  it('min() and max() of many columns keep NaN winning and evaluate pairwise', () => {
    expect(evaluate(`max(${Array(MAX_ARGUMENTS).fill('x').join(',')})`)).toEqual([1, 2]);
    expect(evaluate('min(x, 0 / 0, 5)')).toEqual([NaN, NaN]);
    expect(evaluate('min(x, __proto__, -3)')).toEqual([-3, -3]);
  });

  it('an expression of 10 MB: refused by its length with a message that quotes only 121 characters of it', () => {
    const error = errorOf(`'${'q'.repeat(10_000_000)}'`);
    expect(error.name).toBe('PipelineError');
    const [first, shown, caret] = error.message.split('\n');
    expect(first).toBe(`Expression is 10,000,002 characters long, more than 100,000; split it into several derived columns at position ${MAX_EXPRESSION_LENGTH + 1}`);
    expect(shown).toBe(`  …${'q'.repeat(121)}…`);
    expect(caret).toBe(`  ${' '.repeat(61)}^`);
  });

  it('an unknown 50,000-character column name is quoted clipped, and the hint search skips names of far other lengths', () => {
    const started = performance.now();
    const error = errorOf('y'.repeat(50_000));
    expect(error.message.split('\n')[0]).toBe(`Unknown column '${'y'.repeat(39)}…' at position 1`);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('a long string literal is read in one pass (10,000 doubled quotes)', () => {
    const column = evaluateExpression(`'${"''".repeat(10_000)}' + ''`, table, 'out');
    expect(column.kind).toBe('text');
  });

  it('"__proto__" and "constructor" are columns like any other', () => {
    expect(evaluate('[__proto__] + constructor + x')).toEqual([111, 222]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
