import { describe, expect, it } from 'vitest';
import { TuneError } from '../errors';
import type { Hyperparameters } from '../models/types';
import { describeTrialKey, pickBestTrial, runSearch, type PlannedTrial, type SearchOptions, type TrialResult } from './run-search';
import type { SearchSpace } from './types';

const SPACE: SearchSpace = {
  family: 'toy',
  params: [
    { kind: 'float', name: 'x', min: -4, max: 4, log: false },
    { kind: 'int', name: 'n', min: 1, max: 64, log: true },
    { kind: 'choice', name: 'shape', options: ['a', 'b'] },
  ],
  fixed: { seed: 3 },
};

/** A known optimum at x = 1, n = 32, shape b; a smaller budget adds a bias that shrinks with it. */
function objective(params: Hyperparameters, budget: number): number {
  const x = params.x as number;
  const n = params.n as number;
  return (x - 1) ** 2 + Math.log2(n / 32) ** 2 + (params.shape === 'b' ? 0 : 1) + (1 - budget) * 0.5;
}

function fakeEvaluate(log: PlannedTrial[], delayMs = 0) {
  return async (trial: PlannedTrial): Promise<TrialResult> => {
    log.push(trial);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs * Math.random()));
    const loss = objective(trial.params, trial.budget);
    return { ...trial, status: 'done', value: loss, loss, runId: `run-${trial.index}`, durationMs: 1 };
  };
}

function options(change: Partial<SearchOptions>, log: PlannedTrial[] = []): SearchOptions {
  return { space: SPACE, strategy: 'random', gridSteps: 3, trials: 12, halving: false, seed: 7, parallelism: 2, known: [], evaluate: fakeEvaluate(log), shouldStop: () => false, ...change };
}

describe('runSearch', () => {
  it('a grid trains every point once, each with the fixed parameters, and refuses a grid larger than the trials', async () => {
    const log: PlannedTrial[] = [];
    const outcome = await runSearch(options({ strategy: 'grid', trials: 100 }, log));
    // x: 3 points, n: 3 log points (1, 8, 64), shape: 2 → 18.
    expect(outcome.trials).toHaveLength(18);
    expect(new Set(log.map((t) => describeTrialKey(t.params, t.budget))).size).toBe(18);
    expect(log.every((t) => t.params.seed === 3 && t.budget === 1)).toBe(true);
    await expect(runSearch(options({ strategy: 'grid', trials: 10 }))).rejects.toThrow(new TuneError('The grid has 18 points but the search may try 10: raise the trials to 18, use fewer points per range, fix a parameter, or pick random or Bayesian search.'));
  });

  it('random and Bayesian searches run exactly `trials` trials with `parallelism` in flight, indices unique', async () => {
    for (const strategy of ['random', 'bayes'] as const) {
      const log: PlannedTrial[] = [];
      let running = 0;
      let most = 0;
      const evaluate = fakeEvaluate(log, 5);
      const outcome = await runSearch(options({ strategy, trials: 9, parallelism: 3, evaluate: async (t) => {
        most = Math.max(most, ++running);
        try {
          return await evaluate(t);
        } finally {
          running--;
        }
      } }, log));
      expect([outcome.trials.length, outcome.complete, most]).toEqual([9, true, 3]);
      expect(new Set(outcome.trials.map((t) => t.index)).size).toBe(9);
    }
  });

  it('resumes: stored trials count and are not trained again; a stop keeps what finished and says it is incomplete', async () => {
    const first = await runSearch(options({ trials: 4 }));
    const log: PlannedTrial[] = [];
    const resumed = await runSearch(options({ trials: 6, known: first.trials }, log));
    expect([resumed.trials.length, log.length, Math.min(...log.map((t) => t.index))]).toEqual([6, 2, 4]);

    let finished = 0;
    const stopped = await runSearch(options({ trials: 20, parallelism: 1, shouldStop: () => finished >= 3, onTrial: () => finished++ }));
    expect([stopped.trials.length, stopped.complete]).toEqual([3, false]);
  });

  it('successive halving: rungs of 1/9, 1/3 and the full budget, the best third promoted, less work than training all fully', async () => {
    const log: PlannedTrial[] = [];
    const outcome = await runSearch(options({ halving: true, trials: 9 }, log));
    const byRung = [0, 1, 2].map((r) => log.filter((t) => t.rung === r));
    expect(byRung.map((r) => r.length)).toEqual([9, 3, 1]);
    expect(byRung.map((r) => r[0].budget)).toEqual([1 / 9, 1 / 3, 1]);
    const rung0 = [...byRung[0]].sort((a, b) => objective(a.params, a.budget) - objective(b.params, b.budget));
    expect(byRung[1].map((t) => describeTrialKey(t.params, 1)).sort()).toEqual(rung0.slice(0, 3).map((t) => describeTrialKey(t.params, 1)).sort());
    const spent = log.reduce((sum, t) => sum + t.budget, 0);
    expect(spent).toBeCloseTo(3, 10); // 9 × 1/9 + 3 × 1/3 + 1 = 3 full trainings, not 9
    expect(pickBestTrial(outcome.trials)?.budget).toBe(1);

    // A halving search run again with its trials stored replays without training anything.
    const again: PlannedTrial[] = [];
    await runSearch(options({ halving: true, trials: 9, known: outcome.trials }, again));
    expect(again).toEqual([]);
  });

  it('failed trials are kept as results and never picked as the best', async () => {
    const outcome = await runSearch(options({ trials: 3, parallelism: 1, evaluate: async (t) => (t.index === 1
      ? { ...t, status: 'error', value: null, loss: null, runId: null, durationMs: 1, error: 'boom' }
      : { ...t, status: 'done', value: t.index, loss: t.index, runId: `r${t.index}`, durationMs: 1 }) }));
    expect(outcome.trials.map((t) => t.status)).toEqual(['done', 'error', 'done']);
    expect(pickBestTrial(outcome.trials)?.index).toBe(0);
    expect(pickBestTrial(outcome.trials.filter((t) => t.status === 'error'))).toBeNull();
  });
});

describe('runSearch with halving in brackets', () => {
  it('18 Bayesian configurations run as two brackets of 9, the second drawn from the first one’s results, and replay from storage', async () => {
    const log: PlannedTrial[] = [];
    const outcome = await runSearch(options({ strategy: 'bayes', halving: true, trials: 18 }, log));
    expect(log.filter((t) => t.rung === 0)).toHaveLength(18);
    expect(log.filter((t) => t.budget === 1)).toHaveLength(2);
    const again: PlannedTrial[] = [];
    await runSearch(options({ strategy: 'bayes', halving: true, trials: 18, known: outcome.trials }, again));
    expect(again).toEqual([]);
  });
});
