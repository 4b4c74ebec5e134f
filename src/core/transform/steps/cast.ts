// Cast step: changes the kind of the named columns with the same conversions as the Data cell's type
// overrides; values that do not convert become missing and are counted. A cast to categories learns its levels
// from the training rows, so a value has the same code in training, validation and any file scored later (levels
// met after training are appended after them, in label order); before, the codes came from whichever rows were cast.

import { convertColumn } from '../../table/apply-column-overrides';
import { compareLabels } from '../../table/sort-levels';
import type { CategoricalColumn, Column } from '../../table/types';
import type { CastStep, ResolvedStep } from '../step-types';
import { replaceColumns, requireColumn, type StepDefinition } from '../step-context';

/** The training levels of each column cast to categories, as [column, levels] pairs (plain JSON); null in pipelines fitted before. */
export interface CastState {
  readonly levels: readonly (readonly [string, readonly string[]])[];
}

export const castStep: StepDefinition<ResolvedStep<CastStep>, CastState | null> = {
  fit(step, train) {
    if (step.to !== 'categorical') return null;
    const levels = step.columns.map((name): [string, string[]] => {
      const column = requireColumn(step, train, name);
      const converted = column.kind === 'categorical' ? column : convertColumn(column, 'categorical', train.rowCount).converted;
      return [name, converted.kind === 'categorical' ? listPresentLevels(converted) : []];
    });
    return { levels };
  },
  apply(step, state, table, report) {
    const learnt = new Map(state?.levels ?? []);
    const replacements = new Map<string, Column[]>();
    for (const name of step.columns) {
      const column = requireColumn(step, table, name);
      if (column.kind === step.to && !learnt.has(name)) continue;
      const { converted, failures } = column.kind === step.to ? { converted: column, failures: { count: 0 } } : convertColumn(column, step.to, table.rowCount);
      report.outOfRange += failures.count;
      const levels = learnt.get(name);
      replacements.set(name, [levels && converted.kind === 'categorical' ? recodeOnto(converted, levels) : converted]);
    }
    return { table: replaceColumns(table, replacements) };
  },
};

/** The levels that occur in `column` (a categorical column may list levels no row has). */
function listPresentLevels(column: CategoricalColumn): string[] {
  const seen = new Uint8Array(column.levels.length);
  for (const code of column.codes) if (code >= 0) seen[code] = 1;
  return column.levels.filter((_, code) => seen[code] === 1);
}

/** `column` coded by `levels` first; its other levels follow in label order. */
function recodeOnto(column: CategoricalColumn, levels: readonly string[]): CategoricalColumn {
  const index = new Map(levels.map((level, code) => [level, code]));
  const extra = column.levels.filter((level) => !index.has(level)).sort(compareLabels);
  extra.forEach((level) => index.set(level, index.size));
  const map = Int32Array.from(column.levels, (level) => index.get(level) ?? -1);
  const codes = Int32Array.from(column.codes, (code) => (code < 0 ? -1 : map[code]));
  return { kind: 'categorical', name: column.name, codes, levels: [...levels, ...extra] };
}
