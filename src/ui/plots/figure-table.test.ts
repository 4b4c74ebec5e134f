import { describe, expect, it } from 'vitest';
import { buildFigureTable, formatTableValue } from './figure-table';

describe('formatTableValue', () => {
  it('writes numbers to 4 significant digits, missing as a dash, a hover line break as " · ", other text (a category "<b>") as it is', () => {
    expect([0.123456, 42, 1234567.8, null, Number.NaN, undefined, 'a<br>after the pipeline: <b>2</b>'].map(formatTableValue))
      .toEqual(['0.1235', '42', '1235000', '—', '—', '—', 'a · after the pipeline: <b>2</b>']);
  });
});

describe('buildFigureTable', () => {
  it('one x/y scatter: its axis titles as headers, guide traces (hoverinfo skip) left out', () => {
    const figure = {
      data: [
        { type: 'scatter', mode: 'lines', x: [0, 1], y: [0, 1], hoverinfo: 'skip' },
        { type: 'scatter', mode: 'lines', name: 'ROC', x: [0, 0.5, 1], y: [0, 0.8, 1] },
      ],
      layout: { xaxis: { title: { text: 'False-positive rate' } }, yaxis: { title: { text: 'Recall' } } },
    };
    expect(buildFigureTable(figure, 'ROC curve')).toEqual({
      caption: 'ROC curve — 3 rows', headers: ['False-positive rate', 'Recall'], rows: [['0', '0'], ['0.5', '0.8'], ['1', '1']], totalRows: 3, rowHeaders: false,
    });
  });

  it('several traces: a column per axis per trace named by the trace; a shared x is one column; shorter traces leave blanks', () => {
    const figure = {
      data: [
        { type: 'scatter', name: 'training rows', x: [10, 20], y: [0.9, 0.95] },
        { type: 'scatter', name: 'validation', x: [10, 20], y: [0.8, null] },
        { type: 'scatter', mode: 'markers', name: 'threshold', x: [0.3], y: [0.7] },
      ],
      layout: { xaxis: { title: 'rows' }, yaxis: { title: { text: 'AUC' } } },
    };
    expect(buildFigureTable(figure, 'Learning curve')).toMatchObject({
      headers: ['rows', 'training rows · AUC', 'validation · AUC', 'threshold · rows', 'threshold · AUC'],
      rows: [['10', '0.9', '0.8', '0.3', '0.7'], ['20', '0.95', '—', '', '']],
      totalRows: 2,
    });
  });

  it('horizontal bars put the category first, with error bars and text labels as their own columns', () => {
    const figure = {
      data: [{ type: 'bar', orientation: 'h', x: [0.2, 0.1], y: ['age', 'fare'], error_x: { type: 'data', array: [0.01, 0.02], visible: true }, text: ['12 rows', '3 rows'] }],
      layout: { xaxis: { title: { text: 'Drop in AUC' } } },
    };
    expect(buildFigureTable(figure, 'Importance')).toMatchObject({
      headers: ['y', 'Drop in AUC', 'Drop in AUC ± error', 'label'],
      rows: [['age', '0.2', '0.01', '12 rows'], ['fare', '0.1', '0.02', '3 rows']],
    });
  });

  it('a heatmap is its matrix with row labels', () => {
    const figure = { data: [{ type: 'heatmap', x: ['a', 'b'], y: ['a', 'b'], z: [[1, 0.25], [0.25, null]] }] };
    expect(buildFigureTable(figure, 'Correlation')).toEqual({
      caption: 'Correlation — 2 × 2 matrix', headers: ['', 'a', 'b'], rows: [['a', '1', '0.25'], ['b', '0.25', '—']], totalRows: 2, rowHeaders: true,
    });
  });

  it('histogram and box traces give their raw values, not bins', () => {
    const histogram = buildFigureTable({ data: [{ type: 'histogram', x: [3, 1, 2] }], layout: { xaxis: { title: { text: 'age' } } } }, 'Ages');
    const boxes = buildFigureTable({ data: [{ type: 'box', name: 'f', y: [1, 2] }, { type: 'box', name: 'm', y: [3] }] }, 'By sex');
    expect([histogram.caption, histogram.headers, histogram.rows, boxes.headers, boxes.rows]).toEqual([
      'Ages — 3 rows, raw values (not bins)', ['values (age)'], [['3'], ['1'], ['2']], ['f · values', 'm · values'], [['1', '3'], ['2', '']],
    ]);
  });

  it('parallel coordinates: a column per dimension, choices by their tick labels, the colour only when it is not a dimension', () => {
    const figure = {
      data: [{
        type: 'parcoords', line: { color: [0.8, 0.9], colorbar: { title: { text: 'AUC' } } },
        dimensions: [{ label: 'depth', values: [0, 1], tickvals: [0, 1], ticktext: ['3', '5'] }, { label: 'AUC', values: [0.8, 0.9] }],
      }],
    };
    expect(buildFigureTable(figure, 'Trials')).toMatchObject({ headers: ['depth', 'AUC'], rows: [['3', '0.8'], ['5', '0.9']] });
  });

  it('strip positions on an axis with tick labels read as the label of the nearest tick (beeswarm rows)', () => {
    const figure = { data: [{ type: 'scattergl', x: [0.1, -0.2], y: [0.05, 1.1] }], layout: { yaxis: { tickvals: [0, 1], ticktext: ['age', 'fare'] } } };
    expect(buildFigureTable(figure, 'SHAP').rows).toEqual([['0.1', 'age'], ['-0.2', 'fare']]);
  });

  it('shows at most maxRows rows and counts them all', () => {
    const x = Float64Array.from({ length: 1000 }, (_, i) => i);
    const table = buildFigureTable({ data: [{ type: 'scattergl', x, y: x }] }, 'Residuals', 200);
    expect([table.rows.length, table.totalRows, table.rows[199], table.caption]).toEqual([200, 1000, ['199', '199'], 'Residuals — 1,000 rows']);
  });
});
