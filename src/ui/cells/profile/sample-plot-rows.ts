// Reads the few thousand rows a scatter or box plot draws, on the main thread: every row when the table is
// small, else an evenly spaced sample of at most MAX_PLOT_POINTS rows (the plot then says "sampled").

import { BOOLEAN_MISSING, type Column, type Table } from '../../../core/table/types';
import { PLOT_COLOR } from '../../plots/palette';
import type { PlotFigure } from '../../plots/plot-types';

/** Most points a scatter or box plot draws. */
export const MAX_PLOT_POINTS = 5000;

/** Row indices to plot: all rows, or `max` evenly spaced ones (deterministic, so a redraw shows the same points). */
export function pickPlotRows(rowCount: number, max = MAX_PLOT_POINTS): { rows: Uint32Array; sampled: boolean } {
  if (rowCount <= max) return { rows: Uint32Array.from({ length: rowCount }, (_, i) => i), sampled: false };
  const step = rowCount / max;
  return { rows: Uint32Array.from({ length: max }, (_, i) => Math.floor(i * step)), sampled: true };
}

/** Columns a scatter or box value axis can use (numbers). */
export function listNumericColumns(table: Table): string[] {
  return table.columns.filter((column) => column.kind === 'numeric').map((column) => column.name);
}

/** Columns a box plot can split by: categories and booleans with at most 30 levels. */
export function listGroupColumns(table: Table): string[] {
  return table.columns
    .filter((column) => column.kind === 'boolean' || (column.kind === 'categorical' && column.levels.length <= 30))
    .map((column) => column.name);
}

function findColumn(table: Table, name: string | null): Column | undefined {
  return table.columns.find((column) => column.name === name);
}

/** A scatter of two numeric columns over the plot rows (pairs with a missing or infinite value left out); null if either is not numeric. */
export function buildScatterFigure(table: Table, x: string | null, y: string | null): { figure: PlotFigure; points: number; sampled: boolean } | null {
  const xs = findColumn(table, x);
  const ys = findColumn(table, y);
  if (xs?.kind !== 'numeric' || ys?.kind !== 'numeric') return null;
  const { rows, sampled } = pickPlotRows(table.rowCount);
  const px: number[] = [];
  const py: number[] = [];
  for (const row of rows) {
    const a = xs.values[row];
    const b = ys.values[row];
    if (Number.isFinite(a) && Number.isFinite(b)) {
      px.push(a);
      py.push(b);
    }
  }
  return {
    figure: {
      data: [{ type: 'scattergl', mode: 'markers', x: px, y: py, marker: { size: 4, opacity: 0.5, color: PLOT_COLOR.series } }],
      layout: { xaxis: { title: { text: xs.name } }, yaxis: { title: { text: ys.name } } },
    },
    points: px.length,
    sampled,
  };
}

/** Box plots of a numeric column per level of a category/boolean (missing groups left out); null for other kinds. */
export function buildBoxFigure(table: Table, value: string | null, by: string | null): { figure: PlotFigure; sampled: boolean } | null {
  const values = findColumn(table, value);
  const groups = findColumn(table, by);
  if (values?.kind !== 'numeric' || (groups?.kind !== 'categorical' && groups?.kind !== 'boolean')) return null;
  const labels = groups.kind === 'boolean' ? ['false', 'true'] : groups.levels;
  const perGroup: number[][] = labels.map(() => []);
  const { rows, sampled } = pickPlotRows(table.rowCount);
  for (const row of rows) {
    const code = groups.kind === 'boolean' ? (groups.values[row] === BOOLEAN_MISSING ? -1 : groups.values[row]) : groups.codes[row];
    const v = values.values[row];
    if (code >= 0 && Number.isFinite(v)) perGroup[code].push(v);
  }
  const data = labels
    .map((label, i) => ({ type: 'box', name: label, y: perGroup[i], boxpoints: 'outliers' }))
    .filter((trace) => trace.y.length > 0);
  return { figure: { data, layout: { yaxis: { title: { text: values.name } }, xaxis: { title: { text: groups.name }, type: 'category' } } }, sampled };
}
