// Scale step: sklearn StandardScaler, MinMaxScaler, RobustScaler and QuantileTransformer (uniform or
// normal output) with statistics from training rows. Missing stays missing. Out-of-range policy:
// min-max does not clip (values outside [0, 1] are counted); quantile clips to the training range (counted).

import { decodeNumbers, encodeNumber, encodeNumbers, type JsonNumber, decodeNumber } from '../json-number';
import { computeNormalQuantile } from '../../stats/normal-quantile';
import { interpolate, linspace, sortPresent } from '../../stats/numpy-stats';
import { quantileSorted } from '../../stats/quantile-sorted';
import type { ScaleStep, ResolvedStep } from '../step-types';
import { createNumericColumn, createStepError, replaceColumns, requireNumeric, type StepDefinition } from '../step-context';

/** Per column: affine `offset`/`scale`, or the training `quantiles` for quantile methods. */
export interface ScaleState {
  readonly columns: { name: string; offset: JsonNumber; scale: JsonNumber; quantiles: JsonNumber[] | null }[];
}

const BOUNDS_THRESHOLD = 1e-7;
const EPSILON = 2.220446049250313e-16;

/** Scale: output = (x − offset) / scale (standard, robust), x·scale + offset (min-max), or quantile map. */
export const scaleStep: StepDefinition<ResolvedStep<ScaleStep>, ScaleState> = {
  fit(step, train) {
    return { columns: step.columns.map((name) => ({ name, ...fitColumn(step, name, requireNumeric(step, train, name)) })) };
  },
  apply(step, state, table, report) {
    const replacements = new Map(
      state.columns.map(({ name, offset, scale, quantiles }) => {
        const values = requireNumeric(step, table, name);
        const out = quantiles
          ? mapQuantiles(values, decodeNumbers(quantiles), step.method === 'quantile_normal', report)
          : mapAffine(values, step.method, decodeNumber(offset), decodeNumber(scale), report);
        return [name, [createNumericColumn(name, out)]];
      }),
    );
    return { table: replaceColumns(table, replacements) };
  },
};

function fitColumn(step: ScaleStep, name: string, values: Float64Array): { offset: JsonNumber; scale: JsonNumber; quantiles: JsonNumber[] | null } {
  const sorted = sortPresent(values);
  const n = sorted.length;
  if (n === 0) throw createStepError(step, `column '${name}' has no values in the training rows to learn a scale from.`);
  switch (step.method) {
    case 'standard': {
      const { mean, scale } = computeStandardStats(sorted);
      return { offset: encodeNumber(mean), scale: encodeNumber(scale), quantiles: null };
    }
    case 'minmax': {
      const range = sorted[n - 1] - sorted[0];
      const scale = 1 / (range === 0 ? 1 : range);
      return { offset: encodeNumber(0 - sorted[0] * scale), scale: encodeNumber(scale), quantiles: null };
    }
    case 'robust': {
      const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
      const median = n % 2 ? sorted[n >> 1] : (sorted[(n >> 1) - 1] + sorted[n >> 1]) / 2;
      return { offset: encodeNumber(median), scale: encodeNumber(iqr === 0 ? 1 : iqr), quantiles: null };
    }
    case 'quantile_uniform':
    case 'quantile_normal': {
      const count = Math.max(1, Math.min(step.nQuantiles ?? 1000, n));
      const quantiles = linspace(0, 1, count).map((ref) => quantileSorted(sorted, (ref * 100) / 100));
      for (let i = 1; i < quantiles.length; i++) quantiles[i] = Math.max(quantiles[i], quantiles[i - 1]);
      return { offset: 0, scale: 1, quantiles: encodeNumbers(quantiles) };
    }
  }
}

function mapAffine(values: Float64Array, method: ScaleStep['method'], offset: number, scale: number, report: { outOfRange: number }): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    out[i] = method === 'minmax' ? values[i] * scale + offset : (values[i] - offset) / scale;
    if (method === 'minmax' && (out[i] < 0 || out[i] > 1)) report.outOfRange++;
  }
  return out;
}

/** sklearn QuantileTransformer._transform_col: two-sided interpolation, bounds, then Φ⁻¹ for 'normal'. */
function mapQuantiles(values: Float64Array, quantiles: number[], normal: boolean, report: { outOfRange: number }): Float64Array {
  const references = linspace(0, 1, quantiles.length);
  const negQuantiles = quantiles.map((q) => -q).reverse();
  const negReferences = references.map((r) => -r).reverse();
  const low = quantiles[0];
  const high = quantiles[quantiles.length - 1];
  const clipMin = computeNormalQuantile(BOUNDS_THRESHOLD - EPSILON);
  const clipMax = computeNormalQuantile(1 - (BOUNDS_THRESHOLD - EPSILON));
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) {
      out[i] = NaN;
      continue;
    }
    if (x < low || x > high) report.outOfRange++;
    let u = 0.5 * (interpolate(x, quantiles, references) - interpolate(-x, negQuantiles, negReferences));
    if (normal ? x + BOUNDS_THRESHOLD > high : x === high) u = 1;
    if (normal ? x - BOUNDS_THRESHOLD < low : x === low) u = 0;
    out[i] = normal ? Math.min(clipMax, Math.max(clipMin, computeNormalQuantile(u))) : u;
  }
  return out;
}

/** sklearn StandardScaler statistics (_incremental_mean_and_var from zero state; constant feature → scale 1). */
export function computeStandardStats(present: ArrayLike<number>): { mean: number; scale: number } {
  const n = present.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += present[i];
  const mean = sum / n;
  let correction = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    correction += present[i] - mean;
    squares += (present[i] - mean) * (present[i] - mean);
  }
  const variance = (squares - (correction * correction) / n) / n;
  const constant = variance <= n * EPSILON * variance + (n * mean * EPSILON) ** 2;
  return { mean, scale: constant ? 1 : Math.sqrt(variance) };
}
