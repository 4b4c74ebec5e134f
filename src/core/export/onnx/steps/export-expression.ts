// Compiles the expression language (core/expression) to ONNX nodes with the interpreter's semantics: missing
// propagates, comparisons with a missing side are false, and/or are three-valued, x / 0 and x % 0 are missing.
// An operator or function without a faithful ONNX form is an ExportError naming the step, expression and function.

import { ExportError } from '../../../errors';
import { parseExpression, type ExpressionNode } from '../../../expression/parse';
import type { OnnxGraphBuilder } from '../graph-builder';
import { compileCall } from './export-expression-calls';
import { castToDouble, constantDouble, constantString, emit, emitIsMissing, emitWhere } from './onnx-ops';
import type { OnnxColumns } from './step-exporter';

/** A compiled sub-expression: [N, 1] double (numeric, datetime, boolean 0/1/NaN) or string ("" missing); `scalar` when no column feeds it. */
export interface CompiledValue {
  readonly kind: 'numeric' | 'datetime' | 'boolean' | 'text';
  readonly tensor: string;
  readonly scalar: boolean;
  /** A text literal's value (compared with a datetime, it is parsed as a date at export time). */
  readonly literal?: string;
}

/** Where a compiled expression sits, for error messages and the nodes it emits. */
export interface ExpressionScope {
  readonly builder: OnnxGraphBuilder;
  readonly columns: OnnxColumns;
  readonly source: string;
  /** "Step 'd1' (derive)". */
  readonly stepLabel: string;
}

/** Compiles `source` over `columns` to one [N, 1] value (a constant expression is broadcast to the rows). */
export function compileExpression(scope: ExpressionScope): CompiledValue {
  const value = compileNode(parseExpression(scope.source), scope);
  if (!value.scalar) return value;
  const anyColumn = scope.columns.values().next().value;
  if (!anyColumn) throw new ExportError(`${scope.stepLabel}: expression '${scope.source}' reads no column and no column is left to take the row count from.`);
  const shape = emit(scope.builder, 'Shape', [anyColumn.tensor], 'rows_shape');
  return { ...value, tensor: emit(scope.builder, 'Expand', [value.tensor, shape], 'broadcast'), scalar: false };
}

/** An ExportError for a construct of `source` that has no faithful ONNX form (or that the studio itself rejects). */
export function createExpressionExportError(scope: ExpressionScope, what: string): ExportError {
  return new ExportError(`${scope.stepLabel} cannot be exported to ONNX: in expression '${scope.source}', ${what}`);
}

/** Compiles one node. */
export function compileNode(node: ExpressionNode, scope: ExpressionScope): CompiledValue {
  const { builder } = scope;
  switch (node.type) {
    case 'literal':
      return compileLiteral(node.value, scope);
    case 'column': {
      const column = scope.columns.get(node.name);
      if (!column) throw createExpressionExportError(scope, `column '${node.name}' is not among the exported inputs at this point.`);
      const kind = column.kind === 'categorical' ? 'text' : column.kind;
      return { kind, tensor: column.tensor, scalar: false };
    }
    case 'unary': {
      const v = compileNode(node.operand, scope);
      if (node.op === '-') return { kind: 'numeric', tensor: emit(builder, 'Neg', [requireNumber(v, "'-'", scope)], 'neg'), scalar: v.scalar };
      if (v.kind !== 'boolean') throw createExpressionExportError(scope, `'not' needs true/false but gets ${v.kind} (the studio rejects this too).`);
      return { kind: 'boolean', tensor: emit(builder, 'Sub', [constantDouble(builder, 1), v.tensor], 'not'), scalar: v.scalar };
    }
    case 'binary':
      return compileBinary(node.op, compileNode(node.left, scope), compileNode(node.right, scope), scope);
    case 'call':
      return compileCall(node.name, node.args.map((arg) => compileNode(arg, scope)), node.args, scope);
  }
}

function compileLiteral(value: number | string | boolean, scope: ExpressionScope): CompiledValue {
  if (typeof value === 'number') return { kind: 'numeric', tensor: constantDouble(scope.builder, value, 'literal'), scalar: true };
  if (typeof value === 'boolean') return { kind: 'boolean', tensor: constantDouble(scope.builder, value ? 1 : 0, 'literal'), scalar: true };
  if (value === '') throw createExpressionExportError(scope, "the empty text '' cannot be told from a missing value in ONNX string inputs; compare with is_missing() instead.");
  return { kind: 'text', tensor: constantString(scope.builder, value, 'literal'), scalar: true, literal: value };
}

/** The double tensor of a numeric or datetime value. */
export function requireNumber(v: CompiledValue, what: string, scope: ExpressionScope): string {
  if (v.kind === 'numeric' || v.kind === 'datetime') return v.tensor;
  throw createExpressionExportError(scope, `${what} needs numbers but gets ${v.kind} (the studio rejects this too).`);
}

/** Bool tensor: the value is missing. */
export function emitValueMissing(builder: OnnxGraphBuilder, v: CompiledValue): string {
  return emitIsMissing(builder, v.tensor, v.kind === 'text' ? 'string' : 'double');
}

