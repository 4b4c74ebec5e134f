// Fuzzing the expression language (issue #17): any text, and any well-formed tree of operators, calls, columns and
// literals, parses and evaluates to a column or ends in a named StudioError (PipelineError) — never a TypeError, a
// stack overflow or a hang. Seeded: a failure prints its seed and path; FUZZ_SEED / FUZZ_SCALE widen a local hunt.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import type { Table } from '../table/types';
import { textColumn } from '../../test-support/table-builders';
import { evaluateExpression, FUNCTION_NAMES } from './index';

const SEED = Number(process.env.FUZZ_SEED ?? 17);
const runs = (n: number) => Math.round(n * Number(process.env.FUZZ_SCALE ?? 1));
const MAX_MS = 1_000;

const table: Table = {
  rowCount: 4,
  columns: [
    { kind: 'numeric', name: 'x', values: Float64Array.from([1, -2.5, NaN, 0]) },
    { kind: 'categorical', name: '__proto__', codes: Int32Array.from([0, 1, -1, 0]), levels: ['constructor', 'prototype'] },
    textColumn('constructor', ['a', null, 'toString', '']),
    { kind: 'boolean', name: 'flag', values: Uint8Array.from([1, 0, 255, 1]) },
    { kind: 'datetime', name: 'when', values: Float64Array.from([0, 86_400_000, NaN, -1]) },
  ],
};

/** Evaluates `source`; fails on anything but a column or a StudioError, or when too slow. */
function expectNamedOutcome(source: string): void {
  const started = performance.now();
  try {
    const column = evaluateExpression(source, table, 'out');
    expect(column.name).toBe('out');
  } catch (error) {
    if (!(error instanceof StudioError)) throw new Error(`Not a named error for ${JSON.stringify(source.slice(0, 200))}: ${String((error as Error)?.stack ?? error)}`);
    expect(error.message.length).toBeLessThan(2_000); // the source is shown clipped around the problem, never whole
  }
  expect(performance.now() - started).toBeLessThan(MAX_MS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const atom = fc.oneof(
  fc.constantFrom('x', '[__proto__]', '`constructor`', 'flag', 'when', 'nope', 'true', 'false', '1', '0', '1e308', '.5', "'2024-01-31'", "'a'", '""', 'toString', 'constructor', '__proto__'),
  fc.double().map((d) => (Number.isFinite(d) ? String(Math.abs(d)) : '1')),
);
const operator = fc.constantFrom('+', '-', '*', '/', '%', '^', '==', '!=', '<', '<=', '>', '>=', 'and', 'or', '&&', '||', '=', '<>');
const functionName = fc.constantFrom(...FUNCTION_NAMES, 'toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf');
/** Well-formed expressions (types not checked), so evaluation is reached, not just the parser's errors. */
const expression = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc.tuple(tie('node'), operator, tie('node')).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(fc.constantFrom('-', 'not ', '!', '+'), tie('node')).map(([op, a]) => `${op}${a}`),
    tie('node').map((a) => `(${a})`),
    fc.tuple(functionName, fc.array(tie('node'), { maxLength: 3 })).map(([name, args]) => `${name}(${args.join(', ')})`),
  ),
})).node;

describe('expression fuzzing: any text ends in a column or a named error', () => {
  it('arbitrary strings, full Unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), expectNamedOutcome), { seed: SEED, numRuns: runs(500) });
  });

  it('strings over the language\'s own characters', () => {
    const unit = fc.constantFrom('(', ')', '[', ']', '`', "'", '"', ',', '+', '-', '*', '/', '^', '%', '=', '!', '<', '>', '&', '|', ' ', '1', '.', 'e', 'x', 'a', 'n', 'd', 'o', 'r');
    fc.assert(fc.property(fc.string({ unit, maxLength: 60 }), expectNamedOutcome), { seed: SEED, numRuns: runs(2_000) });
  });

  it('well-formed trees of operators, calls, columns and literals', () => {
    fc.assert(fc.property(expression, expectNamedOutcome), { seed: SEED, numRuns: runs(1_500) });
  });

  it('deep and long shapes: nesting, chains and argument lists up to 100,000 long', () => {
    const shape = fc.constantFrom(
      (n: number) => `${'('.repeat(n)}x${')'.repeat(n)}`,
      (n: number) => `${'-'.repeat(n)}x`,
      (n: number) => `${'not '.repeat(n)}flag`,
      (n: number) => Array(n).fill('x').join(' + '),
      (n: number) => Array(n).fill('x').join(' ^ '),
      (n: number) => `(${Array(n).fill('x').join(' * ')}) - (${Array(n).fill('x').join(' / ')})`,
      (n: number) => `min(${Array(n).fill('x').join(', ')})`,
      (n: number) => `${'abs('.repeat(n)}x${')'.repeat(n)}`,
      (n: number) => `'${'q'.repeat(n)}`,
      (n: number) => `${Array(n).fill('(x + x').join(' * ')}${')'.repeat(n)}`,
    );
    fc.assert(fc.property(shape, fc.constantFrom(99, 100, 101, 1_000, 10_000, 100_000), (make, n) => expectNamedOutcome(make(n))), { seed: SEED, numRuns: runs(60) });
  });
});
