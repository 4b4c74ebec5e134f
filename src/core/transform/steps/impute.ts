// Impute step (sklearn SimpleImputer): fill missing values with a statistic of the training rows.
// Ties in most_frequent go to the smallest value, as in sklearn. Optional `<name>_missing` indicators
// are added for columns that had missing values in training (sklearn's features='missing-only').

import { createTextColumn, readTexts, textRowCount } from '../../table/text-column';
import type { Column } from '../../table/types';
import { decodeNumber, encodeNumber, type JsonNumber } from '../json-number';
import type { ImputeStep, ResolvedStep } from '../step-types';
import { assertNewName, createNumericColumn, createStepError, replaceColumns, requireColumn, type StepDefinition } from '../step-context';

export interface ImputeState {
  readonly columns: { name: string; fill: JsonNumber | string; indicator: boolean }[];
}

/** Impute: state holds the fill per column (a number for numeric/datetime, a label otherwise). */
export const imputeStep: StepDefinition<ResolvedStep<ImputeStep>, ImputeState> = {
  fit(step, train) {
    return {
      columns: step.columns.map((name) => {
        const column = requireColumn(step, train, name);
        const fill = computeFill(step, column);
        return { name, fill: typeof fill === 'number' ? encodeNumber(fill) : fill, indicator: Boolean(step.addIndicator) && countMissing(column) > 0 };
      }),
    };
  },
  apply(step, state, table) {
    const replacements = new Map<string, Column[]>();
    for (const { name, fill, indicator } of state.columns) {
      const column = requireColumn(step, table, name);
      const numeric = column.kind === 'numeric' || column.kind === 'datetime';
      const out: Column[] = [fillColumn(column, numeric ? decodeNumber(fill as JsonNumber) : String(fill))];
      if (indicator) {
        assertNewName(step, table, `${name}_missing`);
        out.push(createNumericColumn(`${name}_missing`, Float64Array.from({ length: table.rowCount }, (_, r) => (isMissing(column, r) ? 1 : 0))));
      }
      replacements.set(name, out);
    }
    return { table: replaceColumns(table, replacements) };
  },
};

function computeFill(step: ImputeStep, column: Column): number | string {
  const present = presentValues(column);
  if (step.strategy === 'constant') {
    const value = step.fillValue ?? (column.kind === 'numeric' || column.kind === 'datetime' ? 0 : column.kind === 'boolean' ? 'false' : 'missing');
    if ((column.kind === 'numeric' || column.kind === 'datetime') !== (typeof value === 'number')) {
      throw createStepError(step, `fill value ${JSON.stringify(value)} does not suit ${column.kind} column '${column.name}'.`);
    }
    if (column.kind === 'boolean' && value !== 'true' && value !== 'false') {
      throw createStepError(step, `fill value ${JSON.stringify(value)} for boolean column '${column.name}' must be 'true' or 'false'.`);
    }
    return value;
  }
  if (present.length === 0) throw createStepError(step, `column '${column.name}' has no values in the training rows; use strategy 'constant'.`);
  if (step.strategy === 'most_frequent') return findMostFrequent(present);
  if (column.kind !== 'numeric' && column.kind !== 'datetime') {
    throw createStepError(step, `strategy '${step.strategy}' needs a numeric column, but '${column.name}' is ${column.kind}; use 'most_frequent' or 'constant'.`);
  }
  const numbers = Float64Array.from(present as number[]);
  if (step.strategy === 'mean') return numbers.reduce((a, b) => a + b, 0) / numbers.length;
  numbers.sort();
  const mid = numbers.length >> 1;
  return numbers.length % 2 ? numbers[mid] : (numbers[mid - 1] + numbers[mid]) / 2;
}

function findMostFrequent(values: (number | string)[]): number | string {
  const counts = new Map<number | string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | string = values[0];
  let bestCount = 0;
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && v < best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

function presentValues(column: Column): (number | string)[] {
  const out: (number | string)[] = [];
  if (column.kind === 'text') {
    for (const text of readTexts(column)) if (text !== null) out.push(text);
    return out;
  }
  const n = rowCountOf(column);
  for (let r = 0; r < n; r++) {
    if (isMissing(column, r)) continue;
    if (column.kind === 'categorical') out.push(column.levels[column.codes[r]]);
    else if (column.kind === 'boolean') out.push(column.values[r] === 1 ? 'true' : 'false');
    else out.push(column.values[r] as number | string);
  }
  return out;
}

function rowCountOf(column: Column): number {
  return column.kind === 'categorical' ? column.codes.length : column.kind === 'text' ? textRowCount(column) : column.values.length;
}

function isMissing(column: Column, r: number): boolean {
  switch (column.kind) {
    case 'numeric':
    case 'datetime':
      return Number.isNaN(column.values[r]);
    case 'categorical':
      return column.codes[r] < 0;
    case 'boolean':
      return column.values[r] === 255;
    case 'text':
      return column.missing[r] === 1;
  }
}

function countMissing(column: Column): number {
  let missing = 0;
  for (let r = 0; r < rowCountOf(column); r++) if (isMissing(column, r)) missing++;
  return missing;
}

function fillColumn(column: Column, fill: number | string): Column {
  switch (column.kind) {
    case 'numeric':
    case 'datetime':
      return { ...column, values: column.values.map((v) => (Number.isNaN(v) ? (fill as number) : v)) };
    case 'categorical': {
      let index = column.levels.indexOf(fill as string);
      const levels = index < 0 ? [...column.levels, fill as string] : column.levels;
      if (index < 0) index = levels.length - 1;
      return { ...column, levels, codes: column.codes.map((c) => (c < 0 ? index : c)) };
    }
    case 'boolean':
      return { ...column, values: column.values.map((v) => (v === 255 ? (fill === 'true' ? 1 : 0) : v)) };
    case 'text':
      return createTextColumn(column.name, readTexts(column).map((v) => v ?? (fill as string)), column.idLike);
  }
}
