// The expression language's functions (core/expression/functions.ts) as ONNX nodes. lower(), upper() and len()
// have no faithful form (Unicode case mapping, code-point counts) and contains() needs a literal part; those are
// ExportErrors naming the function.

import type { ExpressionNode } from '../../../expression/parse';
import { createCalendar } from './export-date-parts';
import { createExpressionExportError, emitValueMissing, requireNumber, type CompiledValue, type ExpressionScope } from './export-expression';
import { castToDouble, constantDouble, constantString, emit, emitLog1p, emitWhere } from './onnx-ops';

const UNARY_MATH: Record<string, { op: string; valid?: { test: 'Greater' | 'GreaterOrEqual'; bound: number } }> = {
  abs: { op: 'Abs' },
  log: { op: 'Log', valid: { test: 'Greater', bound: 0 } },
  log1p: { op: 'log1p', valid: { test: 'Greater', bound: -1 } },
  exp: { op: 'Exp' },
  sqrt: { op: 'Sqrt', valid: { test: 'GreaterOrEqual', bound: 0 } },
  floor: { op: 'Floor' },
  ceil: { op: 'Ceil' },
};
const DATE_PARTS = new Set(['year', 'month', 'day', 'weekday', 'hour']);

/** Compiles a call to function `name` on compiled `args` (`nodes`: their syntax, for literal arguments). */
export function compileCall(name: string, args: CompiledValue[], nodes: readonly ExpressionNode[], scope: ExpressionScope): CompiledValue {
  const { builder } = scope;
  const c = (v: number) => constantDouble(builder, v);
  const scalar = args.every((a) => a.scalar);
  const numeric = (tensor: string): CompiledValue => ({ kind: 'numeric', tensor, scalar });
  const fail = (what: string) => createExpressionExportError(scope, `${name}() ${what}`);
  if (Object.hasOwn(UNARY_MATH, name)) {
    if (args.length !== 1) throw fail('takes 1 argument (the studio rejects this too).');
    const x = requireNumber(args[0], `${name}()`, scope);
    const { op, valid } = UNARY_MATH[name];
    const value = op === 'log1p' ? emitLog1p(builder, x) : emit(builder, op, [x], name);
    return numeric(valid ? emitWhere(builder, emit(builder, valid.test, [x, c(valid.bound)], 'in_domain'), value, c(NaN), `${name}_safe`) : value);
  }
  if (DATE_PARTS.has(name)) {
    if (args.length !== 1 || args[0].kind !== 'datetime') throw fail('needs one date (the studio rejects this too).');
    return numeric(createCalendar(builder, args[0].tensor)(name as 'year'));
  }
  switch (name) {
    case 'min':
    case 'max': {
      if (args.length === 0) throw fail('needs at least 1 argument (the studio rejects this too).');
      const xs = args.map((a) => requireNumber(a, `${name}()`, scope));
      // Math.min/max give NaN when any argument is NaN; the ONNX ops' NaN handling is not specified, so mask.
      const anyNaN = xs.map((x) => emit(builder, 'IsNaN', [x], 'nan')).reduce((p, q) => emit(builder, 'Or', [p, q], 'any_nan'));
      const picked = xs.length === 1 ? xs[0] : emit(builder, name === 'min' ? 'Min' : 'Max', xs, name);
      return numeric(emitWhere(builder, anyNaN, c(NaN), picked, `${name}_js`));
    }
    case 'round': {
      if (args.length < 1 || args.length > 2) throw fail('takes 1 to 2 arguments (the studio rejects this too).');
      const x = requireNumber(args[0], 'round()', scope);
      const digits = nodes[1];
      const scale = args.length === 1 ? c(1) : digits.type === 'literal' && typeof digits.value === 'number' ? c(10 ** digits.value) : emit(builder, 'Pow', [c(10), requireNumber(args[1], 'round()', scope)], 'scale');
      const v = emit(builder, 'Mul', [x, scale], 'scaled');
      const down = emit(builder, 'Floor', [v], 'down');
      // Math.round: halves go up; floor(v + 0.5) would round 0.49999999999999994 up too.
      const up = emit(builder, 'GreaterOrEqual', [emit(builder, 'Sub', [v, down], 'fraction'), c(0.5)], 'rounds_up');
      const rounded = emitWhere(builder, up, emit(builder, 'Add', [down, c(1)], 'next'), down, 'rounded');
      return numeric(emit(builder, 'Div', [rounded, scale], 'round'));
    }
    case 'is_missing':
      if (args.length !== 1) throw fail('takes 1 argument (the studio rejects this too).');
      return { kind: 'boolean', tensor: castToDouble(builder, emitValueMissing(builder, args[0]), 'is_missing'), scalar };
    case 'coalesce':
    case 'if':
      return compileChoice(name, args, scope);
    case 'contains':
      return compileContains(args, nodes, scope);
    case 'lower':
    case 'upper':
      throw fail("changes letter case with JavaScript's Unicode rules, which ONNX's StringNormalizer does not reproduce (e.g. 'ß'); derive the column in the data instead.");
    case 'len':
      throw fail('counts characters, which no ONNX operator does; derive the column in the data instead.');
  }
  throw fail('is not a known function (the studio rejects this too).');
}

