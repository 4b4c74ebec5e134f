import { describe, expect, it } from 'vitest';
import { createRandom } from '../random/prng';
import { buildParzenEstimator, computeNormalCdf } from './parzen-estimator';
import type { ParamRange } from './types';

const integrate = (f: (x: number) => number, a: number, b: number, steps = 20_000) => {
  const h = (b - a) / steps;
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += f(a + (i + 0.5) * h) * h;
  return sum;
};

describe('buildParzenEstimator', () => {
  it('is a density on the (log-)range: it integrates to 1 in the transformed space', () => {
    const range: ParamRange = { kind: 'float', name: 'x', min: 0.001, max: 10, log: true };
    const estimator = buildParzenEstimator(range, [{ value: 0.01, weight: 1 }, { value: 0.02, weight: 1 }, { value: 3, weight: 0.5 }]);
    expect(integrate((t) => Math.exp(estimator.logDensity(Math.exp(t))), Math.log(0.001), Math.log(10))).toBeCloseTo(1, 4);
  });

  it('gives whole numbers probabilities that sum to 1, most near the observations', () => {
    const range: ParamRange = { kind: 'int', name: 'k', min: 1, max: 20, log: false };
    const estimator = buildParzenEstimator(range, [{ value: 4, weight: 1 }, { value: 5, weight: 1 }]);
    const p = Array.from({ length: 20 }, (_, i) => Math.exp(estimator.logDensity(i + 1)));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(p.indexOf(Math.max(...p)) + 1).toBeGreaterThanOrEqual(4);
    expect(p.indexOf(Math.max(...p)) + 1).toBeLessThanOrEqual(5);
    const random = createRandom(1);
    const draws = Array.from({ length: 500 }, () => estimator.sample(random) as number);
    expect(draws.every((k) => Number.isInteger(k) && k >= 1 && k <= 20)).toBe(true);
  });

  it('weighs options as Optuna: each observation its option plus prior / kernels on every option, and a uniform prior kernel', () => {
    const range: ParamRange = { kind: 'choice', name: 'c', options: ['a', 'b', 'c'] };
    // Kernels: two observations of 'a' and the prior, weights 1/3 each; smoothing 1/3 per option.
    // Observation rows: a (1 + 1/3) / 2, b and c (1/3) / 2; prior row 1/3 each.
    const estimator = buildParzenEstimator(range, [{ value: 'a', weight: 1 }, { value: 'a', weight: 1 }]);
    const p = range.options.map((o) => Math.exp(estimator.logDensity(o)));
    expect(p[0]).toBeCloseTo((2 / 3) * (2 / 3) + 1 / 9, 12);
    expect(p[1]).toBeCloseTo((2 / 3) * (1 / 6) + 1 / 9, 12);
    expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 12);
    expect(buildParzenEstimator({ kind: 'bool', name: 'b' }, []).logDensity(true)).toBeCloseTo(Math.log(0.5), 12);
  });
});

describe('computeNormalCdf', () => {
  it('matches reference values of Φ (scipy.stats.norm.cdf) to 1e-7', () => {
    expect(computeNormalCdf(0)).toBeCloseTo(0.5, 7);
    expect(computeNormalCdf(1.96)).toBeCloseTo(0.9750021048517795, 7);
    expect(computeNormalCdf(-3)).toBeCloseTo(0.0013498980316301, 7);
  });
});
