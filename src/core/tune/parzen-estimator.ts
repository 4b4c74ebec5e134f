// The Parzen estimator of one parameter, as Optuna's TPE builds it (optuna/samplers/_tpe/parzen_estimator.py,
// univariate): one kernel per observed value plus a prior kernel. Numbers: truncated Gaussians in log space where
// the range is logarithmic, each σ the larger gap to its sorted neighbours, clipped to [range / min(100, 1 + kernels),
// range]; whole numbers are bins of width 1. Choices and flags: each observation's option plus a smoothing prior.

import type { HyperparameterValue } from '../models/types';
import { computeNormalQuantile } from '../stats/normal-quantile';
import type { ParamRange } from './types';

/** An observed value and its weight (recent observations weigh more once there are many). */
export interface WeightedValue {
  readonly value: HyperparameterValue;
  readonly weight: number;
}

export interface ParzenEstimator {
  sample(random: () => number): HyperparameterValue;
  /** Log density (numbers, in the transformed space) or log probability (whole numbers' bins, options). */
  logDensity(value: HyperparameterValue): number;
}

/** The estimator over `observed` (values the range cannot hold are ignored) with a prior kernel of weight `priorWeight`. */
export function buildParzenEstimator(range: ParamRange, observed: readonly WeightedValue[], priorWeight = 1): ParzenEstimator {
  if (range.kind === 'choice') return buildCategorical(range.options, observed, priorWeight);
  if (range.kind === 'bool') return buildCategorical([false, true], observed, priorWeight);
  return buildNumeric(range, observed, priorWeight);
}

type NumberRange = Extract<ParamRange, { kind: 'int' | 'float' }>;

function buildNumeric(range: NumberRange, observed: readonly WeightedValue[], priorWeight: number): ParzenEstimator {
  const isInt = range.kind === 'int';
  const to = (x: number) => (range.log ? Math.log(x) : x);
  const low = to(isInt ? range.min - 0.5 : range.min);
  const high = to(isInt ? range.max + 0.5 : range.max);
  const kept = observed.filter((o) => typeof o.value === 'number' && Number.isFinite(o.value));
  const mus = kept.map((o) => to(Math.min(range.max, Math.max(range.min, o.value as number))));
  const sigmas = chooseBandwidths(mus, low, high);
  mus.push((low + high) / 2);
  sigmas.push(high - low);
  const weights = normalise([...kept.map((o) => o.weight), kept.length === 0 ? 1 : priorWeight]);
  const masses = mus.map((mu, k) => measureNormalMass((low - mu) / sigmas[k], (high - mu) / sigmas[k]));
  const clampValue = (x: number) => Math.min(range.max, Math.max(range.min, x));
  return {
    sample(random) {
      const k = pickIndex(weights, random());
      const lower = computeNormalCdf((low - mus[k]) / sigmas[k]);
      const upper = computeNormalCdf((high - mus[k]) / sigmas[k]);
      const t = Math.min(high, Math.max(low, mus[k] + sigmas[k] * computeNormalQuantile(lower + random() * (upper - lower))));
      const x = range.log ? Math.exp(t) : t;
      return isInt ? clampValue(Math.round(x)) : clampValue(x);
    },
    logDensity(value) {
      const x = clampValue(value as number);
      let sum = 0;
      for (let k = 0; k < mus.length; k++) {
        if (isInt) {
          sum += (weights[k] * measureNormalMass((to(x - 0.5) - mus[k]) / sigmas[k], (to(x + 0.5) - mus[k]) / sigmas[k])) / masses[k];
        } else {
          const z = (to(x) - mus[k]) / sigmas[k];
          sum += (weights[k] * Math.exp(-0.5 * z * z)) / (Math.sqrt(2 * Math.PI) * sigmas[k] * masses[k]);
        }
      }
      return Math.log(sum);
    },
  };
}

/** Optuna's univariate bandwidths: per sorted μ (the prior's centre among them), the larger gap to a neighbour, the bounds as outer neighbours; the outermost take their inner gap; clipped. */
function chooseBandwidths(mus: readonly number[], low: number, high: number): number[] {
  const withPrior = [...mus, (low + high) / 2];
  const order = withPrior.map((_, i) => i).sort((a, b) => withPrior[a] - withPrior[b]);
  const s = [low, ...order.map((i) => withPrior[i]), high];
  const sorted = order.map((_, j) => Math.max(s[j + 1] - s[j], s[j + 2] - s[j + 1]));
  if (s.length >= 4) {
    sorted[0] = s[2] - s[1];
    sorted[sorted.length - 1] = s[s.length - 2] - s[s.length - 3];
  }
  const sigmas = new Array<number>(withPrior.length);
  order.forEach((i, j) => (sigmas[i] = sorted[j]));
  const minSigma = (high - low) / Math.min(100, 1 + withPrior.length);
  return sigmas.slice(0, mus.length).map((sigma) => Math.min(high - low, Math.max(minSigma, sigma)));
}

function buildCategorical(options: readonly HyperparameterValue[], observed: readonly WeightedValue[], priorWeight: number): ParzenEstimator {
  const kept = observed.filter((o) => options.includes(o.value));
  const weights = normalise([...kept.map((o) => o.weight), kept.length === 0 ? 1 : priorWeight]);
  // Each observation's kernel: its option plus priorWeight / kernels spread over every option, normalised; the prior kernel is uniform.
  const smoothing = priorWeight / (kept.length + 1);
  const probabilities = options.map(() => weights[kept.length] / options.length);
  kept.forEach((o, k) => {
    const share = weights[k] / (1 + smoothing * options.length);
    options.forEach((option, c) => (probabilities[c] += share * ((option === o.value ? 1 : 0) + smoothing)));
  });
  return {
    sample: (random) => options[pickIndex(probabilities, random())],
    logDensity: (value) => Math.log(probabilities[options.indexOf(value)]),
  };
}

function normalise(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

function pickIndex(probabilities: readonly number[], u: number): number {
  let cumulative = 0;
  for (let i = 0; i < probabilities.length; i++) if (u < (cumulative += probabilities[i])) return i;
  return probabilities.length - 1;
}

/** Φ(x), the standard normal CDF, from erfc (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7). */
export function computeNormalCdf(x: number): number {
  return 0.5 * computeErfc(-x / Math.SQRT2);
}

/** Φ(b) − Φ(a) for a ≤ b, from the nearer tail so that narrow bins far out keep their digits. */
function measureNormalMass(a: number, b: number): number {
  return a > 0 ? 0.5 * (computeErfc(a / Math.SQRT2) - computeErfc(b / Math.SQRT2)) : computeNormalCdf(b) - computeNormalCdf(a);
}

function computeErfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const y = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? y : 2 - y;
}
