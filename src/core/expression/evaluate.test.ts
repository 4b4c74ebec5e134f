import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { readTexts } from '../table/text-column';
import type { Table } from '../table/types';
import { textColumn } from '../../test-support/table-builders';
import { evaluateExpression } from './evaluate';

const DAY = 86_400_000;
// Rows: a full row, a row with every value missing, a third ordinary row.
const table: Table = {
  rowCount: 3,
  columns: [
    { kind: 'numeric', name: 'Age', values: Float64Array.from([30, NaN, 4]) },
    { kind: 'numeric', name: 'Body Mass (g)', values: Float64Array.from([3750, NaN, 4200]) },
    { kind: 'categorical', name: 'species', codes: Int32Array.from([0, -1, 1]), levels: ['Adelie', 'Gentoo'] },
    textColumn('note', ['Hello World', null, 'ok']),
    { kind: 'boolean', name: 'flag', values: Uint8Array.from([1, 255, 0]) },
    { kind: 'datetime', name: 'seen', values: Float64Array.from([Date.UTC(2024, 1, 29, 13), NaN, Date.UTC(2023, 11, 31, 0) + 0 * DAY]) },
  ],
};

/** The plain values of an expression's result. */
function run(source: string): { kind: string; values: unknown[] } {
  const column = evaluateExpression(source, table, 'out');
  const values =
    column.kind === 'categorical' ? Array.from(column.codes) : column.kind === 'text' ? readTexts(column) : Array.from(column.values as ArrayLike<unknown>);
  return { kind: column.kind, values };
}

describe('evaluateExpression: precedence and literals', () => {
  it.each([
    ['1 + 2 * 3', [7, 7, 7]],
    ['(1 + 2) * 3', [9, 9, 9]],
    ['-2 ^ 2', [-4, -4, -4]],
    ['2 ^ 3 ^ 2', [512, 512, 512]],
    ['10 - 4 - 3', [3, 3, 3]],
    ['7 % 4 + 1e1 / 4', [5.5, 5.5, 5.5]],
    ['Age * 2', [60, NaN, 8]],
    ['[Body Mass (g)] / 1000', [3.75, NaN, 4.2]],
    ['`Body Mass (g)` - Age', [3720, NaN, 4196]],
    ['Age / 0', [NaN, NaN, NaN]],
  ])('%s', (source, expected) => {
    expect(run(source)).toEqual({ kind: 'numeric', values: expected });
  });

  it.each([
    ['Age > 10 and flag or false', [1, 0, 0]],
    ['not Age > 10', [0, 1, 1]],
    ['Age > 10 or Age < 5', [1, 0, 1]],
    ['flag and true', [1, 255, 0]],
    ['flag or true', [1, 1, 1]],
    ['flag and false', [0, 0, 0]],
    ["species == 'Gentoo'", [0, 0, 1]],
    ["species != 'Gentoo'", [1, 0, 0]],
    ["seen >= '2024-01-01'", [1, 0, 0]],
    ['Age >= 4 && !(Age == 30)', [0, 0, 1]],
  ])('%s (comparisons with missing are false; and/or three-valued)', (source, expected) => {
    expect(run(source)).toEqual({ kind: 'boolean', values: expected });
  });
});

