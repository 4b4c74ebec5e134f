// log1p step: log(1 + x) for numeric columns. Policy: x ≤ −1 has no logarithm → missing, counted out of range.

import type { Log1pStep, ResolvedStep } from '../step-types';
import { createNumericColumn, replaceColumns, requireNumeric, type StepDefinition } from '../step-context';

/** log1p: no state. */
export const log1pStep: StepDefinition<ResolvedStep<Log1pStep>, null> = {
  fit(step, train) {
    for (const name of step.columns) requireNumeric(step, train, name);
    return null;
  },
  apply(step, _state, table, report) {
    const replacements = new Map(
      step.columns.map((name) => {
        const values = requireNumeric(step, table, name).map((x) => {
          if (x <= -1) {
            report.outOfRange++;
            return NaN;
          }
          return Math.log1p(x);
        });
        return [name, [createNumericColumn(name, values)]];
      }),
    );
    return { table: replaceColumns(table, replacements) };
  },
};
