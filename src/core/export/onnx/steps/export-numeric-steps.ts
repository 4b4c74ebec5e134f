// ONNX forms of the numeric column maps: scale, log1p, Yeo–Johnson, cap outliers and bin — each the same double
// arithmetic, in the same order, as the step's apply, so results match to the last bit or a few ulps.

import { decodeNumber, decodeNumbers } from '../../../transform/json-number';
import type { BinState } from '../../../transform/steps/bin';
import type { CapOutliersState } from '../../../transform/steps/cap-outliers';
import type { ScaleState } from '../../../transform/steps/scale';
import type { YeoJohnsonState } from '../../../transform/steps/yeo-johnson';
import type { BinStep, CapOutliersStep, Log1pStep, ResolvedStep, ScaleStep, YeoJohnsonStep } from '../../../transform/step-types';
import type { OnnxGraphBuilder } from '../graph-builder';
import { constantDouble, constantDoubles, castToDouble, emit, emitLog1p, emitWhere, keepNaN, CAST_INT64 } from './onnx-ops';
import { createUnsupportedError, replaceOnnxColumns, requireOnnxNumeric, type OnnxColumn, type OnnxColumns, type StepExporter } from './step-exporter';

const SPACING_ONE = 2.220446049250313e-16;

/** Replaces each named numeric column by `map(tensor)` (a numeric column of the same name). */
function mapNumericColumns(step: { id: string; kind: ResolvedStep['kind'] }, columns: OnnxColumns, names: readonly string[], map: (tensor: string, name: string, index: number) => string): OnnxColumns {
  const replacements = new Map<string, [string, OnnxColumn][]>(
    names.map((name, index) => [name, [[name, { tensor: map(requireOnnxNumeric(step, columns, name).tensor, name, index), kind: 'numeric' }]]]),
  );
  return replaceOnnxColumns(columns, replacements);
}

/** Standard / robust: (x − offset) / scale; min-max: x·scale + offset; quantile_uniform: numpy's two-sided interp. */
export const exportScale: StepExporter<ResolvedStep<ScaleStep>, ScaleState> = (builder, step, state, columns) => {
  if (step.method === 'quantile_normal') throw createUnsupportedError(step, "method 'quantile_normal' needs the inverse normal CDF, which ONNX has no operator for; use 'quantile_uniform' or 'standard'.");
  return mapNumericColumns(step, columns, state.columns.map((c) => c.name), (x, _name, i) => {
    const { offset, scale, quantiles } = state.columns[i];
    if (quantiles) return emitQuantileUniform(builder, x, decodeNumbers(quantiles));
    const o = constantDouble(builder, decodeNumber(offset), 'offset');
    const s = constantDouble(builder, decodeNumber(scale), 'scale');
    if (step.method === 'minmax') return emit(builder, 'Add', [emit(builder, 'Mul', [x, s], 'times_scale'), o], 'minmax');
    return emit(builder, 'Div', [emit(builder, 'Sub', [x, o], 'centred'), s], 'scaled');
  });
};

/** 0.5·(interp(x, q, r) − interp(−x, −q[::−1], −r[::−1])) with the bounds sklearn sets at the ends; NaN stays NaN. */
function emitQuantileUniform(builder: OnnxGraphBuilder, x: string, quantiles: number[]): string {
  const n = quantiles.length;
  const references = n === 1 ? [0] : Array.from({ length: n }, (_, i) => (i === n - 1 ? 1 : i * (1 / (n - 1))));
  const forward = emitInterpolate(builder, x, quantiles, references);
  const negX = emit(builder, 'Neg', [x], 'neg_x');
  const backward = emitInterpolate(builder, negX, quantiles.map((q) => -q).reverse(), references.map((r) => -r).reverse());
  let u = emit(builder, 'Mul', [emit(builder, 'Sub', [forward, backward], 'two_sided'), constantDouble(builder, 0.5)], 'u');
  u = emitWhere(builder, emit(builder, 'Equal', [x, constantDouble(builder, quantiles[n - 1])], 'at_high'), constantDouble(builder, 1), u, 'u_high');
  u = emitWhere(builder, emit(builder, 'Equal', [x, constantDouble(builder, quantiles[0])], 'at_low'), constantDouble(builder, 0), u, 'u_low');
  return keepNaN(builder, x, u, 'quantile');
}

/** numpy.interp(x, xp, fp) as stats/numpy-stats.ts computes it: j = the last xp[j] ≤ x, slopes precomputed the same way. */
function emitInterpolate(builder: OnnxGraphBuilder, x: string, xp: readonly number[], fp: readonly number[]): string {
  const n = xp.length;
  if (n === 1) return emitWhere(builder, emit(builder, 'IsNaN', [x], 'nan'), x, constantDouble(builder, fp[0]), 'interp');
  const below = emit(builder, 'LessOrEqual', [constantDoubles(builder, xp.slice(0, n - 1), 'xp_head'), x], 'below');
  const count = emit(builder, 'ReduceSum', [castToDouble(builder, below), builder.constant('axis', { type: 'int64', dims: [1], values: [1n] })], 'count', { keepdims: { i: 1 } });
  const j = emit(builder, 'Cast', [emit(builder, 'Max', [emit(builder, 'Sub', [count, constantDouble(builder, 1)], 'j_raw'), constantDouble(builder, 0)], 'j_double')], 'j', { to: { i: CAST_INT64 } });
  const slopes = xp.slice(0, n - 1).map((_, k) => (fp[k + 1] - fp[k]) / (xp[k + 1] - xp[k]));
  const gather = (values: readonly number[], hint: string) => emit(builder, 'Gather', [constantDoubles(builder, values, `${hint}_table`), j], hint, { axis: { i: 0 } });
  const inside = emit(builder, 'Add', [emit(builder, 'Mul', [gather(slopes, 'slope'), emit(builder, 'Sub', [x, gather(xp, 'xp_j')], 'dx')], 'rise'), gather(fp, 'fp_j')], 'inside');
  const high = emitWhere(builder, emit(builder, 'GreaterOrEqual', [x, constantDouble(builder, xp[n - 1])], 'ge_last'), constantDouble(builder, fp[n - 1]), inside, 'clamp_high');
  return emitWhere(builder, emit(builder, 'Less', [x, constantDouble(builder, xp[0])], 'lt_first'), constantDouble(builder, fp[0]), high, 'interp');
}

