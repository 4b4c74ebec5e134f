// One hyperparameter search, driven to its end: a strategy proposes configurations, `evaluate` trains each as a
// trial (the runner sends it to the worker pool), and `parallelism` trials run side by side. Without halving,
// random and Bayesian search ask for one configuration whenever a slot frees (the newest results inform it); a
// grid walks its points. With successive halving every rung runs its configurations at the rung's share of the
// budget and the best third go on. Trials found in `known` (a search resumed after a cancel or a reload) are not
// trained again: the same configuration at the same budget takes its stored result.

import { TuneError } from '../errors';
import type { Hyperparameters } from '../models/types';
import { countGrid, enumerateGrid } from './grid';
import { createRandomSampler } from './random-sampler';
import { planSuccessiveHalving, selectPromoted } from './successive-halving';
import { createTpeSampler } from './tpe-sampler';
import type { Observation, Sampler, SearchSpace, SearchStrategy } from './types';

/** A configuration to train: its place in the search, parameters and share of the full budget. */
export interface PlannedTrial {
  readonly index: number;
  readonly params: Hyperparameters;
  readonly budget: number;
  readonly rung: number;
}

/** A trial's result: the objective as the metric's value and as a loss (lower is better), the run it stored. */
export interface TrialResult extends PlannedTrial {
  readonly status: 'done' | 'stopped' | 'error';
  readonly value: number | null;
  readonly loss: number | null;
  readonly runId: string | null;
  readonly durationMs: number;
  readonly error?: string;
}

export interface SearchOptions {
  readonly space: SearchSpace;
  readonly strategy: SearchStrategy;
  readonly gridSteps: number;
  /** Configurations to try (with halving: those of the first rung). */
  readonly trials: number;
  readonly halving: boolean;
  readonly seed: number;
  readonly parallelism: number;
  /** Trials of this search already stored: reused by configuration and budget. */
  readonly known: readonly TrialResult[];
  evaluate(trial: PlannedTrial): Promise<TrialResult>;
  /** True once no new trial may start (a stop press, the time budget spent). */
  shouldStop(): boolean;
  onTrial?(result: TrialResult): void;
}

/** Successive halving's rate: each rung keeps the best third and gives them three times the budget. */
export const HALVING_ETA = 3;

/** First-rung configurations per bracket: 9 → rungs of 9, 3 and 1 (1/9, 1/3 and the full budget). */
const HALVING_BRACKET = 9;

/** The search's trials in the order they finished (known ones first), and whether it ran to its end. */
export interface SearchOutcome {
  readonly trials: TrialResult[];
  readonly complete: boolean;
}

/** Runs the search; a TuneError when it cannot run as asked (a grid larger than the trial budget). */
export async function runSearch(options: SearchOptions): Promise<SearchOutcome> {
  if (options.strategy === 'grid' && !options.halving) {
    const points = countGrid(options.space, options.gridSteps);
    if (points > options.trials) {
      throw new TuneError(`The grid has ${points} points but the search may try ${options.trials}: raise the trials to ${points}, use fewer points per range, fix a parameter, or pick random or Bayesian search.`);
    }
  }
  const search = new Search(options);
  return options.halving ? search.runHalving() : search.runFlat();
}

class Search {
  readonly #options: SearchOptions;
  readonly #done: TrialResult[];
  readonly #cache = new Map<string, TrialResult>();
  #nextIndex: number;
  #stopped = false;

  constructor(options: SearchOptions) {
    this.#options = options;
    this.#done = [...options.known];
    for (const trial of options.known) this.#cache.set(describeTrialKey(trial.params, trial.budget), trial);
    this.#nextIndex = options.known.reduce((max, trial) => Math.max(max, trial.index + 1), 0);
  }

