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
    });
  });

  it('previews training rows when there is no validation part, and reports class weights', () => {
    const preview = previewPipeline(table, [{ kind: 'resample', id: 'w', method: 'class_weights', target: 'y' }], { train: rows.train, validation: new Uint32Array(0) }, 2);
    expect({ part: preview.previewPart, rows: preview.after.rowCount, weights: preview.training.classWeights }).toEqual({ part: 'train', rows: 2, weights: { no: 1, yes: 1 } });
  });
});
