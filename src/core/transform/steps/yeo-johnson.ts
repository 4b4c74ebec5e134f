// Yeo–Johnson step (sklearn PowerTransformer(method='yeo-johnson')): λ per column by maximum likelihood
// on training rows (SciPy Brent from the bracket (−2, 2)), then optional standardisation (default on)
// with mean and scale of the transformed training values. Missing stays missing; no range policy needed.

import { decodeNumber, encodeNumber, type JsonNumber } from '../json-number';
import { minimizeBrent } from '../brent-minimize';
import { sumPairwise, varianceNumpy } from '../../stats/numpy-stats';
import type { YeoJohnsonStep, ResolvedStep } from '../step-types';
import { createNumericColumn, createStepError, replaceColumns, requireNumeric, type StepDefinition } from '../step-context';
import { computeStandardStats } from './scale';

export interface YeoJohnsonState {
  readonly columns: { name: string; lambda: JsonNumber; mean: JsonNumber; scale: JsonNumber }[];
}

const SPACING_ONE = 2.220446049250313e-16;

/** Yeo–Johnson: output = (ψ(x; λ) − mean) / scale (mean 0, scale 1 when standardize is false). */
export const yeoJohnsonStep: StepDefinition<ResolvedStep<YeoJohnsonStep>, YeoJohnsonState> = {
  fit(step, train) {
    return {
      columns: step.columns.map((name) => {
        const present = requireNumeric(step, train, name).filter((x) => !Number.isNaN(x));
        if (present.length === 0) throw createStepError(step, `column '${name}' has no values in the training rows to fit λ.`);
        const lambda = fitYeoJohnsonLambda(present);
        const { mean, scale } = step.standardize === false ? { mean: 0, scale: 1 } : computeStandardStats(transformYeoJohnson(present, lambda));
        return { name, lambda: encodeNumber(lambda), mean: encodeNumber(mean), scale: encodeNumber(scale) };
      }),
    };
  },
  apply(step, state, table) {
    const replacements = new Map(
      state.columns.map(({ name, lambda, mean, scale }) => {
        const transformed = transformYeoJohnson(requireNumeric(step, table, name), decodeNumber(lambda));
        const m = decodeNumber(mean);
        const s = decodeNumber(scale);
        return [name, [createNumericColumn(name, transformed.map((v) => (v - m) / s))]];
      }),
    );
    return { table: replaceColumns(table, replacements) };
  },
};

/** ψ(x; λ), sklearn's _yeo_johnson_transform (NaN stays NaN). */
export function transformYeoJohnson(x: Float64Array, lambda: number): Float64Array {
  return x.map((v) => {
    if (v >= 0) return Math.abs(lambda) < SPACING_ONE ? Math.log1p(v) : (Math.pow(v + 1, lambda) - 1) / lambda;
    if (v < 0) return Math.abs(lambda - 2) > SPACING_ONE ? -(Math.pow(-v + 1, 2 - lambda) - 1) / (2 - lambda) : -Math.log1p(-v);
    return NaN;
  });
}

/** λ maximising the Yeo–Johnson log-likelihood of the present values (sklearn _yeo_johnson_optimize). */
export function fitYeoJohnsonLambda(present: Float64Array): number {
  const n = present.length;
  const signedLogs = present.map((v) => Math.sign(v) * Math.log1p(Math.abs(v)));
  const logSum = sumPairwise(signedLogs);
  const negativeLogLikelihood = (lambda: number): number => {
    const variance = varianceNumpy(transformYeoJohnson(present, lambda));
    if (variance < 2.2250738585072014e-308) return Infinity;
    return -((-n / 2) * Math.log(variance) + (lambda - 1) * logSum);
  };
  return minimizeBrent(negativeLogLikelihood, -2, 2);
}
