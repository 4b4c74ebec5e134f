// Date-parts step: datetime → numeric parts in UTC (year, month 1–12, day 1–31, weekday 0=Mon…6=Sun,
// hour, is_weekend 0/1, days_since the earliest training timestamp). Missing stays NaN. Policy: a
// timestamp before the training reference gives negative days_since and is counted out of range.

import { decodeNumber, encodeNumber, type JsonNumber } from '../json-number';
import type { DatePart, DatePartsStep, ResolvedStep } from '../step-types';
import { assertNewName, createNumericColumn, createStepError, replaceColumns, requireColumn, type StepDefinition } from '../step-context';
import type { Table } from '../../table/types';

export interface DatePartsState {
  readonly columns: { name: string; referenceMs: JsonNumber }[];
}

const DAY_MS = 86_400_000;

/** Date parts: new columns `<name>_<part>` after the source (which is dropped when dropOriginal). */
export const datePartsStep: StepDefinition<ResolvedStep<DatePartsStep>, DatePartsState> = {
  fit(step, train) {
    return {
      columns: step.columns.map((name) => {
        let min = Infinity;
        for (const t of readTimes(step, train, name)) if (t < min) min = t;
        return { name, referenceMs: encodeNumber(min === Infinity ? NaN : min) };
      }),
    };
  },
  apply(step, state, table, report) {
    const replacements = new Map(
      state.columns.map(({ name, referenceMs }) => {
        const times = readTimes(step, table, name);
        const reference = decodeNumber(referenceMs);
        const parts = step.parts.map((part) => {
          assertNewName(step, table, `${name}_${part}`);
          return createNumericColumn(`${name}_${part}`, times.map((t) => extractPart(t, part, reference, report)));
        });
        return [name, step.dropOriginal ? parts : [requireColumn(step, table, name), ...parts]];
      }),
    );
    return { table: replaceColumns(table, replacements) };
  },
};

function readTimes(step: DatePartsStep, table: Table, name: string): Float64Array {
  const column = requireColumn(step, table, name);
  if (column.kind !== 'datetime') throw createStepError(step, `column '${name}' is ${column.kind}; date parts need a datetime column.`);
  return column.values;
}

/** One calendar part of an epoch-ms instant, in UTC; NaN when missing. */
export function extractPart(t: number, part: DatePart, referenceMs: number, report: { outOfRange: number }): number {
  if (Number.isNaN(t)) return NaN;
  const date = new Date(t);
  const weekday = (date.getUTCDay() + 6) % 7;
  switch (part) {
    case 'year':
      return date.getUTCFullYear();
    case 'month':
      return date.getUTCMonth() + 1;
    case 'day':
      return date.getUTCDate();
    case 'weekday':
      return weekday;
    case 'hour':
      return date.getUTCHours();
    case 'is_weekend':
      return weekday >= 5 ? 1 : 0;
    case 'days_since':
      if (t < referenceMs) report.outOfRange++;
      return (t - referenceMs) / DAY_MS;
  }
}
