// Tests for the stateless and lightly-stateful steps: drop, log1p, date parts, cap outliers, dedupe,
// derive, filter, plus impute on categorical columns — each through fitPipeline/transformTable.
import { describe, expect, it } from 'vitest';
import { readTexts } from '../../table/text-column';
import type { NumericColumn, Table } from '../../table/types';
import { fitPipeline, fitPipelineWithTraining, transformTable } from '../pipeline';
import type { PipelineStep } from '../step-types';
import { textColumn } from '../../../test-support/table-builders';

const table: Table = {
  rowCount: 5,
  columns: [
    { kind: 'numeric', name: 'x', values: Float64Array.from([1, 2, 3, 1, -2]) },
    { kind: 'categorical', name: 'c', codes: Int32Array.from([0, 1, -1, 0, 1]), levels: ['a', 'b'] },
    { kind: 'datetime', name: 't', values: Float64Array.from([Date.UTC(2024, 0, 6, 5), Date.UTC(2024, 0, 8), NaN, Date.UTC(2024, 0, 6, 5), Date.UTC(2023, 11, 31)]) },
  ],
};
const train = Uint32Array.from([0, 1, 2, 3]);

function run(steps: PipelineStep[]) {
  const { fitted, training } = fitPipelineWithTraining(steps, table, train);
  const out = transformTable(fitted, table);
  return { fitted, training, out, plain: Object.fromEntries(out.table.columns.map((c) => [c.name, 'codes' in c ? [...c.levels] : c.kind === 'text' ? readTexts(c) : Array.from(c.values as ArrayLike<unknown>)])) };
}

