// Bayesian search by a tree-structured Parzen estimator, after Optuna's TPESampler (independent sampling): after a
// random start, the observations split at the γ-quantile of the loss (γ(n) = min(⌈n / 10⌉, 25) best are "good"),
// each parameter gets a Parzen estimator l over the good and g over the rest, and the candidate of 24 drawn from l
// with the largest log l(x) − log g(x) wins. Parents are drawn first; a conditional parameter learns only from the
// observations where it was active. With mixed budgets the observations of the largest budget that has enough
// of them are used (BOHB). Failed trials and proposals still running count as bad (Optuna's constant liar), so a
// batch spreads out; a batch never repeats a configuration while a new one can be found.

import type { Hyperparameters } from '../models/types';
import { createRandom, deriveSeed } from '../random/prng';
import { buildParzenEstimator, type WeightedValue } from './parzen-estimator';
import { createProposalLog, type AskState } from './proposal-log';
import { drawFreshConfig } from './random-sampler';
import { isSuccess, selectBudgetObservations } from './select-budget-observations';
import { formatConfigKey, isParamActive, orderParamsByCondition } from './space-params';
import type { Observation, ParamRange, Sampler, SearchSpace } from './types';

export interface TpeOptions {
  /** Random trials before the model takes over; default 10, or a quarter of `trials` (at least 2) when that is fewer. */
  readonly startupTrials?: number;
  /** The search's trial budget, when known: a short search starts modelling sooner. */
  readonly trials?: number;
  /** Candidates drawn from l(x) per parameter; default 24. */
  readonly candidates?: number;
  /** Weight of each estimator's prior kernel; default 1. */
  readonly priorWeight?: number;
}

/** Attempts at a configuration not taken yet before falling back to random draws. */
const MAX_RETRIES = 8;

/** A seeded TPE sampler: the same seed, history and calls give the same proposals. */
export function createTpeSampler(space: SearchSpace, seed: number, options: TpeOptions = {}): Sampler {
  const params = orderParamsByCondition(space.params);
  const log = createProposalLog(params);
  const startup = chooseStartupTrials(options);
  const settings = { candidates: options.candidates ?? 24, priorWeight: options.priorWeight ?? 1, minPoints: Math.max(startup, params.length + 3) };
  return {
    ask(history, count) {
      const random = createRandom(deriveSeed(deriveSeed(seed, history.length), log.size));
      const state = log.begin(history);
      const isModelled = history.filter(isSuccess).length >= startup;
      const liars = [...state.pending];
      return Array.from({ length: count }, () => {
        const point = isModelled ? proposeFresh(params, space.fixed, history, liars, random, state, settings) : drawFreshConfig(params, space.fixed, random, state);
        log.record(point, state);
        liars.push(point);
        return point;
      });
    },
  };
}

/** Random trials before modelling: `startupTrials`, else 10, or a quarter of `trials` (at least 2) when that is fewer. */
export function chooseStartupTrials(options: TpeOptions): number {
  return options.startupTrials ?? (options.trials === undefined ? 10 : Math.max(2, Math.min(10, Math.round(options.trials / 4))));
}

type Settings = { candidates: number; priorWeight: number; minPoints: number };

function proposeFresh(params: readonly ParamRange[], fixed: Readonly<Hyperparameters>, history: readonly Observation[], liars: readonly Hyperparameters[], random: () => number, state: AskState, settings: Settings): Hyperparameters {
  const { below, above } = splitObservations(selectBudgetObservations(history, settings.minPoints), liars);
  for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
    const point = proposeOnce(params, fixed, below, above, random, settings);
    if (!state.taken.has(formatConfigKey(params, point))) return point;
  }
  return drawFreshConfig(params, fixed, random, state);
}

/** Good (the γ-quantile of the successful losses) and bad (the rest, the failed, the running), each in trial order. */
function splitObservations(observations: readonly Observation[], liars: readonly Hyperparameters[]) {
  const successes = observations.map((o, index) => ({ o, index })).filter(({ o }) => isSuccess(o));
  const ranked = [...successes].sort((a, b) => (a.o.loss as number) - (b.o.loss as number) || a.index - b.index);
  const goodCount = Math.min(ranked.length, Math.min(Math.ceil(0.1 * (observations.length + liars.length)), 25));
  const good = new Set(ranked.slice(0, goodCount).map(({ index }) => index));
  return {
    below: observations.filter((_, i) => good.has(i)).map((o) => o.params),
    above: [...observations.filter((_, i) => !good.has(i)).map((o) => o.params), ...liars],
  };
}

function proposeOnce(params: readonly ParamRange[], fixed: Readonly<Hyperparameters>, below: readonly Readonly<Hyperparameters>[], above: readonly Readonly<Hyperparameters>[], random: () => number, settings: Settings): Hyperparameters {
  const point: Hyperparameters = { ...fixed };
  for (const range of params) {
    if (!isParamActive(range, point)) continue;
    const good = buildParzenEstimator(range, weighValues(range.name, below), settings.priorWeight);
    const bad = buildParzenEstimator(range, weighValues(range.name, above), settings.priorWeight);
    let best = good.sample(random);
    let bestScore = -Infinity;
    for (let i = 0; i < settings.candidates; i++) {
      const candidate = i === 0 ? best : good.sample(random);
      const score = good.logDensity(candidate) - bad.logDensity(candidate);
      if (score > bestScore) (best = candidate), (bestScore = score);
    }
    point[range.name] = best;
  }
  return point;
}

/** The values of `name` where it was set, weighted as Optuna's default: equal up to 25, then older ones ramp down from 1 to 1/n. */
function weighValues(name: string, configs: readonly Readonly<Hyperparameters>[]): WeightedValue[] {
  const values = configs.filter((c) => Object.hasOwn(c, name)).map((c) => c[name]);
  const n = values.length;
  const ramp = n - 25;
  return values.map((value, i) => ({ value, weight: i >= ramp ? 1 : ramp === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (ramp - 1) }));
}
