// The plain records of a hyperparameter search: the space (from a family's typed schema, as the user edited it),
// a trial's parameters and result, and what a strategy is asked. A search minimises a loss: a metric to maximise
// enters as its negative (`toLoss`), so every sampler and scheduler reads one direction.

import type { Hyperparameters, HyperparameterValue, ParamCondition } from '../models/types';

/** How one parameter is searched. Numbers: a range (log scale when asked); a choice: its options; a flag: both. */
export type ParamRange =
  | { readonly kind: 'int' | 'float'; readonly name: string; readonly min: number; readonly max: number; readonly log: boolean; readonly when?: ParamCondition }
  | { readonly kind: 'choice'; readonly name: string; readonly options: readonly string[]; readonly when?: ParamCondition }
  | { readonly kind: 'bool'; readonly name: string; readonly when?: ParamCondition };

/** A family's resolved search space: what is searched, and what every trial fixes (the rest take their defaults). */
export interface SearchSpace {
  readonly family: string;
  readonly params: readonly ParamRange[];
  readonly fixed: Readonly<Hyperparameters>;
}

/**
 * The user's edit of one parameter in a Tune cell (saved in its spec): search it over a range or options, or fix it
 * at a value. A parameter without an edit follows the family's tuning hint (searched) or its default (fixed).
 */
export type ParamEdit =
  | { readonly mode: 'range'; readonly min: number; readonly max: number; readonly log: boolean }
  | { readonly mode: 'options'; readonly options: readonly (string | boolean)[] }
  | { readonly mode: 'fixed'; readonly value: HyperparameterValue };

/** A finished trial as strategies read it: its parameters, loss (lower is better; null when it failed) and budget (fraction of full, 0 < b ≤ 1). */
export interface Observation {
  readonly params: Readonly<Hyperparameters>;
  readonly loss: number | null;
  readonly budget: number;
}

/** Which way a metric is better, as the metric registry says (`MetricInfo.direction`). */
export type Direction = 'higher' | 'lower';

/** A metric value as a loss (lower is better). */
export function toLoss(value: number, direction: Direction): number {
  return direction === 'higher' ? -value : value;
}

/** A loss back as the metric's value. */
export function fromLoss(loss: number, direction: Direction): number {
  return direction === 'higher' ? -loss : loss;
}

export type SearchStrategy = 'grid' | 'random' | 'bayes';

/** Proposes configurations: `ask` returns `count` new parameter sets given every observation so far. */
export interface Sampler {
  ask(history: readonly Observation[], count: number): Hyperparameters[];
}

/** One rung of successive halving: how many configurations run at what fraction of the full budget. */
export interface Rung {
  readonly configs: number;
  readonly budget: number;
}
