// One parameter of a search space from the user's edit (or the family's tuning hint, or its default), checked
// against the family's schema: every refusal names the family, the parameter and the value, and says what to do.

import { ModelSpecError, TuneError } from '../errors';
import { readParams } from '../models/read-params';
import type { FamilyInfo, HyperparameterSpec, HyperparameterValue } from '../models/types';
import type { ParamEdit, ParamRange } from './types';

/** A parameter resolved: searched over a range or options, or fixed at a value. */
export type ResolvedParam = { readonly kind: 'searched'; readonly range: ParamRange } | { readonly kind: 'fixed'; readonly value: HyperparameterValue };

/** The edit a parameter has in effect: the user's, else its tuning hint, else its default (fixed). */
export function findEffectiveEdit(spec: HyperparameterSpec, edit: ParamEdit | undefined): { edit: ParamEdit; source: 'edit' | 'hint' | 'default' } {
  if (edit) return { edit, source: 'edit' };
  if (spec.tune === undefined) return { edit: { mode: 'fixed', value: spec.default }, source: 'default' };
  if (spec.kind === 'int' || spec.kind === 'float') return { edit: { mode: 'range', min: spec.tune.min, max: spec.tune.max, log: spec.tune.log ?? false }, source: 'hint' };
  if (spec.kind === 'bool') return { edit: { mode: 'options', options: [false, true] }, source: 'hint' };
  return { edit: { mode: 'options', options: spec.tune === true ? spec.options : spec.tune }, source: 'hint' };
}

/** Checks `edit` against the schema entry; TuneError naming what is wrong. One option left is a fixed value. */
export function resolveParamEdit(family: FamilyInfo, spec: HyperparameterSpec, edit: ParamEdit): ResolvedParam {
  switch (edit.mode) {
    case 'range': return { kind: 'searched', range: checkRange(family, spec, edit) };
    case 'options': return checkOptions(family, spec, edit.options);
    case 'fixed': return { kind: 'fixed', value: checkFixed(family, spec, edit.value) };
  }
}

function checkRange(family: FamilyInfo, spec: HyperparameterSpec, { min, max, log }: { min: number; max: number; log: boolean }): ParamRange {
  const at = `${family.label}: ${spec.name}`;
  if (spec.kind !== 'int' && spec.kind !== 'float') {
    throw new TuneError(`${at} is a ${spec.kind === 'bool' ? 'yes/no setting' : 'choice'}, not a number: search it over options instead of a range.`);
  }
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new TuneError(`${at}: the range ${min} to ${max} needs two finite numbers.`);
  if (spec.kind === 'int' && (!Number.isInteger(min) || !Number.isInteger(max))) {
    throw new TuneError(`${at} takes whole numbers: the range ${min} to ${max} needs whole-number ends (e.g. ${Math.ceil(min)} to ${Math.floor(max)}).`);
  }
  if (min > max) throw new TuneError(`${family.label}: the range of ${spec.name} is empty: min ${min} > max ${max}; swap them or widen it.`);
  if (min < spec.min || max > spec.max) {
    throw new TuneError(`${family.label}: the range of ${spec.name} (${min} to ${max}) goes outside the values it accepts (${spec.min} to ${spec.max}); narrow it.`);
  }
  if (log && min <= 0) throw new TuneError(`${family.label}: ${spec.name} is searched on a log scale from ${min}, but a log scale needs min > 0: raise min or turn the log scale off.`);
  if (min === max) throw new TuneError(`${family.label}: the range of ${spec.name} holds the single value ${min}; fix it at ${min} instead.`);
  return { kind: spec.kind, name: spec.name, min, max, log, ...(spec.when ? { when: spec.when } : {}) };
}

function checkOptions(family: FamilyInfo, spec: HyperparameterSpec, options: readonly (string | boolean)[]): ResolvedParam {
  const at = `${family.label}: ${spec.name}`;
  if (spec.kind === 'int' || spec.kind === 'float') throw new TuneError(`${at} is a number: search it over a range (min, max) instead of options.`);
  const allowed: readonly (string | boolean)[] = spec.kind === 'bool' ? [false, true] : spec.options;
  const listed = allowed.map((o) => String(o)).join(', ');
  if (options.length === 0) throw new TuneError(`${at} has no options to search; tick at least one of ${listed}, or fix it at one.`);
  for (const option of options) {
    if (!allowed.includes(option)) throw new TuneError(`${at} has no option ${JSON.stringify(option)}; choose from ${listed}.`);
  }
  // Schema order, duplicates dropped: the same options in any order are the same space.
  const kept = allowed.filter((o) => options.includes(o));
  if (kept.length === 1) return { kind: 'fixed', value: kept[0] };
  const when = spec.when ? { when: spec.when } : {};
  return { kind: 'searched', range: spec.kind === 'bool' ? { kind: 'bool', name: spec.name, ...when } : { kind: 'choice', name: spec.name, options: kept as string[], ...when } };
}

function checkFixed(family: FamilyInfo, spec: HyperparameterSpec, value: HyperparameterValue): HyperparameterValue {
  try {
    return readParams(family.kind, [spec], { [spec.name]: value })[spec.name];
  } catch (error) {
    if (!(error instanceof ModelSpecError)) throw error;
    throw new TuneError(`${family.label}: ${spec.name} cannot be fixed at ${JSON.stringify(value)}: ${error.message.replace(`${family.kind}: `, '')}`);
  }
}
