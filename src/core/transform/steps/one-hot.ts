// One-hot step (sklearn OneHotEncoder with min_frequency / max_categories): one 0/1 numeric column
// `<name>=<category>` per frequent training category, plus `<name>=other` when some are infrequent.
// Policy: missing → all zeros; unseen → "other" when handleUnknown is 'infrequent_if_exist' and it exists,
// else all zeros; each unseen value is counted in the report. `drop` removes the first output column as sklearn
// 1.2 does (after grouping, so with infrequent categories it may be "other"); a dropped category is all zeros.

import type { Column } from '../../table/types';
import { countLabels, readCategoryLabels } from '../category-labels';
import type { StepReport } from '../fitted-types';
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
    for (const column of state.columns) {
      const slots = [...column.frequent, ...(column.infrequent.length > 0 ? ['other'] : [])];
      const values = encodeLabels(step, column, readCategoryLabels(step, table, column.name), report);
      const first = dropsFirst(step, slots.length) ? 1 : 0;
      const names = slots.slice(first).map((c) => `${column.name}=${c}`);
      names.forEach((n) => assertNewName(step, table, n, replaced));
      replacements.set(column.name, values.slice(first).map((v, i) => createNumericColumn(names[i], v)));
    }
    return { table: replaceColumns(table, replacements) };
  },
};

/** sklearn 1.2's drop: the first output column (the first frequent category, else "other") for 'first', or for 'if_binary' when there are two. */
function dropsFirst(step: OneHotStep, outputs: number): boolean {
  return step.drop === 'first' || (step.drop === 'if_binary' && outputs === 2);
}

/** One 0/1 array per output slot (frequent categories, then "other"); missing stays all zeros, unseen is counted. */
function encodeLabels(step: OneHotStep, column: OneHotState['columns'][number], labels: readonly (string | null)[], report: StepReport): Float64Array[] {
  const { frequent, infrequent } = column;
  const hasOther = infrequent.length > 0;
  const index = new Map<string, number>(frequent.map((c, i) => [c, i]));
  for (const c of infrequent) index.set(c, frequent.length);
  const outputs = Array.from({ length: frequent.length + (hasOther ? 1 : 0) }, () => new Float64Array(labels.length));
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
  return outputs;
}

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
