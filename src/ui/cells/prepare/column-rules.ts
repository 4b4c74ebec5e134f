// The column picker's rule choices ("All numeric", "With missing values", "By name…") and the edits it makes to
// a step's column selection: switching between a list and a rule, leaving a resolved column out, a pattern.

import type { ColumnKind } from '../../../core/table/types';
import { isColumnRule, type ColumnRule, type ColumnRuleKind, type ColumnSelection } from '../../../core/transform/step-types';
import type { ColumnInfo } from '../../../state/pipeline-schema';

/** A picker mode: 'list' (tick columns) or a rule kind. */
export type PickerMode = 'list' | ColumnRuleKind;

const KIND_RULES: readonly (readonly [ColumnRuleKind & ColumnKind, string])[] = [
  ['numeric', 'All numeric'], ['categorical', 'All categorical'], ['boolean', 'All boolean'], ['datetime', 'All date/time'],
];

/** The modes a picker offers for a step reading `accepts`: ticking, the kind rules it can read, missing values, by name. */
export function listPickerModes(accepts: readonly ColumnKind[] | 'any'): [PickerMode, string][] {
  const kinds = KIND_RULES.filter(([kind]) => accepts === 'any' || accepts.includes(kind));
  return [['list', 'Pick columns'], ...kinds.map(([kind, label]): [PickerMode, string] => [kind, label]), ['missing', 'With missing values'], ['name', 'By name…']];
}

/** The selection after choosing `mode`: a list starts from what the rule picked (`resolved`), a rule starts plain. */
export function changePickerMode(selection: ColumnSelection, mode: PickerMode, resolved: readonly string[]): ColumnSelection {
  if (mode === 'list') return isColumnRule(selection) ? [...resolved] : selection;
  if (isColumnRule(selection) && selection.rule === mode) return selection;
  return { rule: mode };
}

/** `rule` with `name` left out (`out`) or taken back in. */
export function excludeColumn(rule: ColumnRule, name: string, out: boolean): ColumnRule {
  const rest = (rule.exclude ?? []).filter((n) => n !== name);
  return withExclude(rule, out ? [...rest, name] : rest);
}

/** `rule` with another field set; an empty pattern or a false flag is removed rather than stored. */
export function editRule(rule: ColumnRule, edit: { pattern?: string; onlyMissing?: boolean }): ColumnRule {
  const next: { -readonly [K in keyof ColumnRule]: ColumnRule[K] } = { ...rule, ...edit };
  if (!next.pattern) delete next.pattern;
  if (!next.onlyMissing) delete next.onlyMissing;
  return next;
}

/** Columns a list picker offers: those of accepted kinds (and any already chosen), never the target unless chosen. */
export function listOfferedColumns(available: readonly ColumnInfo[], accepts: readonly ColumnKind[] | 'any', chosen: readonly string[], target: string | null): ColumnInfo[] {
  return available.filter((c) => chosen.includes(c.name) || (c.name !== target && (accepts === 'any' || accepts.includes(c.kind))));
}

function withExclude(rule: ColumnRule, exclude: string[]): ColumnRule {
  const { exclude: _old, ...rest } = rule;
  return exclude.length > 0 ? { ...rest, exclude } : rest;
}
