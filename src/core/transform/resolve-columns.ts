// Resolves a step's column rule ("all numeric", "with missing values", "named price_*") against the table as it
// is at that step, on training rows, once in fitPipeline: the fitted step stores the names, so transformTable
// applies exactly the fitted columns to new data, whatever columns it has.

import { isMissing } from '../table/format-cell';
import type { Column, Table } from '../table/types';
import { createStepError } from './step-context';
import { listStepColumnKinds } from './step-column-kinds';
import { isColumnRule, type ColumnRule, type PipelineStep, type ResolvedStep } from './step-types';

/** `step` with its columns as names: a list as it is, a rule resolved on `table`; the target is never picked by a rule. */
export function resolveStep<S extends PipelineStep>(step: S, table: Table, target: string | null): ResolvedStep<S> {
  if (!('columns' in step) || !isColumnRule(step.columns)) return step as ResolvedStep<S>;
  return { ...step, columns: resolveColumnRule(step, step.columns, table, target) } as ResolvedStep<S>;
}

/** The names of `table`'s columns that `rule` picks for `step`, in table order. */
export function resolveColumnRule(step: PipelineStep, rule: ColumnRule, table: Table, target: string | null): string[] {
  if (rule.rule === 'name' && !rule.pattern) throw createStepError(step, "the rule 'by name' needs a pattern, e.g. price_* (* any characters, ? one).");
  const kinds = listStepColumnKinds(step);
  const pattern = rule.pattern ? compileGlob(rule.pattern) : null;
  const left = new Set([...(rule.exclude ?? []), ...(target ? [target] : []), ...('target' in step && step.target ? [step.target] : [])]);
  return table.columns
    .filter((c) => !left.has(c.name) && (kinds === 'any' || (kinds?.includes(c.kind) ?? false)))
    .filter((c) => matchesRule(c, rule, table.rowCount) && (!pattern || pattern.test(c.name)))
    .map((c) => c.name);
}

function matchesRule(column: Column, rule: ColumnRule, rowCount: number): boolean {
  const kindMatches = rule.rule === 'missing' || rule.rule === 'name' || column.kind === rule.rule;
  return kindMatches && (!(rule.onlyMissing || rule.rule === 'missing') || hasMissing(column, rowCount));
}

function hasMissing(column: Column, rowCount: number): boolean {
  for (let r = 0; r < rowCount; r++) if (isMissing(column, r)) return true;
  return false;
}

/** A glob as an anchored RegExp: `*` → any run, `?` → one character, everything else literal. */
export function compileGlob(pattern: string): RegExp {
  const body = Array.from(pattern, (ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'su');
}