/** coalesce(a, b, …): the first present argument; if(c, a, b): a when c is true, b when false, missing when c is. */
function compileChoice(name: 'coalesce' | 'if', args: CompiledValue[], scope: ExpressionScope): CompiledValue {
  const { builder } = scope;
  const scalar = args.every((a) => a.scalar);
  const last = args[args.length - 1];
  const missingValue = () => (last?.kind === 'text' ? constantString(builder, '') : constantDouble(builder, NaN));
  if (name === 'coalesce') {
    if (args.length === 0 || args.some((a) => a.kind !== args[0].kind)) throw createExpressionExportError(scope, 'coalesce() needs arguments of one kind (the studio rejects this too).');
    const tensor = args.reduceRight((rest, a) => emitWhere(builder, emitValueMissing(builder, a), rest, a.tensor, 'coalesce'), missingValue());
    return { kind: last.kind, tensor, scalar };
  }
  if (args.length !== 3 || args[0].kind !== 'boolean' || args[1].kind !== args[2].kind) throw createExpressionExportError(scope, 'if() needs a true/false condition and two branches of one kind (the studio rejects this too).');
  const chosen = emitWhere(builder, emit(builder, 'Equal', [args[0].tensor, constantDouble(builder, 1)], 'is_true'), args[1].tensor, args[2].tensor, 'branch');
  return { kind: last.kind, tensor: emitWhere(builder, emit(builder, 'IsNaN', [args[0].tensor], 'cond_missing'), missingValue(), chosen, 'if'), scalar };
}

/** contains(text, 'literal'): RegexFullMatch on (?s).*<escaped literal>.* (RE2); missing on either side → missing. */
function compileContains(args: CompiledValue[], nodes: readonly ExpressionNode[], scope: ExpressionScope): CompiledValue {
  const { builder } = scope;
  const part = nodes[1];
  if (args.length !== 2 || args[0].kind !== 'text' || args[1].kind !== 'text') throw createExpressionExportError(scope, 'contains() needs two texts (the studio rejects this too).');
  if (part.type !== 'literal' || typeof part.value !== 'string') throw createExpressionExportError(scope, "contains() with a part that varies per row has no ONNX form; use a literal part such as contains(Name, 'Mr').");
  const escaped = Array.from(part.value, (ch) => (/[A-Za-z0-9 ]/.test(ch) ? ch : `\\x{${(ch.codePointAt(0) as number).toString(16)}}`)).join('');
  const matched = emit(builder, 'RegexFullMatch', [args[0].tensor], 'contains', { pattern: { s: `(?s).*${escaped}.*` } });
  const value = castToDouble(builder, matched);
  return { kind: 'boolean', tensor: emitWhere(builder, emitValueMissing(builder, args[0]), constantDouble(builder, NaN), value, 'contains_or_missing'), scalar: args[0].scalar };
}
