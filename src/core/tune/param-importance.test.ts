import { describe, expect, it } from 'vitest';
import type { Hyperparameters } from '../models/types';
import { measureParamImportance } from './param-importance';
import { createRandomSampler } from './random-sampler';
import type { Observation, SearchSpace } from './types';

const SPACE: SearchSpace = {
  family: 'f',
  params: [
    { kind: 'float', name: 'noise', min: 0, max: 1, log: false },
    { kind: 'float', name: 'learningRate', min: 1e-4, max: 1, log: true },
    { kind: 'choice', name: 'booster', options: ['a', 'b', 'c'] },
    { kind: 'int', name: 'depth', min: 1, max: 16, log: false },
  ],
  fixed: {},
};

// The loss follows learningRate (in log space) strongly, the booster a little, depth and `noise` not at all.
const loss = (p: Hyperparameters) => (Math.log10(p.learningRate as number) + 2) ** 2 + (p.booster === 'c' ? 0.5 : 0);

const observe = (count: number, seed: number): Observation[] =>
  createRandomSampler(SPACE, seed).ask([], count).map((params) => ({ params, loss: loss(params), budget: 1 }));

describe('measureParamImportance', () => {
  it('ranks the parameter that drives the loss first, the choice second, the idle ones near 0', () => {
    const result = measureParamImportance(SPACE, observe(60, 3), 1)!;
    expect(result.map((r) => r.name).slice(0, 2)).toEqual(['learningRate', 'booster']);
    expect(result[0].importance).toBeGreaterThan(0.7);
    expect(result.find((r) => r.name === 'noise')!.importance).toBeLessThan(0.05);
    expect(result.find((r) => r.name === 'depth')!.importance).toBeLessThan(0.05);
  });

  it('is the same for the same seed', () => {
    expect(measureParamImportance(SPACE, observe(20, 4), 9)).toEqual(measureParamImportance(SPACE, observe(20, 4), 9));
  });

  it('reads a conditional parameter only where it applies', () => {
    const space: SearchSpace = {
      family: 'f',
      params: [
        { kind: 'choice', name: 'penalty', options: ['l2', 'elasticnet'] },
        { kind: 'float', name: 'ratio', min: 0, max: 1, log: false, when: { param: 'penalty', in: ['elasticnet'] } },
        { kind: 'float', name: 'noise', min: 0, max: 1, log: false },
      ],
      fixed: {},
    };
    // Main effects (exact): ratio 0.5 + 1.5·ratio, variance 0.1875; penalty 1 or 1.5, variance 0.0625; of 0.4375 in all.
    const observations = createRandomSampler(space, 2).ask([], 60).map((params) => ({ params, loss: params.penalty === 'elasticnet' ? 3 * (params.ratio as number) : 1, budget: 1 }));
    const result = measureParamImportance(space, observations, 1)!;
    expect(result.map((r) => r.name)).toEqual(['ratio', 'penalty', 'noise']);
    expect(result[0].importance).toBeGreaterThan(0.3);
  });

  it('returns null with fewer than 5 successful observations (failed ones do not count)', () => {
    const few = observe(8, 5).map((o, i) => (i < 4 ? o : { ...o, loss: null }));
    expect(measureParamImportance(SPACE, few, 1)).toBeNull();
    expect(measureParamImportance(SPACE, observe(5, 5), 1)).toHaveLength(4);
  });
});
