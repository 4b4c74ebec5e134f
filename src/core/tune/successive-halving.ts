// Successive halving (Jamieson & Talwalkar; one bracket of Hyperband): start many configurations on a small share
// of the full budget (rounds, trees, epochs or rows), keep the best 1/η at η times the budget, until the survivors
// train on the full budget. Poor configurations stop early, so the search sees more of them for the same work.

import { TuneError } from '../errors';
import { isSuccess } from './select-budget-observations';
import type { Observation, Rung } from './types';

export interface HalvingPlanOptions {
  /** Configurations started on the first rung (a whole number ≥ 1). */
  readonly configs: number;
  /** Kept share is 1/η per rung and the budget grows η-fold; default 3. */
  readonly eta?: number;
  /** The first rung's share of the full budget, 0 < minBudget ≤ 1. */
  readonly minBudget: number;
}

/**
 * The rungs: rung i runs ⌊configs / ηⁱ⌋ configurations (at least 1) at minBudget · ηⁱ (capped at 1); the last rung
 * runs at budget 1. Once a single configuration is left it goes straight to the full budget.
 */
export function planSuccessiveHalving({ configs, eta = 3, minBudget }: HalvingPlanOptions): Rung[] {
  if (!(minBudget > 0 && minBudget <= 1)) throw new TuneError(`Successive halving needs a first budget above 0 and at most 1 (a share of the full budget), not ${minBudget}.`);
  if (!Number.isInteger(configs) || configs < 1) throw new TuneError(`Successive halving needs a whole number of configurations, at least 1, not ${configs}.`);
  if (!(eta > 1) || !Number.isFinite(eta)) throw new TuneError(`Successive halving needs η above 1 (3 keeps a third per rung), not ${eta}.`);
  const rungs: Rung[] = [];
  for (let i = 0; ; i++) {
    const count = Math.max(1, Math.floor(configs / eta ** i + 1e-9));
    // 1/9 · 9 may land an ulp away from 1: a budget within 1e-9 of the full one is the full one.
    const budget = minBudget * eta ** i >= 1 - 1e-9 ? 1 : minBudget * eta ** i;
    if (count === 1 && budget < 1) {
      rungs.push({ configs: 1, budget: 1 });
      return rungs;
    }
    rungs.push({ configs: count, budget });
    if (budget === 1) return rungs;
  }
}

/** The `count` best successful observations of a rung, best first (ties in their order); failed trials are never promoted. */
export function selectPromoted(observations: readonly Observation[], count: number): Observation[] {
  return observations
    .map((o, index) => ({ o, index }))
    .filter(({ o }) => isSuccess(o))
    .sort((a, b) => (a.o.loss as number) - (b.o.loss as number) || a.index - b.index)
    .slice(0, Math.max(0, count))
    .map(({ o }) => o);
}

/** The work a plan costs in full-budget trials: Σ configs × budget. */
export function measureBudgetSpent(rungs: readonly Rung[]): number {
  return rungs.reduce((sum, rung) => sum + rung.configs * rung.budget, 0);
}