describe('simple steps', () => {
  it('cast changes kinds, counting values that do not convert; naming an absent column fails', () => {
    const { out } = run([{ kind: 'cast', id: 'k', columns: ['x', 'c'], to: 'text' }, { kind: 'drop', id: 'd', columns: ['t'] }]);
    expect(out.table.columns.map((c) => [c.name, c.kind])).toEqual([['x', 'text'], ['c', 'text']]);
    expect(readTexts(out.table.columns[0] as Extract<typeof out.table.columns[0], { kind: 'text' }>)).toEqual(['1', '2', '3', '1', '-2']);
    expect(out.report.steps[0]).toEqual({ id: 'k', kind: 'cast', unseen: 0, outOfRange: 0, rowsRemoved: 0 });
    const back = run([{ kind: 'cast', id: 'k', columns: ['c'], to: 'numeric' }, { kind: 'drop', id: 'd', columns: ['t'] }]);
    // 'a'/'b' are not numbers: four present values become missing (the fifth was already missing).
    expect(back.plain).toEqual({ x: [1, 2, 3, 1, -2], c: [NaN, NaN, NaN, NaN, NaN] });
    expect(back.out.report.steps[0].outOfRange).toBe(4);
    expect(() => run([{ kind: 'cast', id: 'k', columns: ['nope'], to: 'numeric' }])).toThrow("Step 'k' (cast): column 'nope' is not in the table");
  });

  it('drop removes columns; naming an absent one fails', () => {
    expect(run([{ kind: 'drop', id: 'd', columns: ['c', 't'] }]).plain).toEqual({ x: [1, 2, 3, 1, -2] });
    expect(() => run([{ kind: 'drop', id: 'd', columns: ['nope'] }])).toThrow("Step 'd' (drop): column 'nope' is not in the table");
  });

  it('log1p: x ≤ −1 becomes missing and is counted', () => {
    const { plain, out } = run([{ kind: 'log1p', id: 'l', columns: ['x'] }]);
    expect(plain.x).toEqual([Math.log1p(1), Math.log1p(2), Math.log1p(3), Math.log1p(1), NaN]);
    expect(out.report.steps[0].outOfRange).toBe(1);
  });

  it('date parts in UTC; days_since counts from the earliest training date', () => {
    const { plain, out } = run([{ kind: 'date_parts', id: 'dp', columns: ['t'], parts: ['year', 'month', 'day', 'weekday', 'hour', 'is_weekend', 'days_since'], dropOriginal: true }]);
    expect(plain).toEqual({
      x: [1, 2, 3, 1, -2],
      c: ['a', 'b'],
      t_year: [2024, 2024, NaN, 2024, 2023],
      t_month: [1, 1, NaN, 1, 12],
      t_day: [6, 8, NaN, 6, 31],
      t_weekday: [5, 0, NaN, 5, 6],
      t_hour: [5, 0, NaN, 5, 0],
      t_is_weekend: [1, 0, NaN, 1, 1],
      t_days_since: [0, 43 / 24, NaN, 0, -149 / 24],
    });
    expect(out.report.steps[0].outOfRange).toBe(1);
  });

  it('cap outliers: IQR fences from training, kept inside the training range, clipped values counted', () => {
    const { fitted, plain, out } = run([{ kind: 'cap_outliers', id: 'cap', columns: ['x'], method: 'iqr', iqrMultiplier: 1 }]);
    // training x = 1, 2, 3, 1: Q1 = 1, Q3 = 2.25, IQR = 1.25, fences −0.25 and 3.5 — beyond the observed 1 and 3.
    expect(fitted.steps[0].state).toEqual({ columns: [{ name: 'x', lower: 1, upper: 3 }] });
    expect(plain.x).toEqual([1, 2, 3, 1, 1]);
    expect(out.report.steps[0].outOfRange).toBe(1);
  });

  it('cap outliers: a fence inside the training range stays as it is', () => {
    const wide: Table = { rowCount: 8, columns: [{ kind: 'numeric', name: 'x', values: Float64Array.from([0, 1, 1, 2, 2, 3, 40, -30]) }] };
    const fitted = fitPipeline([{ kind: 'cap_outliers', id: 'cap', columns: ['x'], method: 'iqr' }], wide, Uint32Array.from([0, 1, 2, 3, 4, 5, 6]));
    // Q1 = 1, Q3 = 2.5, fences −1.25 (min 0 is above it) and 4.75 (max 40 is beyond it).
    expect(fitted.steps[0].state).toEqual({ columns: [{ name: 'x', lower: 0, upper: 4.75 }] });
  });

  it('dedupe removes duplicate training rows only', () => {
    const { training, out } = run([{ kind: 'dedupe', id: 'dd' }]);
    expect(Array.from(training.sourceRows)).toEqual([0, 1, 2]);
    expect(out.table.rowCount).toBe(5);
  });

  it('derive and filter use the expression language; their errors name the step', () => {
    const { plain, out } = run([{ kind: 'derive', id: 'dv', name: 'big', expression: 'x > 1' }, { kind: 'filter', id: 'f', expression: 'not big' }]);
    expect(plain.big).toEqual([0, 0, 0]);
    expect(Array.from(out.rows)).toEqual([0, 3, 4]);
    expect(() => run([{ kind: 'derive', id: 'dv', name: 'y', expression: 'xx * 2' }])).toThrow("Step 'dv' (derive): Unknown column 'xx' at position 1 — did you mean 'x'?");
    expect(() => run([{ kind: 'filter', id: 'f', expression: 'x + 1' }])).toThrow("Step 'f' (filter): the filter expression gives numeric values; it must give true/false (e.g. Age >= 18).");
  });

  it('impute fills categorical columns with the most frequent training level (ties → smallest) or a new constant level', () => {
    const mostFrequent = run([{ kind: 'impute', id: 'i', columns: ['c'], strategy: 'most_frequent' }]).out.table.columns[1];
    expect(mostFrequent).toEqual({ kind: 'categorical', name: 'c', codes: Int32Array.from([0, 1, 0, 0, 1]), levels: ['a', 'b'] });
    const constant = run([{ kind: 'impute', id: 'i', columns: ['c'], strategy: 'constant' }]).out.table.columns[1];
    expect(constant).toEqual({ kind: 'categorical', name: 'c', codes: Int32Array.from([0, 1, 2, 0, 1]), levels: ['a', 'b', 'missing'] });
    expect(() => fitPipeline([{ kind: 'impute', id: 'i', columns: ['c'], strategy: 'mean' }], table, train)).toThrow(
      "Step 'i' (impute): strategy 'mean' needs a numeric column, but 'c' is categorical; use 'most_frequent' or 'constant'.",
    );
  });

  it('one-hot and ordinal count unseen categories; min-max counts values outside [0, 1]', () => {
    const unseen: Table = { rowCount: 2, columns: [textColumn('c', ['a', 'zz']), { kind: 'numeric', name: 'x', values: Float64Array.from([9, 0.5]) }] };
    const seen: Table = { rowCount: 2, columns: [textColumn('c', ['a', 'b']), { kind: 'numeric', name: 'x', values: Float64Array.from([0, 1]) }] };
    const fitted = fitPipeline([{ kind: 'ordinal', id: 'o', columns: ['c'] }, { kind: 'scale', id: 'm', columns: ['x'], method: 'minmax' }], seen, Uint32Array.from([0, 1]));
    const out = transformTable(fitted, unseen);
    expect(out.report.steps.map((s) => [s.unseen, s.outOfRange])).toEqual([[1, 0], [0, 1]]);
    expect(out.table.columns.map((c) => Array.from((c as NumericColumn).values))).toEqual([[0, NaN], [9, 0.5]]);
  });
});

describe('cast to categories', () => {
  it('codes a value by the training rows, the same in any batch; a level met later follows them', () => {
    const cities: Table = { rowCount: 5, columns: [textColumn('city', ['Rome', 'Oslo', 'Rome', 'Lima', 'Bonn'])] };
    const { fitted } = fitPipelineWithTraining([{ kind: 'cast', id: 'k', columns: ['city'], to: 'categorical' }], cities, Uint32Array.from([0, 1, 2]));
    expect(fitted.steps[0].state).toEqual({ levels: [['city', ['Oslo', 'Rome']]] });
    const coded = (rows: number[]) => {
      const column = transformTable(fitted, { rowCount: rows.length, columns: [textColumn('city', rows.map((r) => ['Rome', 'Oslo', 'Rome', 'Lima', 'Bonn'][r]))] }).table.columns[0];
      return column.kind === 'categorical' ? { codes: Array.from(column.codes), levels: column.levels } : null;
    };
    expect(coded([0, 3])).toEqual({ codes: [1, 2], levels: ['Oslo', 'Rome', 'Lima'] });
    expect(coded([4, 3, 1, 0])).toEqual({ codes: [2, 3, 0, 1], levels: ['Oslo', 'Rome', 'Bonn', 'Lima'] });
  });
});
