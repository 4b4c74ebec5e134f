import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, tableOf, textColumn } from '../../test-support/table-builders';
import type { InputContract } from '../export/input-contract';
import { readBatchLabels } from './read-batch-labels';

const CLASSIFIER: InputContract = { formatVersion: 1, columns: [{ name: 'x', kind: 'numeric', missing: 0, min: 0, max: 1 }], target: { name: 'churn', classes: ['no', 'yes'] }, trainRowCount: 10 };

describe('readBatchLabels', () => {
  it('reads labels as the version’s class indices (NaN where missing), or null when the batch has no target column', () => {
    const table = tableOf(numericColumn('x', [1, 2, 3]), categoricalColumn('churn', ['yes', null, 'no']));
    expect(readBatchLabels(CLASSIFIER, table)).toEqual({ values: Float64Array.of(1, Number.NaN, 0), classes: ['no', 'yes'] });
    expect(readBatchLabels(CLASSIFIER, tableOf(numericColumn('x', [1])))).toBeNull();
  });

  it('refuses labels of a class the model never learned, naming them with their row counts', () => {
    const table = tableOf(textColumn('churn', ['yes', 'maybe', 'Yes', 'maybe']));
    expect(() => readBatchLabels(CLASSIFIER, table)).toThrow(
      'The batch\'s target "churn" holds labels the model never learned: "Yes" (1 row), "maybe" (2 rows). It knows "no", "yes"; correct the labels (names are case-sensitive) or remove those rows to score performance, or retrain with the new class.',
    );
  });

  it('reads numbers for a regression and refuses other kinds; a clustering version has no labels', () => {
    const regression: InputContract = { ...CLASSIFIER, target: { name: 'price', classes: null } };
    expect(readBatchLabels(regression, tableOf(numericColumn('price', [1.5, null])))).toEqual({ values: Float64Array.of(1.5, Number.NaN) });
    expect(() => readBatchLabels(regression, tableOf(textColumn('price', ['cheap'])))).toThrow('The batch\'s target "price" holds text values, but the model predicts numbers');
    expect(() => readBatchLabels({ ...CLASSIFIER, target: null }, tableOf(numericColumn('x', [1])))).toThrow(expect.objectContaining({ name: 'ExportError' }));
  });
});
