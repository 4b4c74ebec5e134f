import { describe, expect, it } from 'vitest';
import type { Table } from '../table/types';
import { previewPipeline } from './preview-pipeline';

const table: Table = {
  rowCount: 6,
  columns: [
    { kind: 'numeric', name: 'x', values: Float64Array.from([1, NaN, 3, 100, NaN, -5]) },
    { kind: 'categorical', name: 'y', codes: Int32Array.from([0, 0, 1, 0, 1, 1]), levels: ['no', 'yes'] },
  ],
};
const rows = { train: Uint32Array.from([0, 1, 2, 5]), validation: Uint32Array.from([3, 4]) };

describe('previewPipeline', () => {
  it('fits on training rows, previews validation rows aligned before/after, and counts resampled classes', () => {
    const preview = previewPipeline(
      table,
      [
        { kind: 'impute', id: 'imp', columns: ['x'], strategy: 'median' },
        { kind: 'filter', id: 'keep', expression: 'x < 50' },
        { kind: 'resample', id: 'bal', method: 'oversample', target: 'y', seed: 3 },
      ],
      rows,
    );
    expect({
      fill: preview.fitted.steps[0].state,
      training: preview.training,
      previewPart: preview.previewPart,
      previewReport: preview.previewReport,
      before: preview.before,
      after: preview.after,
      marks: preview.marks,
    }).toEqual({
      fill: { columns: [{ name: 'x', fill: 1, indicator: false }] },
      training: {
        report: {
          rowsIn: 4,
          rowsOut: 4,
          steps: [
            { id: 'imp', kind: 'impute', unseen: 0, outOfRange: 0, rowsRemoved: 0 },
            { id: 'keep', kind: 'filter', unseen: 0, outOfRange: 0, rowsRemoved: 0 },
          ],
        },
        classCounts: { no: 2, yes: 2 },
        classWeights: null,
      },
      previewPart: 'validation',
      previewReport: {
        rowsIn: 2,
        rowsOut: 1,
        steps: [
          { id: 'imp', kind: 'impute', unseen: 0, outOfRange: 0, rowsRemoved: 0 },
          { id: 'keep', kind: 'filter', unseen: 0, outOfRange: 0, rowsRemoved: 1 },
        ],
      },
      before: { rowCount: 1, columns: [{ kind: 'numeric', name: 'x', values: Float64Array.from([NaN]) }, { kind: 'categorical', name: 'y', codes: Int32Array.from([1]), levels: ['no', 'yes'] }] },
      after: { rowCount: 1, columns: [{ kind: 'numeric', name: 'x', values: Float64Array.from([1]) }, { kind: 'categorical', name: 'y', codes: Int32Array.from([1]), levels: ['no', 'yes'] }] },
      marks: [{ row: 0, column: 'x', change: 'imputed', stepId: 'imp' }],
    });
  });

  it('previews training rows when there is no validation part, and reports class weights', () => {
    const preview = previewPipeline(table, [{ kind: 'resample', id: 'w', method: 'class_weights', target: 'y' }], { train: rows.train, validation: new Uint32Array(0) }, { previewRowCount: 2 });
    expect({ part: preview.previewPart, rows: preview.after.rowCount, weights: preview.training.classWeights }).toEqual({ part: 'train', rows: 2, weights: { no: 1, yes: 1 } });
  });

  it('marks imputed, capped and nulled cells, through later steps that keep the column, by rule', () => {
    const t: Table = {
      rowCount: 6,
      columns: [
        { kind: 'numeric', name: 'a', values: Float64Array.from([1, 2, 3, 100, NaN, -5]) },
        { kind: 'numeric', name: 'b', values: Float64Array.from([0, 1, 2, 3, 4, -2]) },
        { kind: 'categorical', name: 'c', codes: Int32Array.from([0, 1, 0, -1, 1, 0]), levels: ['p', 'q'] },
        { kind: 'numeric', name: 'y', values: Float64Array.from([0, 1, 0, 1, 0, 1]) },
      ],
    };
    const preview = previewPipeline(t, [
      { kind: 'impute', id: 'imp', columns: { rule: 'numeric' }, strategy: 'median' },
      { kind: 'cap_outliers', id: 'cap', columns: ['a'], method: 'percentile', lower: 0, upper: 100 },
      { kind: 'log1p', id: 'log', columns: ['b'] },
      { kind: 'impute', id: 'fill-c', columns: { rule: 'categorical' }, strategy: 'most_frequent' },
      { kind: 'one_hot', id: 'enc', columns: ['c'] },
      { kind: 'scale', id: 'sc', columns: { rule: 'numeric', exclude: ['b'] }, method: 'standard' },
    ], { train: Uint32Array.from([0, 1, 2]), validation: Uint32Array.from([3, 4, 5]) }, { target: 'y' });
    expect({ scaled: preview.fitted.steps[5].spec, marks: preview.marks }).toEqual({
      scaled: { kind: 'scale', id: 'sc', columns: ['a', 'c=p', 'c=q'], method: 'standard' },
      // c's filled value at row 0 vanishes with c into the one-hot columns.
      marks: [
        { row: 0, column: 'a', change: 'capped', stepId: 'cap' },
        { row: 1, column: 'a', change: 'imputed', stepId: 'imp' },
        { row: 2, column: 'a', change: 'capped', stepId: 'cap' },
        { row: 2, column: 'b', change: 'nulled', stepId: 'log' },
      ],
    });
  });
});