  /** Every configuration at the full budget, `trials` in all (known ones count). */
  async runFlat(): Promise<SearchOutcome> {
    const { options } = this;
    if (options.strategy === 'grid') {
      const todo = enumerateGrid(options.space, options.gridSteps).filter((params) => !this.#cache.has(describeTrialKey(params, 1)));
      await this.#runAll(todo.map((params) => ({ params, budget: 1, rung: 0 })));
      return { trials: this.#done, complete: !this.#stopped };
    }
    const sampler = this.#createSampler();
    const full = () => this.#done.filter((t) => t.budget === 1).length;
    const pending: PlannedTrial[] = [];
    const slots = Array.from({ length: Math.max(1, options.parallelism) }, async () => {
      while (full() + pending.length < options.trials && !this.#checkStop()) {
        const [params] = sampler.ask(this.#observe(pending), 1);
        const trial = this.#plan(params, 1, 0);
        pending.push(trial);
        await this.#evaluate(trial);
        pending.splice(pending.indexOf(trial), 1);
      }
    });
    await Promise.all(slots);
    return { trials: this.#done, complete: full() >= options.trials };
  }

  /**
   * Successive halving over `trials` first-rung configurations (a grid's points, or the sampler's), in brackets of
   * at most HALVING_BRACKET: each bracket's first rung is drawn with the results of the brackets before it (BOHB's
   * idea: Bayesian search models what halving found), in plan order, so the same seed and stored trials replay.
   */
  async runHalving(): Promise<SearchOutcome> {
    const { options } = this;
    const grid = options.strategy === 'grid' ? enumerateGrid(options.space, options.gridSteps) : null;
    const total = grid ? grid.length : options.trials;
    const sampler = grid ? null : this.#createSampler();
    const history: Observation[] = [];
    for (let start = 0; start < total; start += HALVING_BRACKET) {
      const size = Math.min(HALVING_BRACKET, total - start);
      const first = grid ? grid.slice(start, start + size) : sampler!.ask(history, size);
      const results = await this.#runBracket(first);
      history.push(...results.map(toObservation));
      if (this.#stopped) return { trials: this.#done, complete: false };
    }
    return { trials: this.#done, complete: true };
  }

  /** One bracket: its configurations at the first rung's budget, the best third on at three times the budget… */
  async #runBracket(first: readonly Hyperparameters[]): Promise<TrialResult[]> {
    const rungs = planSuccessiveHalving({ configs: first.length, eta: HALVING_ETA, minBudget: chooseMinBudget(first.length) });
    const all: TrialResult[] = [];
    let survivors = [...first];
    for (let r = 0; r < rungs.length; r++) {
      const rung = rungs[r];
      const results = await this.#runAll(survivors.slice(0, rung.configs).map((params) => ({ params, budget: rung.budget, rung: r })));
      all.push(...results);
      const next = rungs[r + 1];
      if (this.#stopped || !next) break;
      survivors = selectPromoted(results.map(toObservation), next.configs).map((o) => o.params as Hyperparameters);
      if (survivors.length === 0) break;
    }
    return all;
  }

  get options(): SearchOptions {
    return this.#options;
  }

  #createSampler(): Sampler {
    const { space, seed, strategy, trials } = this.#options;
    return strategy === 'bayes' ? createTpeSampler(space, seed, { startupTrials: Math.min(10, Math.max(2, Math.floor(trials / 3))) }) : createRandomSampler(space, seed);
  }

  /** Finished trials as observations; running ones enter with the worst loss seen (a constant liar), so a batch spreads out. */
  #observe(pending: readonly PlannedTrial[]): Observation[] {
    const finished = this.#done.map(toObservation);
    const losses = finished.flatMap((o) => (o.loss === null ? [] : [o.loss]));
    const liar = losses.length > 0 ? Math.max(...losses) : null;
    return [...finished, ...pending.map((t) => ({ params: t.params, loss: liar, budget: t.budget }))];
  }

  #plan(params: Hyperparameters, budget: number, rung: number): PlannedTrial {
    return { index: this.#nextIndex++, params, budget, rung };
  }

  /** Each configuration once (a stored result stands in), `parallelism` at a time; their results in the given order. */
  async #runAll(items: readonly { params: Hyperparameters; budget: number; rung: number }[]): Promise<TrialResult[]> {
    const results: (TrialResult | null)[] = items.map(() => null);
    let next = 0;
    const slots = Array.from({ length: Math.max(1, this.#options.parallelism) }, async () => {
      while (next < items.length && !this.#checkStop()) {
        const i = next++;
        const item = items[i];
        const cached = this.#cache.get(describeTrialKey(item.params, item.budget));
        results[i] = cached ?? (await this.#evaluate(this.#plan(item.params, item.budget, item.rung)));
      }
    });
    await Promise.all(slots);
    return results.filter((r): r is TrialResult => r !== null);
  }

  async #evaluate(trial: PlannedTrial): Promise<TrialResult> {
    const result = await this.#options.evaluate(trial);
    this.#done.push(result);
    this.#cache.set(describeTrialKey(result.params, result.budget), result);
    this.#options.onTrial?.(result);
    return result;
  }

  #checkStop(): boolean {
    if (!this.#stopped && this.#options.shouldStop()) this.#stopped = true;
    return this.#stopped;
  }
}

/** The first rung's share of the budget: three rungs where there are at least 9 configurations, two from 3, else one. */
function chooseMinBudget(configs: number): number {
  if (configs >= HALVING_ETA ** 2) return 1 / HALVING_ETA ** 2;
  return configs >= HALVING_ETA ? 1 / HALVING_ETA : 1;
}

function toObservation(trial: TrialResult): Observation {
  // A stopped trial ended early: its score is not the configuration's, so it does not inform the search.
  return { params: trial.params, loss: trial.status === 'done' ? trial.loss : null, budget: trial.budget };
}

/** A configuration at a budget as a key: the parameters by name, so their order does not matter. */
export function describeTrialKey(params: Hyperparameters, budget: number): string {
  const names = Object.keys(params).sort();
  return JSON.stringify([budget, names.map((name) => [name, params[name]])]);
}

/** The best finished trial at the largest budget any finished trial reached (null when none finished). */
export function pickBestTrial(trials: readonly TrialResult[]): TrialResult | null {
  const scored = trials.filter((t) => t.status === 'done' && t.loss !== null);
  if (scored.length === 0) return null;
  const top = Math.max(...scored.map((t) => t.budget));
  return scored.filter((t) => t.budget === top).reduce((best, t) => (t.loss! < best.loss! ? t : best));
}
