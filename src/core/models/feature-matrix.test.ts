import { describe, expect, it } from 'vitest';
import { booleanColumn, categoricalColumn, datetimeColumn, numericColumn, tableOf, textColumn } from '../../test-support/table-builders';
import { buildFeatureMatrix } from './feature-matrix';

describe('buildFeatureMatrix', () => {
  const table = tableOf(
    numericColumn('x', [1.5, null, 3]),
    booleanColumn('flag', [true, false, null]),
    categoricalColumn('colour', ['red', null, 'blue']),
    datetimeColumn('when', ['2024-01-01', '2024-01-02', null]),
    textColumn('note', ['a', 'b', 'c']),
    categoricalColumn('label', ['yes', 'no', 'yes']),
    numericColumn('amount', [10, 20, 30]),
  );

  it('encodes numeric, boolean and categorical features row-major and skips dates and text', () => {
    const { X, y, skipped } = buildFeatureMatrix(table, 'all-but-target', 'label');
    expect({ ...X, values: Array.from(X.values) }).toEqual({
      values: [1.5, 1, 0, 10, NaN, 0, NaN, 20, 3, NaN, 1, 30],
      rows: 3,
      cols: 4,
      featureNames: ['x', 'flag', 'colour', 'amount'],
      categorical: [false, false, true, false],
    });
    expect(y).toEqual({ values: Float64Array.from([0, 1, 0]), classes: ['yes', 'no'] });
    expect(skipped).toEqual([
      { column: 'when', reason: 'use a date-parts step' },
      { column: 'note', reason: 'free text is not a feature; encode it first' },
    ]);
  });

  it('builds a regression target and no target when none is named', () => {
    expect(buildFeatureMatrix(table, ['x'], 'amount').y).toEqual({ values: Float64Array.from([10, 20, 30]) });
    expect(buildFeatureMatrix(table, ['x']).y).toBeUndefined();
  });

  it('throws a ModelSpecError when a target value is missing', () => {
    expect(() => buildFeatureMatrix(table, ['amount'], 'x')).toThrow(/Target column "x" is missing at row 2; filter out or impute/);
    expect(() => buildFeatureMatrix(table, ['x'], 'colour')).toThrow(/Target column "colour" is missing at row 2/);
  });

  it('throws when no usable feature remains, naming the skipped columns', () => {
    expect(() => buildFeatureMatrix(table, ['when', 'note'], 'label')).toThrow(
      'no usable feature columns: when (use a date-parts step), note (free text is not a feature; encode it first). Select at least one numeric, boolean or categorical column.',
    );
  });

  it('throws on an unknown column', () => {
    expect(() => buildFeatureMatrix(table, ['nope'])).toThrow(/Feature column "nope" is not in the table/);
  });
});