function compileBinary(op: string, a: CompiledValue, b: CompiledValue, scope: ExpressionScope): CompiledValue {
  const { builder } = scope;
  const scalar = a.scalar && b.scalar;
  const c = (v: number) => constantDouble(builder, v);
  if (op === 'and' || op === 'or') {
    if (a.kind !== 'boolean' || b.kind !== 'boolean') throw createExpressionExportError(scope, `'${op}' needs true/false on both sides (the studio rejects this too).`);
    const decisive = op === 'and' ? 0 : 1; // false decides 'and', true decides 'or', even against missing
    const decides = emit(builder, 'Or', [emit(builder, 'Equal', [a.tensor, c(decisive)], 'a_decides'), emit(builder, 'Equal', [b.tensor, c(decisive)], 'b_decides')], 'decided');
    const unknown = emit(builder, 'Or', [emit(builder, 'IsNaN', [a.tensor], 'a_nan'), emit(builder, 'IsNaN', [b.tensor], 'b_nan')], 'unknown');
    const undecided = emitWhere(builder, unknown, c(NaN), c(1 - decisive), 'undecided');
    return { kind: 'boolean', tensor: emitWhere(builder, decides, c(decisive), undecided, op), scalar };
  }
  if (['==', '!=', '<', '<=', '>', '>='].includes(op)) return compileComparison(op, a, b, scope);
  if (op === '+' && a.kind === 'text' && b.kind === 'text') {
    const missing = emit(builder, 'Or', [emitValueMissing(builder, a), emitValueMissing(builder, b)], 'either_missing');
    const joined = emit(builder, 'StringConcat', [a.tensor, b.tensor], 'concat');
    return { kind: 'text', tensor: emitWhere(builder, missing, constantString(builder, ''), joined, 'concat_or_missing'), scalar };
  }
  const x = requireNumber(a, `'${op}'`, scope);
  const y = requireNumber(b, `'${op}'`, scope);
  const arithmetic: Record<string, () => string> = {
    '+': () => emit(builder, 'Add', [x, y], 'add'),
    '-': () => emit(builder, 'Sub', [x, y], 'sub'),
    '*': () => emit(builder, 'Mul', [x, y], 'mul'),
    '/': () => emitWhere(builder, emit(builder, 'Equal', [y, c(0)], 'by_zero'), c(NaN), emit(builder, 'Div', [x, y], 'div'), 'div_safe'),
    '%': () => emitWhere(builder, emit(builder, 'Equal', [y, c(0)], 'by_zero'), c(NaN), emit(builder, 'Mod', [x, y], 'mod', { fmod: { i: 1 } }), 'mod_safe'),
    // Math.pow(±1, NaN or ±∞) is NaN; C's pow (ONNX Runtime) gives 1.
    '^': () => {
      const unitBase = emit(builder, 'Equal', [emit(builder, 'Abs', [x], 'abs_base'), c(1)], 'unit_base');
      const wildExponent = emit(builder, 'Or', [emit(builder, 'IsNaN', [y], 'exp_nan'), emit(builder, 'IsInf', [y], 'exp_inf')], 'wild_exponent');
      return emitWhere(builder, emit(builder, 'And', [unitBase, wildExponent], 'js_nan'), c(NaN), emit(builder, 'Pow', [x, y], 'pow'), 'pow_js');
    },
  };
  return { kind: 'numeric', tensor: arithmetic[op](), scalar };
}

function compileComparison(op: string, a: CompiledValue, b: CompiledValue, scope: ExpressionScope): CompiledValue {
  const { builder } = scope;
  const left = toComparable(a, b, scope);
  const right = toComparable(b, a, scope);
  if (left.kind !== right.kind) throw createExpressionExportError(scope, `it compares ${a.kind} with ${b.kind} (the studio rejects this too).`);
  if (op !== '==' && op !== '!=' && left.kind === 'boolean') throw createExpressionExportError(scope, `'${op}' cannot order true/false values (the studio rejects this too).`);
  if (op !== '==' && op !== '!=' && left.kind === 'text') throw createExpressionExportError(scope, `'${op}' orders text, which ONNX has no operator for; compare numbers or test equality.`);
  const opType: Record<string, string> = { '==': 'Equal', '!=': 'Equal', '<': 'Less', '<=': 'LessOrEqual', '>': 'Greater', '>=': 'GreaterOrEqual' };
  let test = emit(builder, opType[op], [left.tensor, right.tensor], 'compare');
  if (op === '!=') test = emit(builder, 'Not', [test], 'not_equal');
  const present = emit(builder, 'Not', [emit(builder, 'Or', [emitValueMissing(builder, left), emitValueMissing(builder, right)], 'any_missing')], 'both_present');
  return { kind: 'boolean', tensor: castToDouble(builder, emit(builder, 'And', [present, test], 'comparison')), scalar: a.scalar && b.scalar };
}

/** Datetimes compare as epoch ms; a text literal compared with a datetime is parsed now, as Date.parse would per row. */
function toComparable(v: CompiledValue, other: CompiledValue, scope: ExpressionScope): CompiledValue {
  if (v.kind === 'datetime') return { ...v, kind: 'numeric' };
  if (v.kind !== 'text' || other.kind !== 'datetime') return v;
  const literal = v.literal;
  if (literal === undefined) throw createExpressionExportError(scope, 'it compares a text column with a date, which parses text per row (no ONNX operator does); compare the date with a literal date.');
  const ms = Date.parse(literal);
  if (Number.isNaN(ms)) throw createExpressionExportError(scope, `'${literal}' is not a date (the studio rejects this too).`);
  return { kind: 'numeric', tensor: constantDouble(scope.builder, ms, 'date_literal'), scalar: true };
}
