// Drop step: removes the named columns (every one must exist when fitting; a table being scored need not carry
// a column the pipeline only drops).

import type { DropStep, ResolvedStep } from '../step-types';
import { replaceColumns, requireColumn, type StepDefinition } from '../step-context';

/** Drop: no state; a named column that is absent is a PipelineError when fitting and nothing to do when transforming. */
export const dropStep: StepDefinition<ResolvedStep<DropStep>, null> = {
  fit: () => null,
  apply(step, _state, table, _report, mode) {
    const present = new Set(table.columns.map((column) => column.name));
    if (mode === 'fit') for (const name of step.columns) requireColumn(step, table, name);
    return { table: replaceColumns(table, new Map(step.columns.filter((name) => present.has(name)).map((name) => [name, []]))) };
  },
};
