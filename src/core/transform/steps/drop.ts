// Drop step: removes the named columns (every one must exist).

import type { DropStep, ResolvedStep } from '../step-types';
import { replaceColumns, requireColumn, type StepDefinition } from '../step-context';

/** Drop: no state; a named column that is absent is a PipelineError. */
export const dropStep: StepDefinition<ResolvedStep<DropStep>, null> = {
  fit: () => null,
  apply(step, _state, table) {
    for (const name of step.columns) requireColumn(step, table, name);
    return { table: replaceColumns(table, new Map(step.columns.map((name) => [name, []]))) };
  },
};
