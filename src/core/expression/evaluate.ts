// Interpreter: evaluates an expression over every row of a table at once (one typed array per AST node),
// without eval or Function. Missing propagates; comparisons with a missing side are false; and/or use
// three-valued logic (false and missing = false, true or missing = true); x / 0 and x % 0 are missing.

import { createTextColumn, readTexts } from '../table/text-column';
import type { Column, Table } from '../table/types';
import { clipText, createExpressionError } from './expression-error';
import { callFunction } from './functions';
import { parseExpression, type BinaryOperator, type ExpressionNode } from './parse';
import { fillLiteral, isMissingAt, mapBoolean, mapNumeric, mapText, MISSING_BOOLEAN, type Vector } from './vectors';

/** Evaluates `source` over `table` into a column called `name` (kind numeric, boolean, text or datetime). */
export function evaluateExpression(source: string, table: Table, name: string): Column {
  const result = evaluateNode(parseExpression(source), { source, table });
  // Text vectors stay string arrays inside the engine; the column boundary packs them.
  if (result.kind === 'text') return createTextColumn(name, result.values);
  return { ...result, name } as Column;
}

/** Context for evaluating a parsed tree. */
export interface EvaluationContext {
  readonly source: string;
  readonly table: Table;
}

/** Evaluates one node (and its children) to a vector of table.rowCount values. */
export function evaluateNode(node: ExpressionNode, ctx: EvaluationContext): Vector {
  const n = ctx.table.rowCount;
  switch (node.type) {
    case 'literal':
      return fillLiteral(node.value, n);
    case 'column':
      return readColumn(node.name, node.start, ctx);
    case 'unary': {
      const v = evaluateNode(node.operand, ctx);
      if (node.op === '-') {
        const x = requireNumber(v, '-', node.start, ctx);
        return mapNumeric(n, (r) => -x[r]);
      }
      if (v.kind !== 'boolean') throw createExpressionError(`'not' needs true/false but got ${v.kind}`, ctx.source, node.start);
      return mapBoolean(n, (r) => (v.values[r] === MISSING_BOOLEAN ? null : v.values[r] === 0));
    }
    case 'binary':
      return evaluateBinary(node.op, evaluateNode(node.left, ctx), evaluateNode(node.right, ctx), node.start, ctx);
    case 'call':
      return callFunction(node.name, node.args.map((a) => evaluateNode(a, ctx)), node, ctx);
  }
}

function readColumn(name: string, start: number, ctx: EvaluationContext): Vector {
  const column = ctx.table.columns.find((c) => c.name === name);
  if (!column) {
    const suggestion = suggestName(name, ctx.table.columns.map((c) => c.name));
    throw createExpressionError(`Unknown column '${clipText(name)}'`, ctx.source, start, suggestion ? `did you mean '${clipText(suggestion)}'?` : undefined);
  }
  if (column.kind === 'categorical') return mapText(ctx.table.rowCount, (r) => (column.codes[r] < 0 ? null : column.levels[column.codes[r]]));
  if (column.kind === 'text') return { kind: 'text', values: readTexts(column) };
  return { kind: column.kind, values: column.values } as Vector;
}

/** The closest column name (case-insensitive edit distance ≤ max(2, a third of the length)), if any. */
export function suggestName(name: string, names: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of names) {
    // The distance is at least the difference in length: skip the quadratic count for names that cannot win.
    if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
    const d = measureEditDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function measureEditDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** The numbers of a numeric or datetime vector, or a PipelineError naming the operator. */
export function requireNumber(v: Vector, what: string, start: number, ctx: EvaluationContext): Float64Array {
  if (v.kind === 'numeric' || v.kind === 'datetime') return v.values;
  throw createExpressionError(`'${what}' needs numbers but got ${v.kind}`, ctx.source, start);
}

function evaluateBinary(op: BinaryOperator, a: Vector, b: Vector, start: number, ctx: EvaluationContext): Vector {
  const n = ctx.table.rowCount;
  if (op === 'and' || op === 'or') {
    if (a.kind !== 'boolean' || b.kind !== 'boolean') throw createExpressionError(`'${op}' needs true/false on both sides but got ${a.kind} and ${b.kind}`, ctx.source, start);
    const decisive = op === 'and' ? 0 : 1; // false decides 'and', true decides 'or', even against missing
    return mapBoolean(n, (r) => {
      const x = a.values[r];
      const y = b.values[r];
      if (x === decisive || y === decisive) return decisive === 1;
      return x === MISSING_BOOLEAN || y === MISSING_BOOLEAN ? null : decisive === 0;
    });
  }
  if (op === '==' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=') return compareVectors(op, a, b, start, ctx);
  if (op === '+' && a.kind === 'text' && b.kind === 'text') return mapText(n, (r) => (a.values[r] === null || b.values[r] === null ? null : `${a.values[r]}${b.values[r]}`));
  const x = requireNumber(a, op, start, ctx);
  const y = requireNumber(b, op, start, ctx);
  const arithmetic: Record<string, (p: number, q: number) => number> = {
    '+': (p, q) => p + q,
    '-': (p, q) => p - q,
    '*': (p, q) => p * q,
    '/': (p, q) => (q === 0 ? NaN : p / q),
    '%': (p, q) => (q === 0 ? NaN : p % q),
    '^': (p, q) => Math.pow(p, q),
  };
  const f = arithmetic[op];
  return mapNumeric(n, (r) => f(x[r], y[r]));
}

function compareVectors(op: BinaryOperator, a: Vector, b: Vector, start: number, ctx: EvaluationContext): Vector {
  const n = ctx.table.rowCount;
  const left = toComparable(a, b, start, ctx);
  const right = toComparable(b, a, start, ctx);
  if (left.kind !== right.kind) throw createExpressionError(`Cannot compare ${a.kind} with ${b.kind}`, ctx.source, start);
  if ((op !== '==' && op !== '!=') && left.kind === 'boolean') throw createExpressionError(`'${op}' cannot order true/false values`, ctx.source, start);
  const test: Record<string, (p: number | string, q: number | string) => boolean> = {
    '==': (p, q) => p === q, '!=': (p, q) => p !== q, '<': (p, q) => p < q, '<=': (p, q) => p <= q, '>': (p, q) => p > q, '>=': (p, q) => p >= q,
  };
  const f = test[op];
  return mapBoolean(n, (r) => (isMissingAt(left, r) || isMissingAt(right, r) ? false : f(left.values[r] as number | string, right.values[r] as number | string)));
}

/** Datetime compared with text parses the text as a date; datetime and numbers compare as epoch ms. */
function toComparable(v: Vector, other: Vector, start: number, ctx: EvaluationContext): Vector {
  if (v.kind === 'datetime') return { kind: 'numeric', values: v.values };
  if (v.kind === 'text' && other.kind === 'datetime') {
    return mapNumeric(ctx.table.rowCount, (r) => {
      if (v.values[r] === null) return NaN;
      const t = Date.parse(v.values[r] as string);
      if (Number.isNaN(t)) throw createExpressionError(`'${clipText(v.values[r] as string)}' is not a date (try '2024-01-31')`, ctx.source, start);
      return t;
    });
  }
  return v;
}
