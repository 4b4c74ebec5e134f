import { describe, expect, it } from 'vitest';
import { booleanColumn, categoricalColumn, datetimeColumn, numericColumn, tableOf, textColumn } from '../../test-support/table-builders';
import { applyColumnOverrides } from './apply-column-overrides';
import { countDistinctNumbers } from './count-distinct';
import { describeColumns } from './describe-columns';
import { selectRows } from './select-rows';
import { collectTransferables } from './table-buffers';

const age = textColumn('Age', ['31', 'abc', null, '4']);
const city = categoricalColumn('City', ['Oslo', null, 'Oslo', 'Bergen']);
const when = datetimeColumn('When', ['2020-01-02', null, '2021-03-04T05:06:07Z', '2020-01-02']);
const flag = booleanColumn('Flag', [true, false, null, true]);
const score = numericColumn('Score', [1.5, 2, null, 1.5]);
const table = tableOf(age, city, when, flag, score);

describe('applyColumnOverrides', () => {
  it('converts, excludes, reuses untouched columns and reports values that failed', () => {
    const { table: out, problems } = applyColumnOverrides(table, { Age: 'numeric', City: 'excluded', Nope: 'text' });
    expect([out, problems]).toEqual([
      tableOf(numericColumn('Age', [31, null, null, 4], true), when, flag, score),
      [
        { column: 'Nope', message: 'There is no column named "Nope"; its setting was ignored.' },
        { column: 'Age', message: "Age: 1 value could not be read as numbers, e.g. 'abc'; they are now missing." },
      ],
    ]);
    expect(out.columns[1]).toBe(when);
  });

  it('converts between kinds both ways', () => {
    const { table: out, problems } = applyColumnOverrides(table, { City: 'text', When: 'text', Flag: 'categorical', Score: 'datetime' });
    expect([out.columns, problems]).toEqual([
      [
        age,
        textColumn('City', ['Oslo', null, 'Oslo', 'Bergen']),
        textColumn('When', ['2020-01-02', null, '2021-03-04T05:06:07.000Z', '2020-01-02']),
        { kind: 'categorical', name: 'Flag', codes: Int32Array.from([1, 0, -1, 1]), levels: ['false', 'true'] }, // levels sorted
        { kind: 'datetime', name: 'Score', values: score.values },
      ],
      [],
    ]);
  });

  it('parses text as dates and booleans', () => {
    const texts = tableOf(textColumn('d', ['31/01/2020', '2020-02-03', 'soon', null]), textColumn('b', ['Y', '0', 'maybe', 'false']));
    const { table: out, problems } = applyColumnOverrides(texts, { d: 'datetime', b: 'boolean' });
    expect([out.columns, problems]).toEqual([
      [datetimeColumn('d', ['2020-01-31', '2020-02-03', null, null]), booleanColumn('b', [true, false, null, false])],
      [
        { column: 'd', message: "d: 1 value could not be read as dates, e.g. 'soon'; they are now missing." },
        { column: 'b', message: "b: 1 value could not be read as true/false values, e.g. 'maybe'; they are now missing." },
      ],
    ]);
  });
});

describe('describeColumns', () => {
  it('summarizes each kind', () => {
    expect(describeColumns(table)).toEqual([
      { name: 'Age', kind: 'text', missing: 1, missingPct: 25, distinct: 3, examples: ['31', 'abc', '4'] },
      { name: 'City', kind: 'categorical', missing: 1, missingPct: 25, distinct: 2, examples: ['Oslo', 'Bergen'] },
      { name: 'When', kind: 'datetime', missing: 1, missingPct: 25, distinct: 2, examples: ['2020-01-02', '2021-03-04T05:06:07.000Z'] },
      { name: 'Flag', kind: 'boolean', missing: 1, missingPct: 25, distinct: 2, examples: ['true', 'false'] },
      { name: 'Score', kind: 'numeric', missing: 1, missingPct: 25, distinct: 2, examples: ['1.5', '2'] },
    ]);
  });

  it('handles a million rows of 20 columns (timed in the report, not here)', () => {
    const values = Float64Array.from({ length: 1_000_000 }, (_, i) => (i % 1000) / 10);
    const big = { rowCount: 1_000_000, columns: Array.from({ length: 20 }, (_, c) => ({ kind: 'numeric' as const, name: `c${c}`, values })) };
    expect(describeColumns(big)[19]).toEqual({ name: 'c19', kind: 'numeric', missing: 0, missingPct: 0, distinct: 1000, examples: ['0', '0.1', '0.2', '0.3', '0.4'] });
  });
});

describe('countDistinctNumbers', () => {
  it('counts distinct present values, -0 as 0', () => {
    expect(countDistinctNumbers(Float64Array.from([1, NaN, 1, -0, 0, 2.5, 1e300, 2.5]))).toBe(4);
  });
});

describe('selectRows', () => {
  it('gathers rows of every kind in the given order', () => {
    expect(selectRows(table, Uint32Array.from([3, 0, 0]))).toEqual(
      tableOf(
        textColumn('Age', ['4', '31', '31']),
        { kind: 'categorical', name: 'City', codes: Int32Array.from([1, 0, 0]), levels: ['Oslo', 'Bergen'] },
        datetimeColumn('When', ['2020-01-02', '2020-01-02', '2020-01-02']),
        booleanColumn('Flag', [true, true, true]),
        numericColumn('Score', [1.5, 1.5, 1.5]),
      ),
    );
  });
});

describe('collectTransferables', () => {
  it('lists each typed-array buffer once, and all three of a text column', () => {
    const shared = numericColumn('a', [1, 2]);
    const buffers = collectTransferables(tableOf(shared, { ...shared, name: 'b' }, city, age));
    expect(buffers).toEqual([shared.values.buffer, city.codes.buffer, age.bytes.buffer, age.offsets.buffer, age.missing.buffer]);
    expect(new Set(buffers).size).toBe(5);
    expect(buffers[0]).toBe(shared.values.buffer);
  });
});
