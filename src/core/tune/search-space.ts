// A family's search space: its tuning hints give the default space, the Tune cell's edits override one parameter
// each. Conditions are resolved here: a parameter whose parent is fixed either always applies (its condition is
// dropped) or never does (it is left out, so the family default applies).

import { TuneError } from '../errors';
import type { FamilyInfo, HyperparameterSpec, HyperparameterValue, Hyperparameters, ParamCondition } from '../models/types';
import { findEffectiveEdit, resolveParamEdit, type ResolvedParam } from './check-param-edit';
import { orderParamsByCondition } from './space-params';
import type { ParamEdit, ParamRange, SearchSpace } from './types';

type Edits = Readonly<Record<string, ParamEdit>> | null;

/** One row of the Tune cell's editable table: a schema parameter and the edit in effect. */
export interface SpaceRow {
  readonly name: string;
  readonly label: string;
  readonly kind: HyperparameterSpec['kind'];
  readonly edit: ParamEdit;
  /** Where the edit comes from: the user's, the family's tuning hint, or the default (fixed, not searched). */
  readonly source: 'edit' | 'hint' | 'default';
  readonly when?: ParamCondition;
  /** True when its condition can never hold in this space (its parent is fixed elsewhere): a search leaves it at its default. */
  readonly neverActive: boolean;
}

/** The space a search runs over; TuneError on an unknown parameter, an invalid edit, or nothing left to search. */
export function buildSearchSpace(family: FamilyInfo, edits: Edits): SearchSpace {
  if (family.params.length === 0) throw new TuneError(`${family.label} has no hyperparameters to tune; train it in a Train cell instead.`);
  checkEditNames(family, edits);
  const resolved = new Map<string, ResolvedParam>();
  const fixed: Hyperparameters = {};
  for (const spec of family.params) {
    const { edit, source } = findEffectiveEdit(spec, readEdit(edits, spec.name));
    const param = resolveParamEdit(family, spec, edit);
    resolved.set(spec.name, param);
    if (param.kind === 'fixed' && source !== 'default') fixed[spec.name] = param.value;
  }
  const never = findNeverActive(family, (name) => {
    const param = resolved.get(name);
    if (!param) return undefined;
    if (param.kind === 'fixed') return [param.value];
    return param.range.kind === 'choice' ? param.range.options : param.range.kind === 'bool' ? [false, true] : null;
  });
  const params: ParamRange[] = [];
  for (const [name, param] of resolved) {
    if (param.kind !== 'searched' || never.has(name)) continue;
    const parent = param.range.when?.param;
    // A parent that is not searched has one value, and it satisfies the condition (else `never` has the child).
    const isConditional = parent !== undefined && resolved.get(parent)?.kind === 'searched';
    params.push(isConditional ? param.range : dropCondition(param.range));
  }
  if (params.length === 0) {
    throw new TuneError(`${family.label}: nothing left to search: every parameter is fixed or applies only under a setting fixed otherwise; give one parameter a range or options.`);
  }
  return { family: family.kind, params: orderParamsByCondition(params), fixed };
}

/** Every schema parameter with its edit in effect, for the Tune cell's table (no checks: invalid edits show as typed). */
export function listSpaceRows(family: FamilyInfo, edits: Edits): SpaceRow[] {
  const effective = new Map(family.params.map((spec) => [spec.name, findEffectiveEdit(spec, readEdit(edits, spec.name))]));
  const never = findNeverActive(family, (name) => {
    const edit = effective.get(name)?.edit;
    if (!edit) return undefined;
    return edit.mode === 'fixed' ? [edit.value] : edit.mode === 'options' ? edit.options : null;
  });
  return family.params.map((spec) => {
    const { edit, source } = effective.get(spec.name)!;
    return { name: spec.name, label: spec.label, kind: spec.kind, edit, source, ...(spec.when ? { when: spec.when } : {}), neverActive: never.has(spec.name) };
  });
}

/** A stable string naming the space (family, searched parameters, fixed values), whatever the key order: a search's identity for resume. */
export function describeSpaceKey(space: SearchSpace): string {
  const params = [...space.params].sort((a, b) => compareText(a.name, b.name)).map((p) => [
    p.name, p.kind, p.kind === 'int' || p.kind === 'float' ? [p.min, p.max, p.log] : p.kind === 'choice' ? p.options : null,
    p.when ? [p.when.param, p.when.in] : null,
  ]);
  const fixed = Object.keys(space.fixed).sort(compareText).map((name) => [name, space.fixed[name]]);
  return JSON.stringify({ family: space.family, params, fixed });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function readEdit(edits: Edits, name: string): ParamEdit | undefined {
  return edits && Object.hasOwn(edits, name) ? edits[name] : undefined;
}

function checkEditNames(family: FamilyInfo, edits: Edits): void {
  const known = family.params.map((spec) => spec.name);
  for (const name of Object.keys(edits ?? {})) {
    if (!known.includes(name)) throw new TuneError(`${family.label} has no parameter "${name}" to tune; known: ${known.join(', ')}.`);
  }
}

function dropCondition(range: ParamRange): ParamRange {
  if (!range.when) return range;
  const { when: _when, ...rest } = range;
  return rest;
}

/**
 * Parameters whose condition can never hold: the parent is unknown, never active itself, or none of its possible
 * values (`valuesOf`: the fixed value or the options; null for a number range, which no condition lists) is listed.
 */
function findNeverActive(family: FamilyInfo, valuesOf: (name: string) => readonly HyperparameterValue[] | null | undefined): Set<string> {
  const specs = new Map(family.params.map((spec) => [spec.name, spec]));
  const memo = new Map<string, boolean>();
  const isNever = (name: string, seen: ReadonlySet<string>): boolean => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const when = specs.get(name)?.when;
    let never = false;
    if (when) {
      const values = valuesOf(when.param);
      never = seen.has(when.param) || !specs.has(when.param) || isNever(when.param, new Set([...seen, name]))
        || !values || !values.some((value) => (when.in as readonly HyperparameterValue[]).includes(value));
    }
    memo.set(name, never);
    return never;
  };
  return new Set(family.params.filter((spec) => isNever(spec.name, new Set())).map((spec) => spec.name));
}
