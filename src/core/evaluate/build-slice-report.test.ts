import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, tableOf, textColumn } from '../../test-support/table-builders';
import type { RunPredictions } from './run-predictions';
import { buildSliceReport, findGroupColumn, listGroupColumns, resolveSliceMetric } from './build-slice-report';

// Dataset rows 0–6 are evaluated (in the order 5, 0, 3, 1, 4, 2, 6); row 7 is a training row.
const GROUP = categoricalColumn('g', ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'z']);
const TABLE = tableOf(GROUP, numericColumn('x', [1, 2, 3, 4, 5, 6, 7, 8]), categoricalColumn('y', ['n', 'p', 'n', 'p', 'n', 'p', 'p', 'n']));
// a (rows 0, 1, 2): all right; b (rows 3, 4, 5): all wrong; c (row 6): right.
const PREDICTIONS: RunPredictions = {
  rows: Uint32Array.of(5, 0, 3, 1, 4, 2, 6),
  yTrue: Float64Array.of(1, 0, 1, 1, 0, 0, 1),
  yPred: Float64Array.of(0, 0, 0, 1, 1, 0, 1),
  proba: Float64Array.of(0.6, 0.4, 0.9, 0.1, 0.7, 0.3, 0.2, 0.8, 0.4, 0.6, 0.8, 0.2, 0.3, 0.7),
  classes: ['n', 'p'],
};

describe('buildSliceReport', () => {
  it('accuracy per category: exact intervals for all-right and all-wrong groups, the all-wrong one flagged', () => {
    const { value } = buildSliceReport(GROUP, PREDICTIONS, 'accuracy', 'binary', 1);
    expect({ overall: value?.overall.value, slices: value?.slices, rule: value?.rule }).toEqual({
      overall: 4 / 7,
      slices: [
        { label: 'b', count: 3, value: 0, low: 0, high: 0, repeats: 200, flagged: true },
        { label: 'a', count: 3, value: 1, low: 1, high: 1, repeats: 200, flagged: false },
        { label: 'c', count: 1, value: 1, low: 1, high: 1, repeats: 200, flagged: false },
      ],
      rule: 'flagged when the slice interval lies entirely below the overall value',
    });
  });

  it('ROC-AUC on a one-class slice says why instead of a number', () => {
    const { value } = buildSliceReport(GROUP, PREDICTIONS, 'roc-auc', 'binary', 1);
    expect(value?.slices.find((s) => s.label === 'c')).toEqual({
      label: 'c', count: 1, value: null, low: null, high: null, repeats: 0, flagged: false,
      reason: 'only one class is present in yTrue; ROC-AUC needs both',
    });
  });

  it('a probability metric without probabilities is refused with the reason', () => {
    expect(buildSliceReport(GROUP, { ...PREDICTIONS, proba: null }, 'log-loss', 'binary', 1)).toEqual({
      value: null, reason: 'Log loss needs probabilities, and this model gives none; pick another metric.',
    });
  });

  it('a column with more values than groups pools the smallest into "other" and says so', () => {
    const ids = textColumn('id', Array.from({ length: 25 }, (_, i) => `id-${i}`));
    const zeros = new Float64Array(25);
    const report = buildSliceReport(ids, { rows: Uint32Array.from({ length: 25 }, (_, i) => i), yTrue: zeros, yPred: zeros, proba: null, classes: ['n', 'p'] }, 'accuracy', 'binary', 1).value;
    expect({ labels: report?.slices.map((s) => `${s.label}:${s.count}`), note: report?.note }).toEqual({
      labels: [...Array.from({ length: 19 }, (_, i) => `id-${i}:1`), 'other:6'],
      note: 'id has 25 values; the 6 smallest are pooled as "other"',
    });
  });
});

describe('slice choices', () => {
  it('lists every column but the target', () => {
    expect(listGroupColumns(TABLE, 'y')).toEqual(['g', 'x']);
  });

  it('keeps a chosen metric of the task, else falls back to the primary', () => {
    expect([resolveSliceMetric('f1', 'binary', 'roc-auc'), resolveSliceMetric('rmse', 'binary', 'roc-auc'), resolveSliceMetric(null, 'regression', 'mae')])
      .toEqual(['f1', 'roc-auc', 'mae']);
  });

  it('names a missing column and a dataset that no longer holds the evaluated rows', () => {
    expect([
      findGroupColumn(TABLE, null, PREDICTIONS),
      findGroupColumn(TABLE, 'gone', PREDICTIONS),
      findGroupColumn(TABLE, 'g', { ...PREDICTIONS, rows: Uint32Array.of(0, 9) }),
      findGroupColumn(TABLE, 'g', PREDICTIONS) === GROUP,
    ]).toEqual([
      'Pick a column to group the validation rows by.',
      'The column "gone" is no longer in the dataset; pick another one.',
      'The dataset changed since this evaluation; press Evaluate again.',
      true,
    ]);
  });
});
