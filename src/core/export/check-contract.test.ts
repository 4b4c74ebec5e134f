import { describe, expect, it } from 'vitest';
import { booleanColumn, categoricalColumn, datetimeColumn, numericColumn, tableOf, textColumn } from '../../test-support/table-builders';
import { alignTableToContract, checkTableAgainstContract, describeContractReport, type ContractReport } from './check-contract';
import type { InputContract } from './input-contract';

const CONTRACT: InputContract = {
  formatVersion: 1,
  columns: [
    { name: 'age', kind: 'numeric', missing: 0, min: 18, max: 90 },
    // "teal" is a level of the dataset that never occurred in a training row.
    { name: 'colour', kind: 'categorical', missing: 1, levels: ['blue', 'red', 'teal'], counts: [4, 3, 0] },
    { name: 'member', kind: 'boolean', missing: 0, trueCount: 3, falseCount: 5 },
    { name: 'joined', kind: 'datetime', missing: 0, min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2020-12-31T00:00:00Z') },
    { name: 'note', kind: 'text', missing: 2 },
  ],
  target: { name: 'churn', classes: ['no', 'yes'] },
  trainRowCount: 8,
};

const EMPTY: Omit<ContractReport, 'rowCount'> = { missingColumns: [], extraColumns: [], typeChanges: [], unseenCategories: [], outOfRange: [], newMissing: [] };

function cleanTable() {
  return tableOf(
    numericColumn('age', [20, 30]),
    categoricalColumn('colour', ['red', 'blue']),
    booleanColumn('member', [true, false]),
    datetimeColumn('joined', ['2020-02-01', '2020-03-01']),
    textColumn('note', ['a', null]),
  );
}

describe('checkTableAgainstContract', () => {
  it('a table as the contract describes it has nothing to report; the target column is not an extra column', () => {
    const table = tableOf(...cleanTable().columns, categoricalColumn('churn', ['no', 'yes']));
    expect(checkTableAgainstContract(table, CONTRACT)).toEqual({ ...EMPTY, rowCount: 2 });
  });

  it('reports missing and extra columns by name', () => {
    const table = tableOf(numericColumn('age', [20]), numericColumn('id', [1]), textColumn('__proto__', ['x']));
    expect(checkTableAgainstContract(table, CONTRACT)).toEqual({
      ...EMPTY, rowCount: 1, missingColumns: ['colour', 'member', 'joined', 'note'], extraColumns: ['id', '__proto__'],
    });
  });

  it('reports type changes with the values that could not convert, and converts the rest', () => {
    const table = tableOf(
      textColumn('age', ['20', 'old', '30']),
      categoricalColumn('colour', ['red', 'blue', 'red']),
      categoricalColumn('member', ['yes', 'no', 'yes']),
      textColumn('joined', ['2020-02-01', '2020-03-01', '2020-04-01']),
      numericColumn('note', [1, 2, 3]),
    );
    const { table: aligned, report } = alignTableToContract(table, CONTRACT);
    expect(report).toEqual({
      ...EMPTY, rowCount: 3,
      typeChanges: [
        { column: 'age', expected: 'numeric', found: 'text', converted: false, failures: 1 },
        { column: 'member', expected: 'boolean', found: 'categorical', converted: true, failures: 0 },
        { column: 'joined', expected: 'datetime', found: 'text', converted: true, failures: 0 },
        { column: 'note', expected: 'text', found: 'numeric', converted: true, failures: 0 },
      ],
      // The failed conversion is missing now, where training had no missing age.
      newMissing: [{ column: 'age', rows: 1 }],
    });
    expect(aligned.columns.map((c) => c.kind)).toEqual(['numeric', 'categorical', 'boolean', 'datetime', 'text']);
    expect(aligned.columns[0]).toEqual(numericColumn('age', [20, null, 30], true));
    expect(aligned.columns[2]).toEqual(booleanColumn('member', [true, false, true]));
  });

  it('reports unseen categories (new values, and levels never seen in training rows), out-of-range values and new missing values', () => {
    const colours = ['red', 'mauve', 'teal', 'mauve', null, ...Array.from({ length: 11 }, (_, i) => `c${String(i).padStart(2, '0')}`)];
    const n = colours.length;
    const table = tableOf(
      numericColumn('age', [10, 95, 96, null, ...new Array<number>(n - 4).fill(40)]),
      categoricalColumn('colour', colours),
      booleanColumn('member', [null, ...new Array<boolean>(n - 1).fill(true)]),
      datetimeColumn('joined', ['2019-06-01', ...new Array<string>(n - 1).fill('2020-06-01')]),
      textColumn('note', new Array<string | null>(n).fill(null)),
    );
    expect(checkTableAgainstContract(table, CONTRACT)).toEqual({
      ...EMPTY, rowCount: n,
      unseenCategories: [{ column: 'colour', rows: 14, distinct: 13, values: ['mauve', 'teal', 'c00', 'c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07'] }],
      outOfRange: [
        { column: 'age', kind: 'numeric', below: 1, above: 2, min: 18, max: 90 },
        { column: 'joined', kind: 'datetime', below: 1, above: 0, min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2020-12-31T00:00:00Z') },
      ],
      // colour and note had missing values in training: not new.
      newMissing: [{ column: 'age', rows: 1 }, { column: 'member', rows: 1 }],
    });
  });
});

describe('alignTableToContract', () => {
  it('keeps the contract columns in its order, drops extra ones and re-codes categories onto the contract levels', () => {
    // Imported on its own, this file's levels would be [green, red] (sorted): codes 0 and 1.
    const table = tableOf(
      textColumn('note', ['x', 'y', 'z']),
      numericColumn('extra', [1, 2, 3]),
      categoricalColumn('colour', ['red', 'green', null]),
      booleanColumn('member', [true, true, false]),
      datetimeColumn('joined', ['2020-02-01', '2020-03-01', '2020-04-01']),
      numericColumn('age', [20, 30, 40]),
    );
    const { table: aligned } = alignTableToContract(table, CONTRACT);
    expect(aligned.columns.map((c) => c.name)).toEqual(['age', 'colour', 'member', 'joined', 'note']);
    expect(aligned.columns[1]).toEqual({ kind: 'categorical', name: 'colour', levels: ['blue', 'red', 'teal', 'green'], codes: Int32Array.of(1, 3, -1) });
    expect(aligned.columns[0]).toBe(table.columns[5]);
  });

  it('reads a categorical column that the file typed as numbers onto text levels', () => {
    const contract: InputContract = { ...CONTRACT, columns: [{ name: 'grade', kind: 'categorical', missing: 0, levels: ['1', '10', '2'], counts: [1, 1, 1] }] };
    const { table, report } = alignTableToContract(tableOf(numericColumn('grade', [2, 10, 3])), contract);
    expect(table.columns[0]).toEqual({ kind: 'categorical', name: 'grade', levels: ['1', '10', '2', '3'], codes: Int32Array.of(2, 1, 3) });
    expect(report.typeChanges).toEqual([{ column: 'grade', expected: 'categorical', found: 'numeric', converted: true, failures: 0 }]);
    expect(report.unseenCategories).toEqual([{ column: 'grade', rows: 1, values: ['3'], distinct: 1 }]);
  });

  it('treats columns named like Object members as plain names', () => {
    const contract: InputContract = {
      formatVersion: 1, target: null, trainRowCount: 2,
      columns: [
        { name: '__proto__', kind: 'categorical', missing: 0, levels: ['constructor', 'toString'], counts: [1, 1] },
        { name: 'constructor', kind: 'numeric', missing: 0, min: 0, max: 1 },
      ],
    };
    const table = tableOf(numericColumn('constructor', [0, 1]), categoricalColumn('__proto__', ['toString', 'hasOwnProperty']));
    const { table: aligned, report } = alignTableToContract(table, contract);
    expect(aligned.columns.map((c) => c.name)).toEqual(['__proto__', 'constructor']);
    expect(aligned.columns[0]).toEqual({ kind: 'categorical', name: '__proto__', levels: ['constructor', 'toString', 'hasOwnProperty'], codes: Int32Array.of(1, 2) });
    expect(report).toEqual({ ...EMPTY, rowCount: 2, unseenCategories: [{ column: '__proto__', rows: 1, values: ['hasOwnProperty'], distinct: 1 }] });
  });
});

describe('describeContractReport', () => {
  it('puts missing columns first as errors, then counted warnings naming each column', () => {
    const report: ContractReport = {
      rowCount: 100,
      missingColumns: ['colour'],
      extraColumns: ['id', 'notes'],
      typeChanges: [{ column: 'age', expected: 'numeric', found: 'text', converted: false, failures: 3 }],
      unseenCategories: [{ column: 'city', rows: 12, values: ['Oslo', 'Lima'], distinct: 2 }],
      outOfRange: [{ column: 'age', kind: 'numeric', below: 1, above: 2, min: 18, max: 90.5 }, { column: 'joined', kind: 'datetime', below: 0, above: 1, min: 0, max: Date.parse('2020-12-31T00:00:00Z') }],
      newMissing: [{ column: 'income', rows: 1 }],
    };
    expect(describeContractReport(report)).toEqual([
      { severity: 'error', message: 'Column "colour" is missing: the model reads it, so no row can be scored. Add it to the file (names are case-sensitive).' },
      { severity: 'warning', message: 'Column "age" should hold numbers but the file has text; 3 values could not be read as numbers and are now missing.' },
      { severity: 'warning', message: 'Column "city": 12 rows have categories the model never saw in training (2 distinct values: "Oslo", "Lima"); they are scored as unseen categories.' },
      { severity: 'warning', message: 'Column "income": 1 row is missing a value, and training had no missing values there; the run\'s handling of them was never checked on this column.' },
      { severity: 'warning', message: 'Column "age": 1 value below the training minimum 18 and 2 values above the training maximum 90.5; predictions there extrapolate beyond the training data.' },
      { severity: 'warning', message: 'Column "joined": 1 value above the training maximum 2020-12-31; predictions there extrapolate beyond the training data.' },
      { severity: 'warning', message: '2 columns the model does not read are ignored: "id", "notes".' },
    ]);
    expect(describeContractReport({ ...EMPTY, rowCount: 0 })).toEqual([]);
  });
});
