// Grid search: every combination of a few values per parameter. Numbers take `numberSteps` evenly spaced points
// (in log space where the range is logarithmic; whole numbers rounded, repeats dropped), choices every option, flags
// both; a conditional parameter varies only under its parent's listed values, so no point repeats another.

import { TuneError } from '../errors';
import type { HyperparameterValue, Hyperparameters } from '../models/types';
import { linspace } from '../stats/numpy-stats';
import { isParamActive, orderParamsByCondition } from './space-params';
import type { ParamRange, SearchSpace } from './types';

/** The grid values of one parameter, ascending for numbers, in option order for choices, false then true for flags. */
export function listGridValues(range: ParamRange, numberSteps = 4): HyperparameterValue[] {
  checkSteps(numberSteps);
  if (range.kind === 'choice') return [...range.options];
  if (range.kind === 'bool') return [false, true];
  const points = range.log
    ? linspace(Math.log(range.min), Math.log(range.max), numberSteps).map(Math.exp)
    : linspace(range.min, range.max, numberSteps);
  // exp(log(x)) can miss the ends by an ulp; the ends are the user's numbers.
  points[0] = range.min;
  points[points.length - 1] = range.max;
  if (range.kind === 'float') return points;
  return [...new Set(points.map((x) => Math.min(range.max, Math.max(range.min, Math.round(x)))))];
}

/** Every grid point, each with `space.fixed`; the first parameter varies slowest. A large grid: check countGrid first. */
export function enumerateGrid(space: SearchSpace, numberSteps = 4): Hyperparameters[] {
  let points: Hyperparameters[] = [{ ...space.fixed }];
  for (const range of orderParamsByCondition(space.params)) {
    const values = listGridValues(range, numberSteps);
    points = points.flatMap((point) => (isParamActive(range, point) ? values.map((value) => ({ ...point, [range.name]: value })) : [point]));
  }
  return points;
}

/**
 * The number of points enumerateGrid returns, without enumerating: the product over top-level parameters of each
 * one's count, where a parameter counts Σ over its values of the product of the counts of the children that value
 * switches on.
 */
export function countGrid(space: SearchSpace, numberSteps = 4): number {
  checkSteps(numberSteps);
  const searched = new Set(space.params.map((p) => p.name));
  const childrenOf = (name: string) => space.params.filter((p) => p.when?.param === name);
  const countParam = (range: ParamRange): number => listGridValues(range, numberSteps).reduce<number>((sum, value) => {
    const on = childrenOf(range.name).filter((child) => (child.when!.in as readonly HyperparameterValue[]).includes(value));
    return sum + on.reduce((product, child) => product * countParam(child), 1);
  }, 0);
  orderParamsByCondition(space.params); // a cycle of conditions is refused here as in enumerateGrid
  return space.params
    .filter((p) => !p.when || !searched.has(p.when.param))
    .filter((p) => isParamActive(p, space.fixed))
    .reduce((product, p) => product * countParam(p), 1);
}

function checkSteps(numberSteps: number): void {
  if (!Number.isInteger(numberSteps) || numberSteps < 2) {
    throw new TuneError(`A grid needs at least 2 whole steps per number range, not ${numberSteps}; use 2 or more.`);
  }
}
