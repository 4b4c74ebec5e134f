// Cast step: changes the kind of the named columns with the same conversions as the Data cell's type
// overrides. Stateless, so it cannot leak; values that do not convert become missing and are counted.

import { convertColumn } from '../../table/apply-column-overrides';
import type { Column } from '../../table/types';
import type { CastStep, ResolvedStep } from '../step-types';
import { replaceColumns, requireColumn, type StepDefinition } from '../step-context';

/** Cast: no state. Present values that do not convert become missing and are counted in `outOfRange`. */
export const castStep: StepDefinition<ResolvedStep<CastStep>, null> = {
  fit: () => null,
  apply(step, _state, table, report) {
    const replacements = new Map<string, Column[]>();
    for (const name of step.columns) {
      const column = requireColumn(step, table, name);
      if (column.kind === step.to) continue;
      const { converted, failures } = convertColumn(column, step.to, table.rowCount);
      report.outOfRange += failures.count;
      replacements.set(name, [converted]);
    }
    return { table: replaceColumns(table, replacements) };
  },
};
