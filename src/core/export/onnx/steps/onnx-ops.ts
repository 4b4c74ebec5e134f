// Small ONNX building blocks the step exporters share: scalar constants, one-output nodes, missing tests,
// string → code lookups and NaN-safe selections. Every per-column tensor is [N, 1] (see graph-builder.ts).

import { ExportError } from '../../../errors';
import type { OnnxGraphBuilder } from '../graph-builder';

/** TensorProto.DataType codes for Cast's `to`. */
export const CAST_DOUBLE = 11;
export const CAST_INT64 = 7;

/** One node with one output; returns the output's name. */
export function emit(builder: OnnxGraphBuilder, opType: string, inputs: readonly string[], hint: string, attributes: Parameters<OnnxGraphBuilder['node']>[3] = {}, domain: '' | 'ai.onnx.ml' = ''): string {
  return builder.node(opType, inputs, [hint], attributes, domain)[0];
}

/** A double scalar (broadcasts against [N, 1]). */
export function constantDouble(builder: OnnxGraphBuilder, value: number, hint = 'c'): string {
  return builder.constant(hint, { type: 'double', dims: [], values: [value] });
}

/** A 1-D double constant. */
export function constantDoubles(builder: OnnxGraphBuilder, values: readonly number[], hint: string): string {
  return builder.constant(hint, { type: 'double', dims: [values.length], values });
}

/** A string scalar. */
export function constantString(builder: OnnxGraphBuilder, value: string, hint = 's'): string {
  return builder.constant(hint, { type: 'string', dims: [], values: [value] });
}

/** bool → double 0/1. */
export function castToDouble(builder: OnnxGraphBuilder, tensor: string, hint = 'as_double'): string {
  return emit(builder, 'Cast', [tensor], hint, { to: { i: CAST_DOUBLE } });
}

/** A bool tensor, true where a double is NaN or a string is "" (the missing conventions). */
export function emitIsMissing(builder: OnnxGraphBuilder, tensor: string, type: 'double' | 'string', hint = 'missing'): string {
  if (type === 'double') return emit(builder, 'IsNaN', [tensor], hint);
  return emit(builder, 'Equal', [tensor, constantString(builder, '')], hint);
}

/** `value` where `condition` (bool), else `otherwise`; any element type, broadcasting. */
export function emitWhere(builder: OnnxGraphBuilder, condition: string, value: string, otherwise: string, hint = 'where'): string {
  return emit(builder, 'Where', [condition, value, otherwise], hint);
}

/** Missing (NaN) where `tensor` is NaN, else `value`: keeps missing missing after a map that would hide it. */
export function keepNaN(builder: OnnxGraphBuilder, source: string, value: string, hint = 'keep_nan'): string {
  return emitWhere(builder, emit(builder, 'IsNaN', [source], 'is_nan'), constantDouble(builder, NaN, 'nan'), value, hint);
}

/**
 * Each label's index in `keys` as int64 (`fallback` for any other label, "" included) — ai.onnx.ml LabelEncoder.
 * An empty `keys` gives `fallback` everywhere. A present empty-string category cannot be told from missing in the
 * graph, so it is an ExportError naming `what`.
 */
export function emitLabelCodes(builder: OnnxGraphBuilder, labels: string, keys: readonly string[], values: readonly number[], fallback: number, what: string): string {
  if (keys.includes('')) throw new ExportError(`${what} has an empty-text category (""), which ONNX inputs use for missing; recode that category in the data (e.g. to "(blank)") and retrain before exporting.`);
  if (keys.length === 0) {
    const shape = emit(builder, 'Shape', [labels], 'shape');
    return emit(builder, 'ConstantOfShape', [shape], 'codes', { value: { t: { type: 'int64', dims: [1], values: [BigInt(fallback)] } } });
  }
  return emit(builder, 'LabelEncoder', [labels], 'codes', { keys_strings: { strings: keys }, values_int64s: { ints: values }, default_int64: { i: fallback } }, 'ai.onnx.ml');
}

/** table[code] as double for int64 codes in [−1, table.length): −1 reads the table's last entry (Gather counts from the end). */
export function emitGatherDoubles(builder: OnnxGraphBuilder, codes: string, table: readonly number[], hint: string): string {
  return emit(builder, 'Gather', [constantDoubles(builder, table, `${hint}_table`), codes], hint, { axis: { i: 0 } });
}

/** log(1 + x) accurate for small x (Goldberg's trick: equals Math.log1p within a few ulps; ±∞ and NaN as log1p). */
export function emitLog1p(builder: OnnxGraphBuilder, x: string, hint = 'log1p'): string {
  const u = emit(builder, 'Add', [x, constantDouble(builder, 1)], 'one_plus');
  const ratio = emit(builder, 'Div', [x, emit(builder, 'Sub', [u, constantDouble(builder, 1)], 'u_minus_1')], 'ratio');
  const scaled = emit(builder, 'Mul', [emit(builder, 'Log', [u], 'log_u'), ratio], 'scaled');
  const isOne = emit(builder, 'Equal', [u, constantDouble(builder, 1)], 'u_is_1');
  const finite = emitWhere(builder, isOne, x, scaled, 'log1p_finite');
  return emitWhere(builder, emit(builder, 'IsInf', [x], 'is_inf'), x, finite, hint);
}

/** floor(a / b) for doubles. */
export function emitFloorDiv(builder: OnnxGraphBuilder, a: string, b: number, hint = 'floor_div'): string {
  return emit(builder, 'Floor', [emit(builder, 'Div', [a, constantDouble(builder, b)], 'quotient')], hint);
}

/** a − b·floor(a / b): the non-negative remainder for b > 0. */
export function emitFloorMod(builder: OnnxGraphBuilder, a: string, b: number, hint = 'floor_mod'): string {
  return emit(builder, 'Sub', [a, emit(builder, 'Mul', [emitFloorDiv(builder, a, b), constantDouble(builder, b)], 'multiple')], hint);
}
