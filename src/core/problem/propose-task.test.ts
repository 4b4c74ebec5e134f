import { describe, expect, it } from 'vitest';
import { DataError } from '../errors';
import type { Column, Table } from '../table/types';
import { proposeTask } from './propose-task';
import { textRowCount } from '../table/text-column';
import { textColumn } from '../../test-support/table-builders';

const NaN_ = Number.NaN;

function tableOf(...columns: Column[]): Table {
  const first = columns[0];
  return { rowCount: first.kind === 'categorical' ? first.codes.length : first.kind === 'text' ? textRowCount(first) : first.values.length, columns };
}

function categorical(name: string, levels: string[], codes: number[]): Column {
  return { kind: 'categorical', name, levels, codes: Int32Array.from(codes) };
}

describe('proposeTask', () => {
  it('reads many distinct decimals as regression', () => {
    const table = tableOf({ kind: 'numeric', name: 'price', values: Float64Array.from([1.5, 2.25, 3, NaN_, 4.75]) });
    expect(proposeTask(table, 'price')).toEqual({ task: 'regression', reason: '"price" is numeric with 4 distinct values.' });
  });

  it('reads more than 10 distinct integers as regression and up to 10 as multiclass', () => {
    const many = Float64Array.from({ length: 11 }, (_, i) => i);
    expect(proposeTask(tableOf({ kind: 'numeric', name: 'n', values: many }), 'n').task).toEqual('regression');
    const stars = Float64Array.from([1, 2, 3, 4, 5, 5]);
    expect(proposeTask(tableOf({ kind: 'numeric', name: 'stars', values: stars }), 'stars')).toEqual({
      task: 'multiclass',
      reason: '"stars" has 5 distinct whole numbers, read as classes; choose regression if their order matters.',
    });
  });

  it('takes "1" as positive for a 0/1 target even when 1 is the majority', () => {
    const table = tableOf({ kind: 'numeric', name: 'y', values: Float64Array.from([1, 1, 1, 0]) });
    expect(proposeTask(table, 'y')).toEqual({ task: 'binary', positiveClass: '1', reason: '"y" has two classes; "1" reads as the positive one.' });
  });

  it('takes "M" against "B", "Yes" against "no" and true for booleans', () => {
    expect(proposeTask(tableOf(categorical('diagnosis', ['B', 'M'], [0, 0, 1])), 'diagnosis').positiveClass).toEqual('M');
    expect(proposeTask(tableOf(categorical('churn', ['Yes', 'no'], [1, 1, 0])), 'churn').positiveClass).toEqual('Yes');
    const flag: Column = { kind: 'boolean', name: 'flag', values: Uint8Array.from([0, 1, 255, 0]) };
    expect(proposeTask(tableOf(flag), 'flag')).toEqual({ task: 'binary', positiveClass: 'true', reason: '"flag" has two classes; "true" reads as the positive one.' });
  });

  it('takes the minority class when the labels are no known pair', () => {
    const table = tableOf(categorical('species', ['cat', 'dog', 'unused'], [0, 1, 1, -1, 1]));
    expect(proposeTask(table, 'species')).toEqual({
      task: 'binary',
      positiveClass: 'cat',
      reason: '"species" has two classes; the rarer one, "cat", is taken as positive (change it if the other is what you look for).',
    });
  });

  it('reads 3 categories as multiclass and explains more than 50', () => {
    expect(proposeTask(tableOf(categorical('c', ['a', 'b', 'c'], [0, 1, 2, 2])), 'c')).toEqual({ task: 'multiclass', reason: '"c" has 3 classes.' });
    const levels = Array.from({ length: 60 }, (_, i) => `L${i}`);
    const codes = [...levels.keys(), 0, 1];
    expect(proposeTask(tableOf(categorical('many', levels, codes)), 'many')).toEqual({
      task: 'multiclass',
      reason: '"many" has 60 classes, more than 50: consider grouping rare classes or another target.',
    });
  });

  it('proposes nothing for one class, no values, identifiers and dates', () => {
    expect(proposeTask(tableOf(categorical('k', ['x'], [0, 0])), 'k')).toEqual({ task: null, reason: '"k" has one value ("x") in every row: there is nothing to predict.' });
    expect(proposeTask(tableOf({ kind: 'numeric', name: 'e', values: Float64Array.from([NaN_]) }), 'e')).toEqual({ task: null, reason: '"e" has no values; choose another target.' });
    const ids = Array.from({ length: 51 }, (_, i) => `id-${i}`);
    expect(proposeTask(tableOf(textColumn('id', ids)), 'id')).toEqual({ task: null, reason: 'Every value of "id" is different: it looks like an identifier, not a target.' });
    expect(proposeTask(tableOf({ kind: 'datetime', name: 'd', values: Float64Array.from([0, 1]) }), 'd').task).toEqual(null);
  });

  it('throws a DataError naming the missing column and the choices', () => {
    const table = tableOf({ kind: 'numeric', name: 'a', values: Float64Array.from([1]) });
    expect(() => proposeTask(table, 'b')).toThrow(new DataError('There is no column "b" to use as the target. Choose one of: "a".'));
  });
});
