import { describe, expect, it } from 'vitest';
import { createRandom } from '../random/prng';
import { createRandomSampler, drawUniformValue } from './random-sampler';
import type { Observation, SearchSpace } from './types';

const SPACE: SearchSpace = {
  family: 'f',
  params: [
    { kind: 'choice', name: 'penalty', options: ['l2', 'elasticnet'] },
    { kind: 'float', name: 'l1_ratio', min: 0.1, max: 0.9, log: false, when: { param: 'penalty', in: ['elasticnet'] } },
    { kind: 'float', name: 'alpha', min: 1e-4, max: 1e2, log: true },
    { kind: 'int', name: 'k', min: 1, max: 4, log: false },
  ],
  fixed: { tol: 0.001 },
};

describe('createRandomSampler', () => {
  it('draws inside the ranges, whole numbers for ints, with the fixed values, and a child only under its condition', () => {
    const points = createRandomSampler(SPACE, 3).ask([], 400);
    for (const p of points) {
      expect(p.tol).toBe(0.001);
      expect(['l2', 'elasticnet']).toContain(p.penalty);
      expect('l1_ratio' in p).toBe(p.penalty === 'elasticnet');
      if (p.penalty === 'elasticnet') expect(p.l1_ratio as number).toBeGreaterThanOrEqual(0.1);
      expect(p.alpha as number).toBeGreaterThanOrEqual(1e-4);
      expect(p.alpha as number).toBeLessThanOrEqual(1e2);
      expect(Number.isInteger(p.k)).toBe(true);
    }
    // Log-uniform: about half of the draws below the geometric middle 0.1 (1e-4 … 1e2); uniform would put 0.1 %.
    const below = points.filter((p) => (p.alpha as number) < 0.1).length / points.length;
    expect(below).toBeGreaterThan(0.4);
    expect(below).toBeLessThan(0.6);
    // Each whole number, ends included, about equally often.
    const counts = [1, 2, 3, 4].map((k) => points.filter((p) => p.k === k).length);
    expect(Math.min(...counts)).toBeGreaterThan(70);
  });

  it('repeats with the same seed and calls, differs with another seed', () => {
    expect(createRandomSampler(SPACE, 9).ask([], 5)).toEqual(createRandomSampler(SPACE, 9).ask([], 5));
    expect(createRandomSampler(SPACE, 9).ask([], 5)).not.toEqual(createRandomSampler(SPACE, 10).ask([], 5));
  });

  it('never repeats a configuration of a small space while a new one exists: observed, running or in the batch', () => {
    const small: SearchSpace = { family: 'f', params: [{ kind: 'bool', name: 'b' }, { kind: 'int', name: 'k', min: 1, max: 3, log: false }], fixed: {} };
    const sampler = createRandomSampler(small, 1);
    const first = sampler.ask([], 2);
    const history: Observation[] = [{ params: first[0], loss: 1, budget: 1 }];
    const second = sampler.ask(history, 4);
    const all = [...first, ...second].map((p) => JSON.stringify(p));
    expect(new Set(all).size).toBe(6);
  });
});

describe('drawUniformValue', () => {
  it('reaches both ends of a whole-number log range', () => {
    const random = createRandom(5);
    const values = new Set(Array.from({ length: 2000 }, () => drawUniformValue({ kind: 'int', name: 'k', min: 1, max: 50, log: true }, random)));
    expect(values.has(1)).toBe(true);
    expect(values.has(50)).toBe(true);
    expect(Math.max(...(values as Set<number>))).toBe(50);
  });
});
