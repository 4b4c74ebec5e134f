// Ordinal step (sklearn OrdinalEncoder): category → index among the sorted training categories.
// Policy: missing → NaN; unseen → NaN and counted in the report.

import { countLabels, readCategoryLabels } from '../category-labels';
import type { OrdinalStep, ResolvedStep } from '../step-types';
import { createNumericColumn, replaceColumns, type StepDefinition } from '../step-context';

export interface OrdinalState {
  readonly columns: { name: string; categories: string[] }[];
}

/** Ordinal: output is a numeric column of the same name. */
export const ordinalStep: StepDefinition<ResolvedStep<OrdinalStep>, OrdinalState> = {
  fit(step, train) {
    return { columns: step.columns.map((name) => ({ name, categories: countLabels(readCategoryLabels(step, train, name)).categories })) };
  },
  apply(step, state, table, report) {
    const replacements = new Map(
      state.columns.map(({ name, categories }) => {
        const index = new Map(categories.map((c, i) => [c, i]));
        const values = Float64Array.from(readCategoryLabels(step, table, name), (label) => {
          if (label === null) return NaN;
          const code = index.get(label);
          if (code === undefined) report.unseen++;
          return code ?? NaN;
        });
        return [name, [createNumericColumn(name, values)]];
      }),
    );
    return { table: replaceColumns(table, replacements) };
  },
};
