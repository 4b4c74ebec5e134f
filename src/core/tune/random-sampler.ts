// Random search: every parameter drawn on its own — uniform, log-uniform where the range is logarithmic, whole
// numbers rounded from a draw over [min − ½, max + ½] so each end is as likely as any other value. A conditional
// parameter is drawn only when its parent's value switches it on; otherwise it is left out and the family default applies.

import type { HyperparameterValue, Hyperparameters } from '../models/types';
import { createRandom, deriveSeed } from '../random/prng';
import { createProposalLog, type AskState } from './proposal-log';
import { formatConfigKey, isParamActive, orderParamsByCondition } from './space-params';
import type { ParamRange, Sampler, SearchSpace } from './types';

/** Redraws before a repeat is accepted (a small discrete space may have no new point left). */
const MAX_REDRAWS = 32;

/** A seeded random sampler; the same seed and the same calls give the same proposals, never a repeat while new points exist. */
export function createRandomSampler(space: SearchSpace, seed: number): Sampler {
  const params = orderParamsByCondition(space.params);
  const log = createProposalLog(params);
  return {
    ask(history, count) {
      const random = createRandom(deriveSeed(deriveSeed(seed, history.length), log.size));
      const state = log.begin(history);
      return Array.from({ length: count }, () => {
        const point = drawFreshConfig(params, space.fixed, random, state);
        log.record(point, state);
        return point;
      });
    },
  };
}

/** A uniform draw whose key is not taken yet (or the last draw, once MAX_REDRAWS are spent). */
export function drawFreshConfig(params: readonly ParamRange[], fixed: Readonly<Hyperparameters>, random: () => number, state: AskState): Hyperparameters {
  let point = drawUniformConfig(params, fixed, random);
  for (let i = 0; i < MAX_REDRAWS && state.taken.has(formatConfigKey(params, point)); i++) point = drawUniformConfig(params, fixed, random);
  return point;
}

/** One configuration: `fixed`, then each active parameter of `params` (parents first) drawn uniformly. */
export function drawUniformConfig(params: readonly ParamRange[], fixed: Readonly<Hyperparameters>, random: () => number): Hyperparameters {
  const point: Hyperparameters = { ...fixed };
  for (const range of params) if (isParamActive(range, point)) point[range.name] = drawUniformValue(range, random);
  return point;
}

/** One value of `range` from a uniform draw (log-uniform where log). */
export function drawUniformValue(range: ParamRange, random: () => number): HyperparameterValue {
  switch (range.kind) {
    case 'bool': return random() < 0.5;
    case 'choice': return range.options[Math.min(range.options.length - 1, Math.floor(random() * range.options.length))];
    case 'float': return mapUnit(range.min, range.max, range.log, random());
    case 'int': {
      const x = mapUnit(range.min - 0.5, range.max + 0.5, range.log, random());
      return Math.min(range.max, Math.max(range.min, Math.round(x)));
    }
  }
}

function mapUnit(min: number, max: number, log: boolean, u: number): number {
  if (!log) return min + u * (max - min);
  return Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min)));
}
