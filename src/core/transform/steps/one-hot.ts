// One-hot step (sklearn OneHotEncoder with min_frequency / max_categories): one 0/1 numeric column
// `<name>=<category>` per frequent training category, plus `<name>=other` when some are infrequent.
// Policy: missing → all zeros; unseen → "other" when handleUnknown is 'infrequent_if_exist' and it exists,
// else all zeros; each unseen value is counted in the report.

import type { Column } from '../../table/types';
import { countLabels, readCategoryLabels } from '../category-labels';
import type { OneHotStep, ResolvedStep } from '../step-types';
import { assertNewName, createNumericColumn, createStepError, replaceColumns, type StepDefinition } from '../step-context';

export interface OneHotState {
  readonly columns: { name: string; frequent: string[]; infrequent: string[] }[];
}

/** One-hot: categories sorted; infrequent ones share the trailing "other" column. */
export const oneHotStep: StepDefinition<ResolvedStep<OneHotStep>, OneHotState> = {
  fit(step, train) {
    if (step.maxCategories !== undefined && (!Number.isInteger(step.maxCategories) || step.maxCategories < 2)) {
      throw createStepError(step, `maxCategories ${step.maxCategories} must be a whole number ≥ 2.`);
    }
    return {
      columns: step.columns.map((name) => {
        const { categories, counts } = countLabels(readCategoryLabels(step, train, name));
        const infrequent = findInfrequent(counts, train.rowCount, step);
        return { name, frequent: categories.filter((_, i) => !infrequent[i]), infrequent: categories.filter((_, i) => infrequent[i]) };
      }),
    };
  },
  apply(step, state, table, report) {
    const replaced = new Set(state.columns.map((c) => c.name));
    const replacements = new Map<string, Column[]>();
    for (const { name, frequent, infrequent } of state.columns) {
      const labels = readCategoryLabels(step, table, name);
      const hasOther = infrequent.length > 0;
      const index = new Map<string, number>(frequent.map((c, i) => [c, i]));
      for (const c of infrequent) index.set(c, frequent.length);
      const outputs = [...frequent, ...(hasOther ? ['other'] : [])].map(() => new Float64Array(table.rowCount));
      labels.forEach((label, row) => {
        if (label === null) return;
        let slot = index.get(label);
        if (slot === undefined) {
          report.unseen++;
          if (hasOther && step.handleUnknown === 'infrequent_if_exist') slot = frequent.length;
          else return;
        }
        outputs[slot][row] = 1;
      });
      const names = [...frequent, ...(hasOther ? ['other'] : [])].map((c) => `${name}=${c}`);
      names.forEach((n) => assertNewName(step, table, n, replaced));
      replacements.set(name, outputs.map((values, i) => createNumericColumn(names[i], values)));
    }
    return { table: replaceColumns(table, replacements) };
  },
};

/** sklearn _identify_infrequent: below min_frequency, then the rarest (stable by category) beyond max_categories − 1. */
function findInfrequent(counts: number[], rowCount: number, step: OneHotStep): boolean[] {
  const minFrequency = step.minFrequency ?? 0;
  const threshold = minFrequency >= 1 ? minFrequency : minFrequency * rowCount;
  const infrequent = counts.map((c) => c < threshold);
  const frequentCount = infrequent.filter((x) => !x).length;
  if (step.maxCategories !== undefined && step.maxCategories < frequentCount + 1) {
    const order = counts.map((_, i) => i).sort((a, b) => counts[a] - counts[b] || a - b);
    for (const i of order.slice(0, counts.length - step.maxCategories + 1)) infrequent[i] = true;
  }
  return infrequent;
}
