import { describe, expect, it } from 'vitest';
import { DataError } from '../errors';
import type { Table } from '../table/types';
import { profileTable } from './profile-table';
import { textColumn } from '../../test-support/table-builders';

const NaN_ = Number.NaN;
const n = 40;
const rows = Array.from({ length: n }, (_, i) => i);

/** 40 rows: an id, a feature that separates the classes, a copy of the target, a constant, a skewed amount. */
const table: Table = {
  rowCount: n,
  columns: [
    { kind: 'numeric', name: 'id', values: Float64Array.from(rows, (i) => i + 1) },
    { kind: 'numeric', name: 'score', values: Float64Array.from(rows, (i) => (i < 4 ? 10 + i : i % 7)) },
    { kind: 'numeric', name: 'label_copy', values: Float64Array.from(rows, (i) => (i < 4 ? 1 : 0)) },
    { kind: 'numeric', name: 'amount', values: Float64Array.from(rows, (i) => (i === 39 ? 1000 : i === 38 ? NaN_ : (i % 5) + 1)) },
    { kind: 'numeric', name: 'label', values: Float64Array.from(rows, (i) => (i < 4 ? 1 : 0)) },
    textColumn('constant', rows.map(() => 'same')),
    { kind: 'categorical', name: 'mostly_missing', levels: ['x'], codes: Int32Array.from(rows, (i) => (i < 30 ? -1 : 0)) },
  ],
};

/** True when every number anywhere in `value` is finite. */
function hasOnlyFiniteNumbers(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(hasOnlyFiniteNumbers);
  if (value !== null && typeof value === 'object') return Object.values(value).every(hasOnlyFiniteNumbers);
  return true;
}

describe('profileTable', () => {
  const profile = profileTable(table, { target: 'label', topK: 3 });

  it('is plain JSON with format version 2 and no NaN or Infinity', () => {
    expect([profile.formatVersion, hasOnlyFiniteNumbers(profile), JSON.parse(JSON.stringify(profile))]).toEqual([2, true, profile]);
  });

  it('profiles the target: task, balance, ranked associations and the identical copy', () => {
    // η of "score": its four high values are exactly the four positives; "amount" barely differs by class.
    expect({ ...profile.target, perClassHistograms: profile.target?.perClassHistograms.map((h) => h.column) }).toEqual({
      name: 'label',
      task: 'binary',
      taskReason: '"label" has two classes; "1" reads as the positive one.',
      classBalance: {
        classes: [
          { value: '0', count: 36, pct: 90 },
          { value: '1', count: 4, pct: 10 },
        ],
        imbalanceRatio: 9,
        minorityPct: 10,
        warning: null,
      },
      associations: [
        // Single-feature AUCs: sklearn roc_auc_score folded to max(AUC, 1 − AUC) gives 1, 1, 1 and 0.6035714285714286.
        { column: 'label_copy', measure: 'eta', value: 1, auc: 1 },
        { column: 'score', measure: 'eta', value: expect.any(Number), auc: 1 },
        { column: 'id', measure: 'eta', value: expect.any(Number), auc: 1 },
        { column: 'amount', measure: 'eta', value: expect.any(Number), auc: 0.6035714285714286 },
        { column: 'mostly_missing', measure: 'cramers-v', value: null },
      ],
      identicalColumns: ['label_copy'],
      notes: ['Text and date columns ("constant") have no association measure.', 'Association undefined for "mostly_missing": no shared present rows, or no variation.'],
      perClassHistograms: ['id', 'score', 'label_copy', 'amount'],
    });
  });

  it('raises the alerts a user should see, critical first', () => {
    expect(profile.alerts.map((alert) => [alert.id, alert.severity, alert.suggestion.kind])).toEqual([
      ['missing:mostly_missing', 'critical', 'drop'],
      ['leakage:label_copy', 'critical', 'drop'],
      // Both alone separate the classes perfectly (single-feature AUC 1): "score" by construction, "id" because the
      // positives are the first four rows.
      ['leakage:score', 'critical', 'drop'],
      ['leakage:id', 'critical', 'drop'],
      ['id-like:id', 'warning', 'drop'],
      ['constant:constant', 'warning', 'drop'],
      ['constant:mostly_missing', 'warning', 'drop'],
      ['tiny-class:label:1', 'warning', 'none'],
      // score: skewness 1.21 (no alert), 10 % beyond its fences; amount: skewed, so no separate outlier alert.
      ['outliers:score', 'info', 'cap-outliers'],
      ['skew:amount', 'info', 'log-transform'],
    ]);
  });

  it('keeps undefined correlations null and explains them in the column notes', () => {
    expect(profile.correlations.cramersV).toEqual({ rows: ['mostly_missing'], columns: ['mostly_missing'], values: [[null]] });
    expect(profile.columns.find((c) => c.name === 'mostly_missing')?.notes).toEqual([
      'η with "label_copy", "label" is undefined: fewer than 2 shared present rows, or no variation on them.',
    ]);
  });

  it('reports progress per column and per table step, and the memory of the data', () => {
    const calls: string[] = [];
    const again = profileTable(table, { target: 'label', onProgress: (done, total) => calls.push(`${done}/${total}`) });
    expect([calls, again.memoryBytes]).toEqual([
      ['1/11', '2/11', '3/11', '4/11', '5/11', '6/11', '7/11', '8/11', '9/11', '10/11', '11/11'],
      // Text: UTF-8 bytes + Uint32 offsets (n + 1) + missing flags.
      5 * n * 8 + (n * 'same'.length + (n + 1) * 4 + n) + n * 4 + 2,
    ]);
  });

  it('stops with an AbortError when cancelled and names an unknown target', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => profileTable(table, { signal: controller.signal })).toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(() => profileTable(table, { target: 'lable' })).toThrow(
      new DataError('The target "lable" is not a column of this table. Choose one of: "id", "score", "label_copy", "amount", "label", "constant", "mostly_missing".'),
    );
  });

  it('limits correlation matrices to the most informative numeric columns and says so', () => {
    const wide: Table = {
      rowCount: 3,
      columns: [
        { kind: 'numeric', name: 'sparse', values: Float64Array.from([1, NaN_, NaN_]) },
        { kind: 'numeric', name: 'few', values: Float64Array.from([1, 1, 2]) },
        { kind: 'numeric', name: 'many', values: Float64Array.from([1, 2, 3]) },
      ],
    };
    const result = profileTable(wide, { maxCorrelationColumns: 2 });
    expect([result.correlations.pearson.rows, result.notes]).toEqual([
      ['few', 'many'],
      ['Correlations cover 2 of 3 numeric columns: those with the most present, then most distinct, values.'],
    ]);
  });
});
