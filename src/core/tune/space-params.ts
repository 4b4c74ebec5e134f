// What the grid, the samplers and parameter importance share about a space's parameters: which ones a
// configuration sets (a conditional one only under its parent's listed values), the order that puts parents
// first, and the key that tells two configurations apart.

import { TuneError } from '../errors';
import type { Hyperparameters } from '../models/types';
import type { ParamRange } from './types';

/**
 * True when `range` applies to a configuration: it has no condition, or its parent has a value in `values` (a
 * searched value or a fixed one) that the condition lists. A parent that is itself inactive has no value, so
 * conditions chain.
 */
export function isParamActive(range: ParamRange, values: Readonly<Hyperparameters>): boolean {
  if (!range.when) return true;
  const parent = values[range.when.param];
  return parent !== undefined && (range.when.in as readonly unknown[]).includes(parent);
}

/** The parameters with every parent before its children (otherwise in their order); TuneError on a cycle of conditions. */
export function orderParamsByCondition(params: readonly ParamRange[]): ParamRange[] {
  const names = new Set(params.map((p) => p.name));
  const placed = new Set<string>();
  const ordered: ParamRange[] = [];
  while (ordered.length < params.length) {
    const before = ordered.length;
    for (const range of params) {
      if (placed.has(range.name)) continue;
      const parent = range.when?.param;
      if (parent !== undefined && names.has(parent) && !placed.has(parent)) continue;
      ordered.push(range);
      placed.add(range.name);
    }
    if (ordered.length === before) {
      const left = params.filter((p) => !placed.has(p.name)).map((p) => p.name);
      throw new TuneError(`The conditions of ${left.join(', ')} depend on each other in a circle; remove one of the conditions.`);
    }
  }
  return ordered;
}

/** A configuration's identity over the searched parameters (fixed ones and extras ignored): equal keys, same trial. */
export function formatConfigKey(params: readonly ParamRange[], values: Readonly<Hyperparameters>): string {
  return JSON.stringify(params.filter((p) => Object.hasOwn(values, p.name)).map((p) => [p.name, values[p.name]]));
}
