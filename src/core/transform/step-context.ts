// The contract every pipeline step implements, and the column helpers steps share
// (finding a column with a PipelineError that names the step, replacing columns in place).

import { StudioError } from '../errors';
import type { Column, NumericColumn, Table } from '../table/types';
import type { StepReport } from './fitted-types';
import type { PipelineStep, ResolvedStep } from './step-types';

/** What an error needs to name a step. */
type StepName = Pick<PipelineStep, 'id' | 'kind'>;

/**
 * One step kind. `fit` sees the training table only (already transformed by earlier steps) and returns
 * plain-JSON state; both see the step with its columns as names (a rule is resolved before). `apply` maps a table with that state; `mode` is 'fit' when the table is that same
 * training table (dedupe and cross-fitted target encoding behave differently there).
 */
export interface StepDefinition<S extends ResolvedStep, State> {
  fit(step: S, train: Table): State;
  apply(step: S, state: State, table: Table, report: StepReport, mode: 'fit' | 'transform'): StepOutput;
}

/** A step's result: the new table, and for row-removing steps the kept row positions of the input. */
export interface StepOutput {
  readonly table: Table;
  readonly keptRows?: Uint32Array;
}

/** A PipelineError naming the step. */
export function createStepError(step: StepName, message: string): StudioError {
  return new StudioError('PipelineError', `Step '${step.id}' (${step.kind}): ${message}`);
}

/** The named column, or a PipelineError naming the step and the column (dropped upstream or missing). */
export function requireColumn(step: StepName, table: Table, name: string): Column {
  const column = table.columns.find((c) => c.name === name);
  if (!column) {
    const names = table.columns.map((c) => `'${c.name}'`).join(', ') || 'none';
    throw createStepError(step, `column '${name}' is not in the table at this point (missing, or dropped by an earlier step). Columns here: ${names}.`);
  }
  return column;
}

/** The named numeric (or datetime) column's values, or a PipelineError saying which kind it is. */
export function requireNumeric(step: StepName, table: Table, name: string): Float64Array {
  const column = requireColumn(step, table, name);
  if (column.kind !== 'numeric') throw createStepError(step, `column '${name}' is ${column.kind}, not numeric; encode or convert it first.`);
  return column.values;
}

/** A numeric column. */
export function createNumericColumn(name: string, values: Float64Array): NumericColumn {
  return { kind: 'numeric', name, values };
}

/** `table` with each column named in `replacements` swapped for its list (empty list drops it); others reused. */
export function replaceColumns(table: Table, replacements: ReadonlyMap<string, readonly Column[]>, appended: readonly Column[] = []): Table {
  const columns: Column[] = [];
  for (const column of table.columns) {
    const next = replacements.get(column.name);
    if (next) columns.push(...next);
    else columns.push(column);
  }
  columns.push(...appended);
  return { rowCount: table.rowCount, columns };
}

/** Throws a PipelineError when a step would create a column whose name already exists. */
export function assertNewName(step: StepName, table: Table, name: string, replaced: ReadonlySet<string> = new Set()): void {
  if (table.columns.some((c) => c.name === name && !replaced.has(c.name))) {
    throw createStepError(step, `it would create column '${name}', which already exists; rename or drop that column first.`);
  }
}