describe('evaluateExpression: functions', () => {
  it.each([
    ['abs(0 - Age)', [30, NaN, 4]],
    ['log(Age)', [Math.log(30), NaN, Math.log(4)]],
    ['log1p(Age)', [Math.log1p(30), NaN, Math.log1p(4)]],
    ['exp(1)', [Math.E, Math.E, Math.E]],
    ['sqrt(Age)', [Math.sqrt(30), NaN, 2]],
    ['min(Age, 10, 20)', [10, NaN, 4]],
    ['max(Age, 10)', [30, NaN, 10]],
    ['round(Age / 7)', [4, NaN, 1]],
    ['round(Age / 7, 2)', [4.29, NaN, 0.57]],
    ['floor(Age / 7)', [4, NaN, 0]],
    ['ceil(Age / 7)', [5, NaN, 1]],
    ['coalesce(Age, -1)', [30, -1, 4]],
    ['if(Age > 10, 1, 0)', [1, 0, 0]],
    ['if(flag, 1, 0)', [1, NaN, 0]],
    ['year(seen)', [2024, NaN, 2023]],
    ['month(seen)', [2, NaN, 12]],
    ['day(seen)', [29, NaN, 31]],
    ['weekday(seen)', [3, NaN, 6]],
    ['hour(seen)', [13, NaN, 0]],
    ['len(note)', [11, NaN, 2]],
  ])('%s', (source, expected) => {
    expect(run(source)).toEqual({ kind: 'numeric', values: expected });
  });

  it('text and boolean functions', () => {
    expect(run('lower(note)')).toEqual({ kind: 'text', values: ['hello world', null, 'ok'] });
    expect(run('upper(species)')).toEqual({ kind: 'text', values: ['ADELIE', null, 'GENTOO'] });
    expect(run("note + '!'")).toEqual({ kind: 'text', values: ['Hello World!', null, 'ok!'] });
    expect(run("contains(note, 'World')")).toEqual({ kind: 'boolean', values: [1, 255, 0] });
    expect(run('is_missing(Age)')).toEqual({ kind: 'boolean', values: [0, 1, 0] });
    expect(run("if(flag, 'y', 'n')")).toEqual({ kind: 'text', values: ['y', null, 'n'] });
    expect(run("coalesce(species, 'unknown')")).toEqual({ kind: 'text', values: ['Adelie', 'unknown', 'Gentoo'] });
  });
});

describe('evaluateExpression: errors name the position', () => {
  it.each([
    ['Agee + 1', "Unknown column 'Agee' at position 1 — did you mean 'Age'?\n  Agee + 1\n  ^"],
    ['(Age + 1))', "Unexpected ')' at position 10\n  (Age + 1))\n           ^"],
    ['Age +', 'Unexpected end of expression at position 6\n  Age +\n       ^'],
    ['', 'Empty expression at position 1\n  \n  ^'],
    ["'abc", 'Unclosed string (missing \') at position 1\n  \'abc\n  ^'],
    ['Age # 2', "Unexpected '#' at position 5\n  Age # 2\n      ^"],
    ['sqrt(note)', 'sqrt() needs a number for argument 1, got text at position 1\n  sqrt(note)\n  ^'],
    ['Age + note', "'+' needs numbers but got text at position 5\n  Age + note\n      ^"],
    ['foo(1)', 'Unknown function \'foo\''],
    // Names of Object.prototype members are neither functions nor operators.
    ['__proto__(Age)', 'Unknown function \'__proto__\''],
    ['constructor(Age)', 'Unknown function \'constructor\''],
    ['Age constructor 2', "Unexpected 'constructor' at position 5"],
    ['if(flag, 1)', 'if() takes 3 arguments, got 2 at position 1'],
    ['Age and flag', "'and' needs true/false on both sides but got numeric and boolean at position 5"],
  ])('%s', (source, message) => {
    let error: unknown;
    try {
      evaluateExpression(source, table, 'out');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StudioError);
    expect((error as StudioError).name).toBe('PipelineError');
    expect((error as StudioError).message.startsWith(message)).toBe(true);
  });

  it('never throws anything but a PipelineError on random input (fuzz)', () => {
    const pieces = fc.constantFrom('Age', 'note', 'flag', 'seen', '(', ')', '[', ']', '`', "'", '"', ',', '+', '-', '*', '/', '^', '%', '<', '>=', '==', '!', 'and', 'or', 'not', 'if', 'min', 'round', 'coalesce', 'year', '1', '2.5', 'e', ' ', 'true', '[Body Mass (g)]');
    const source = fc.oneof(fc.string({ maxLength: 40 }), fc.array(pieces, { maxLength: 25 }).map((p) => p.join('')), fc.nat(300).map((d) => '('.repeat(d) + '1' + ')'.repeat(d)));
    fc.assert(
      fc.property(source, (s) => {
        try {
          evaluateExpression(s, table, 'out');
        } catch (error) {
          expect(error instanceof StudioError && error.name === 'PipelineError').toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
