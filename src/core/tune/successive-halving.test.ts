import { describe, expect, it } from 'vitest';
import type { Hyperparameters } from '../models/types';
import { createRandom } from '../random/prng';
import { createRandomSampler } from './random-sampler';
import { measureBudgetSpent, planSuccessiveHalving, selectPromoted } from './successive-halving';
import type { Observation, SearchSpace } from './types';

describe('planSuccessiveHalving', () => {
  it('keeps a third per rung at three times the budget, ending at the full budget', () => {
    expect(planSuccessiveHalving({ configs: 27, minBudget: 1 / 9 })).toEqual([{ configs: 27, budget: 1 / 9 }, { configs: 9, budget: 1 / 3 }, { configs: 3, budget: 1 }]);
    expect(planSuccessiveHalving({ configs: 10, eta: 2, minBudget: 0.25 })).toEqual([{ configs: 10, budget: 0.25 }, { configs: 5, budget: 0.5 }, { configs: 2, budget: 1 }]);
    // Budgets that do not land on 1 are capped; a single survivor goes straight to the full budget.
    expect(planSuccessiveHalving({ configs: 20, minBudget: 0.2 })).toEqual([{ configs: 20, budget: 0.2 }, { configs: 6, budget: 0.6000000000000001 }, { configs: 2, budget: 1 }]);
    expect(planSuccessiveHalving({ configs: 4, minBudget: 1 / 27 })).toEqual([{ configs: 4, budget: 1 / 27 }, { configs: 1, budget: 1 }]);
    expect(planSuccessiveHalving({ configs: 5, minBudget: 1 })).toEqual([{ configs: 5, budget: 1 }]);
  });

  it('refuses a first budget outside (0, 1], a count that is not a whole number, η ≤ 1', () => {
    expect(() => planSuccessiveHalving({ configs: 9, minBudget: 0 })).toThrow('Successive halving needs a first budget above 0 and at most 1 (a share of the full budget), not 0.');
    expect(() => planSuccessiveHalving({ configs: 9, minBudget: 1.5 })).toThrow('not 1.5.');
    expect(() => planSuccessiveHalving({ configs: 9, minBudget: Number.NaN })).toThrow('not NaN.');
    expect(() => planSuccessiveHalving({ configs: 0, minBudget: 0.1 })).toThrow('Successive halving needs a whole number of configurations, at least 1, not 0.');
    expect(() => planSuccessiveHalving({ configs: 9, eta: 1, minBudget: 0.1 })).toThrow('Successive halving needs η above 1 (3 keeps a third per rung), not 1.');
  });
});

describe('selectPromoted and measureBudgetSpent', () => {
  it('promote the best losses in order, never a failed trial, and count the work in full trials', () => {
    const rung: Observation[] = [
      { params: { i: 0 }, loss: 0.5, budget: 0.25 }, { params: { i: 1 }, loss: null, budget: 0.25 },
      { params: { i: 2 }, loss: 0.2, budget: 0.25 }, { params: { i: 3 }, loss: 0.5, budget: 0.25 },
    ];
    expect(selectPromoted(rung, 2).map((o) => o.params.i)).toEqual([2, 0]);
    expect(selectPromoted(rung, 9).map((o) => o.params.i)).toEqual([2, 0, 3]);
    expect(measureBudgetSpent([{ configs: 27, budget: 1 / 9 }, { configs: 9, budget: 1 / 3 }, { configs: 3, budget: 1 }])).toBe(9);
  });
});

// A synthetic objective whose loss at a partial budget b is the true loss plus a per-configuration bias and noise
// that both shrink as b → 1 (an under-trained model ranks configurations only roughly).
const SPACE: SearchSpace = { family: 'f', params: [{ kind: 'float', name: 'x', min: 0, max: 1, log: false }, { kind: 'float', name: 'y', min: 0, max: 1, log: false }], fixed: {} };
const trueLoss = (p: Hyperparameters) => ((p.x as number) - 0.3) ** 2 + ((p.y as number) - 0.6) ** 2;

function observe(params: Hyperparameters, budget: number, bias: number, random: () => number): Observation {
  const noise = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return { params, loss: trueLoss(params) + (1 - budget) * (0.3 * bias + 0.05 * noise), budget };
}

describe('successive halving on a budget-dependent objective', () => {
  it('spends a third of the budget of full training of the same 27 configurations for a best within 0.02 of it (mean over 20 seeds)', () => {
    const regrets: number[] = [];
    let spent = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const configs = createRandomSampler(SPACE, seed).ask([], 27);
      const random = createRandom(seed);
      const bias = new Map(configs.map((c) => [c, random()]));
      const rungs = planSuccessiveHalving({ configs: 27, minBudget: 1 / 9 });
      let alive = configs;
      let last: Observation[] = [];
      for (const [i, rung] of rungs.entries()) {
        last = alive.map((c) => observe(c, rung.budget, bias.get(c)!, random));
        alive = i + 1 < rungs.length ? selectPromoted(last, rungs[i + 1].configs).map((o) => o.params) : alive;
      }
      const halvingBest = trueLoss(selectPromoted(last, 1)[0].params);
      const fullBest = Math.min(...configs.map(trueLoss));
      regrets.push(halvingBest - fullBest);
      spent = measureBudgetSpent(rungs);
    }
    expect(spent).toBe(9);
    const meanRegret = regrets.reduce((a, b) => a + b, 0) / regrets.length;
    // Measured 0.007; promoting in arrival order instead of by loss gives 0.29.
    expect(meanRegret).toBeLessThan(0.02);
    expect(meanRegret).toBeGreaterThanOrEqual(0);
  });
});
