import { describe, expect, it } from 'vitest';
import { booleanColumn, categoricalColumn, datetimeColumn, numericColumn, tableOf, textColumn } from '../../test-support/table-builders';
import { describeAutoPreparation, planAutoPreparation } from './plan-auto-preparation';

// 4 training rows: x misses one value, colour misses one, when varies in year, month and weekday (not day or hour), note is free text,
// empty is all missing, y is the target (never touched).
const TRAIN = tableOf(
  numericColumn('x', [1, null, 3, 4]),
  categoricalColumn('colour', ['red', 'blue', null, 'red']),
  booleanColumn('flag', [true, false, true, null]),
  datetimeColumn('when', ['2020-01-01', '2020-03-01', '2021-01-01', '2021-03-01']),
  textColumn('note', ['a b', 'c d', 'e f', 'g h']),
  numericColumn('empty', [null, null, null, null]),
  numericColumn('y', [0, 1, null, 1]),
);

describe('planAutoPreparation', () => {
  it('for a one-hot, scaled, no-missing family: drops empty columns, date parts that vary, imputes every feature, one-hot with a rare bucket, scales numbers', () => {
    const plan = planAutoPreparation(TRAIN, 'y', { acceptsMissing: false, categorical: 'one_hot', scaled: true });
    expect(plan.steps).toEqual([
      { kind: 'drop', id: 'auto:drop-empty', columns: ['empty'] },
      { kind: 'date_parts', id: 'auto:dates:when', columns: ['when'], parts: ['year', 'month', 'weekday'], dropOriginal: true },
      { kind: 'impute', id: 'auto:impute-numbers', columns: ['x', 'when_year', 'when_month', 'when_weekday'], strategy: 'median', addIndicator: true },
      { kind: 'impute', id: 'auto:impute-labels', columns: ['colour', 'flag'], strategy: 'most_frequent', addIndicator: true },
      { kind: 'one_hot', id: 'auto:one-hot', columns: ['colour'], minFrequency: 2, maxCategories: 30, handleUnknown: 'infrequent_if_exist' },
      { kind: 'scale', id: 'auto:scale', columns: ['x', 'when_year', 'when_month', 'when_weekday'], method: 'standard' },
    ]);
    expect(plan.summary).toEqual({ dates: ['when'], imputed: ['x', 'colour', 'flag'], oneHot: ['colour'], ordinal: [], scaled: ['x', 'when_year', 'when_month', 'when_weekday'], dropped: ['empty'] });
    expect(describeAutoPreparation(plan.summary)).toBe('auto: date parts 1, impute 3 columns, one-hot 1, scale 4, drop 1 empty');
  });

  it('for trees: categories become ordinal indices, imputed with the numbers; nothing is scaled', () => {
    const plan = planAutoPreparation(TRAIN, 'y', { acceptsMissing: false, categorical: 'ordinal', scaled: false });
    expect(plan.steps.map((s) => [s.id, 'columns' in s ? s.columns : []])).toEqual([
      ['auto:drop-empty', ['empty']],
      ['auto:dates:when', ['when']],
      ['auto:ordinal', ['colour']],
      ['auto:impute-numbers', ['x', 'when_year', 'when_month', 'when_weekday', 'colour']],
      ['auto:impute-labels', ['flag']],
    ]);
  });

  it('for gradient boosting (missing values and category codes as they are) only dates and empty columns change', () => {
    const plan = planAutoPreparation(TRAIN, 'y', { acceptsMissing: true, categorical: 'codes', scaled: false });
    expect(plan.steps.map((s) => s.id)).toEqual(['auto:drop-empty', 'auto:dates:when']);
    expect(describeAutoPreparation(plan.summary)).toBe('auto: date parts 1, drop 1 empty');
  });

  it('drops the first level for unpenalised linear models, and adds nothing where nothing is needed', () => {
    const plan = planAutoPreparation(tableOf(categoricalColumn('c', ['a', 'b', 'a', 'b']), numericColumn('y', [1, 2, 3, 4])), 'y', { acceptsMissing: false, categorical: 'one_hot_drop_first', scaled: false });
    expect(plan.steps).toEqual([
      { kind: 'impute', id: 'auto:impute-labels', columns: ['c'], strategy: 'most_frequent', addIndicator: true },
      { kind: 'one_hot', id: 'auto:one-hot', columns: ['c'], minFrequency: 2, maxCategories: 30, handleUnknown: 'infrequent_if_exist', drop: 'first' },
    ]);
    const clean = planAutoPreparation(tableOf(numericColumn('x', [1, 2]), numericColumn('y', [1, 2])), 'y', { acceptsMissing: true, categorical: 'codes', scaled: false });
    expect([clean.steps, describeAutoPreparation(clean.summary)]).toEqual([[], '']);
  });
});
