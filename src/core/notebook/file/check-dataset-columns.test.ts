import { describe, expect, it } from 'vitest';
import { DataError } from '../../errors';
import { checkDatasetColumns, compareDatasetColumns } from './check-dataset-columns';
import type { DatasetBinding } from './file-types';

const BINDING: DatasetBinding = {
  name: 'penguins',
  fileName: 'penguins.csv',
  rowCount: 344,
  columns: [{ name: 'Species', kind: 'categorical' }, { name: 'Island', kind: 'categorical' }, { name: 'Sex', kind: 'categorical' }],
  contentHash: '0'.repeat(64),
};

describe('checkDatasetColumns', () => {
  it('accepts the same columns in any order and any row count', () => {
    expect(compareDatasetColumns(BINDING.columns, [...BINDING.columns].reverse())).toEqual([]);
  });

  it('names missing, retyped and unknown columns, letting an overridden column be read as any kind', () => {
    const actual = [{ name: 'Species', kind: 'text' }, { name: 'Island', kind: 'numeric' }, { name: 'Year', kind: 'numeric' }] as const;
    expect(compareDatasetColumns(BINDING.columns, actual, { Island: 'categorical' })).toEqual([
      '"Species" is text, the notebook expects categorical',
      'no column "Sex" (categorical)',
      'columns the notebook does not know: "Year"',
    ]);
  });

  it('throws a DataError naming the cell, the dataset and the columns', () => {
    const actual = [{ name: 'Species', kind: 'categorical' }, { name: 'Island', kind: 'categorical' }] as const;
    expect(() => checkDatasetColumns(0, BINDING, actual)).toThrow(
      new DataError(`Data cell cells[0] (dataset "penguins"): the file does not match the notebook's columns: no column "Sex" (categorical). Bind a file with the columns of penguins.csv.`),
    );
    expect(() => checkDatasetColumns(0, BINDING, BINDING.columns)).not.toThrow();
  });
});
