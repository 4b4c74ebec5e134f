import { describe, expect, it } from 'vitest';
import type { Table } from '../../../core/table/types';
import { buildBoxFigure, buildScatterFigure, listGroupColumns, listNumericColumns, pickPlotRows } from './sample-plot-rows';

const TABLE: Table = {
  rowCount: 5,
  columns: [
    { kind: 'numeric', name: 'x', values: Float64Array.from([1, 2, NaN, 4, Infinity]) },
    { kind: 'numeric', name: 'y', values: Float64Array.from([10, 20, 30, 40, 50]) },
    { kind: 'categorical', name: 'g', codes: Int32Array.from([0, 1, 0, -1, 1]), levels: ['a', 'b', 'unused'] },
    { kind: 'boolean', name: 'b', values: Uint8Array.from([1, 0, 255, 1, 1]) },
  ],
};

describe('plot rows', () => {
  it('keeps every row of a small table and spaces a sample evenly in a large one', () => {
    expect([pickPlotRows(3), pickPlotRows(10, 4)]).toEqual([
      { rows: Uint32Array.from([0, 1, 2]), sampled: false },
      { rows: Uint32Array.from([0, 2, 5, 7]), sampled: true },
    ]);
  });

  it('lists the columns each plot can use', () => {
    expect([listNumericColumns(TABLE), listGroupColumns(TABLE)]).toEqual([['x', 'y'], ['g', 'b']]);
  });

  it('scatters finite pairs only', () => {
    expect(buildScatterFigure(TABLE, 'x', 'y')).toEqual({
      figure: {
        data: [{ type: 'scattergl', mode: 'markers', x: [1, 2, 4], y: [10, 20, 40], marker: { size: 4, opacity: 0.5, color: 'var(--plot-blue)' } }],
        layout: { xaxis: { title: { text: 'x' } }, yaxis: { title: { text: 'y' } } },
      },
      points: 3,
      sampled: false,
    });
    expect(buildScatterFigure(TABLE, 'x', 'g')).toBeNull();
  });

  it('splits a number by a category or boolean, leaving out missing groups and empty levels', () => {
    expect([buildBoxFigure(TABLE, 'y', 'g')?.figure.data, buildBoxFigure(TABLE, 'y', 'b')?.figure.data, buildBoxFigure(TABLE, 'g', 'y')]).toEqual([
      [{ type: 'box', name: 'a', y: [10, 30], boxpoints: 'outliers' }, { type: 'box', name: 'b', y: [20, 50], boxpoints: 'outliers' }],
      [{ type: 'box', name: 'false', y: [20], boxpoints: 'outliers' }, { type: 'box', name: 'true', y: [10, 40, 50], boxpoints: 'outliers' }],
      null,
    ]);
  });
});