/** log1p: x ≤ −1 → NaN. */
export const exportLog1p: StepExporter<ResolvedStep<Log1pStep>, null> = (builder, step, _state, columns) =>
  mapNumericColumns(step, columns, step.columns, (x) => {
    const invalid = emit(builder, 'LessOrEqual', [x, constantDouble(builder, -1)], 'le_minus_1');
    return emitWhere(builder, invalid, constantDouble(builder, NaN, 'nan'), emitLog1p(builder, x), 'log1p');
  });

/** (ψ(x; λ) − mean) / scale, the branch for each sign chosen at export time from λ as transformYeoJohnson does. */
export const exportYeoJohnson: StepExporter<ResolvedStep<YeoJohnsonStep>, YeoJohnsonState> = (builder, step, state, columns) =>
  mapNumericColumns(step, columns, state.columns.map((c) => c.name), (x, _name, i) => {
    const lambda = decodeNumber(state.columns[i].lambda);
    const one = constantDouble(builder, 1);
    const positive = Math.abs(lambda) < SPACING_ONE
      ? emitLog1p(builder, x)
      : emit(builder, 'Div', [emit(builder, 'Sub', [emit(builder, 'Pow', [emit(builder, 'Add', [x, one], 'x_plus_1'), constantDouble(builder, lambda)], 'pow'), one], 'pow_minus_1'), constantDouble(builder, lambda)], 'psi_pos');
    const negX = emit(builder, 'Neg', [x], 'neg_x');
    const negative = Math.abs(lambda - 2) > SPACING_ONE
      ? emit(builder, 'Neg', [emit(builder, 'Div', [emit(builder, 'Sub', [emit(builder, 'Pow', [emit(builder, 'Add', [negX, one], 'negx_plus_1'), constantDouble(builder, 2 - lambda)], 'pow'), one], 'pow_minus_1'), constantDouble(builder, 2 - lambda)], 'ratio')], 'psi_neg')
      : emit(builder, 'Neg', [emitLog1p(builder, negX)], 'psi_neg');
    const psi = emitWhere(builder, emit(builder, 'GreaterOrEqual', [x, constantDouble(builder, 0)], 'non_negative'), positive, negative, 'psi');
    const centred = emit(builder, 'Sub', [psi, constantDouble(builder, decodeNumber(state.columns[i].mean), 'mean')], 'centred');
    return emit(builder, 'Div', [centred, constantDouble(builder, decodeNumber(state.columns[i].scale), 'scale')], 'yeo_johnson');
  });

/** x < lower → lower, x > upper → upper, else x (NaN stays NaN). */
export const exportCapOutliers: StepExporter<ResolvedStep<CapOutliersStep>, CapOutliersState> = (builder, step, state, columns) =>
  mapNumericColumns(step, columns, state.columns.map((c) => c.name), (x, _name, i) => {
    const lo = constantDouble(builder, decodeNumber(state.columns[i].lower), 'lower');
    const hi = constantDouble(builder, decodeNumber(state.columns[i].upper), 'upper');
    const capped = emitWhere(builder, emit(builder, 'Greater', [x, hi], 'above'), hi, x, 'cap_high');
    return emitWhere(builder, emit(builder, 'Less', [x, lo], 'below'), lo, capped, 'capped');
  });

/** Bin index: how many edges[1..] lie at or below x + (1e-8 + 1e-5·|x|), at most bins − 1; NaN stays NaN. */
export const exportBin: StepExporter<ResolvedStep<BinStep>, BinState> = (builder, step, state, columns) =>
  mapNumericColumns(step, columns, state.columns.map((c) => c.name), (x, _name, i) => {
    const edges = decodeNumbers(state.columns[i].edges);
    const tolerance = emit(builder, 'Add', [constantDouble(builder, 1e-8), emit(builder, 'Mul', [constantDouble(builder, 1e-5), emit(builder, 'Abs', [x], 'abs')], 'relative')], 'tolerance');
    const shifted = emit(builder, 'Add', [x, tolerance], 'shifted');
    const passed = emit(builder, 'LessOrEqual', [constantDoubles(builder, edges.slice(1), 'edges'), shifted], 'passed');
    const count = emit(builder, 'ReduceSum', [castToDouble(builder, passed), builder.constant('axis', { type: 'int64', dims: [1], values: [1n] })], 'count', { keepdims: { i: 1 } });
    return keepNaN(builder, x, emit(builder, 'Min', [count, constantDouble(builder, edges.length - 2)], 'bin_raw'), 'bin');
  });
