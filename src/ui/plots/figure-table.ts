// A plot's data as a table, the text alternative Plot.svelte shows under a plot: one column per axis per trace
// (the trace's name in the header), a heatmap as its matrix with row and column labels, histogram and box traces as
// their raw values. Traces drawn with hoverinfo 'skip' are guides (diagonals, ICE lines) and are left out.

import { formatCount } from '../common/format';
import type { PlotFigure, PlotLayout, PlotTrace } from './plot-types';

/** What the table shows: `rows` holds at most the first `maxRows` of `totalRows`; with `rowHeaders` each row's first cell names it. */
export interface FigureTable {
  caption: string;
  headers: string[];
  rows: string[][];
  totalRows: number;
  rowHeaders: boolean;
}

interface Column {
  header: string;
  values: ArrayLike<unknown>;
  /** The axis an x/y column is on ('xaxis' …), so traces sharing the same values share the column. */
  axis?: string;
}

/** A cell's text: numbers to 4 significant digits, missing as "—", the hover texts' line break ("<br>") as " · "; any other text as it is (the table escapes it). */
export function formatTableValue(value: unknown): string {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
  return String(value).replace(/<br\s*\/?>/gi, ' · ');
}

const isArrayLike = (value: unknown): value is ArrayLike<unknown> => Array.isArray(value) || ArrayBuffer.isView(value);
const record = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {});

function readAxisTitle(layout: PlotLayout, axis: string, fallback: string): string {
  const title = record(layout[axis]).title;
  const text = typeof title === 'string' ? title : record(title).text;
  return typeof text === 'string' && text !== '' ? text : fallback;
}

/** Values of an axis with tick labels (tickvals → ticktext), each shown as the label of its nearest tick. */
function labelTicks(values: ArrayLike<unknown>, owner: Record<string, unknown>): ArrayLike<unknown> {
  const { tickvals, ticktext } = owner;
  if (!Array.isArray(tickvals) || !Array.isArray(ticktext) || tickvals.length !== ticktext.length) return values;
  return Array.from(values, (v) => {
    if (typeof v !== 'number') return v;
    const nearest = tickvals.reduce((best: number, t: number, i: number) => (Math.abs(t - v) < Math.abs(tickvals[best] - v) ? i : best), 0);
    return Math.abs(tickvals[nearest] - v) <= 0.5 ? ticktext[nearest] : v;
  });
}

function sameValues(a: ArrayLike<unknown>, b: ArrayLike<unknown>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The columns of one x/y trace: its category or x axis first, then the other, its error bars and its text labels. */
function listTraceColumns(trace: PlotTrace, layout: PlotLayout, prefix: string): Column[] {
  const xAxis = `xaxis${String(trace.xaxis ?? 'x').slice(1)}`;
  const yAxis = `yaxis${String(trace.yaxis ?? 'y').slice(1)}`;
  const axis = (key: 'x' | 'y', name: string): Column[] => {
    const values = trace[key];
    if (!isArrayLike(values)) return [];
    const title = readAxisTitle(layout, name, key);
    const columns: Column[] = [{ header: `${prefix}${title}`, values: labelTicks(values, record(layout[name])), axis: name }];
    const error = record(trace[`error_${key}`]);
    if (isArrayLike(error.array) && error.visible !== false) {
      if (error.symmetric === false && isArrayLike(error.arrayminus)) columns.push({ header: `${prefix}${title} + error`, values: error.array }, { header: `${prefix}${title} − error`, values: error.arrayminus });
      else columns.push({ header: `${prefix}${title} ± error`, values: error.array });
    }
    return columns;
  };
  const horizontal = trace.orientation === 'h';
  const columns = horizontal ? [...axis('y', yAxis), ...axis('x', xAxis)] : [...axis('x', xAxis), ...axis('y', yAxis)];
  if (Array.isArray(trace.text) && trace.text.some((t) => typeof t === 'string')) columns.push({ header: `${prefix}label`, values: trace.text });
  return columns;
}

/** Raw values of a histogram or box trace (and a box's groups when it has them on the other axis). */
function listValueColumns(trace: PlotTrace, layout: PlotLayout, prefix: string): Column[] {
  const key = trace.type === 'box' ? (isArrayLike(trace.y) ? 'y' : 'x') : isArrayLike(trace.x) ? 'x' : 'y';
  const values = trace[key];
  if (!isArrayLike(values)) return [];
  const title = readAxisTitle(layout, `${key}axis`, '');
  return [{ header: `${prefix}values${title ? ` (${title})` : ''}`, values }];
}

/** Parallel coordinates: one column per dimension, plus the line colour when it is not already a dimension. */
function listParallelColumns(trace: PlotTrace): Column[] {
  const dimensions = Array.isArray(trace.dimensions) ? trace.dimensions.map(record) : [];
  const columns = dimensions.filter((d) => isArrayLike(d.values)).map((d) => ({ header: String(d.label ?? 'value'), values: labelTicks(d.values as ArrayLike<unknown>, d) }));
  const line = record(trace.line);
  if (isArrayLike(line.color) && !columns.some((c) => sameValues(c.values, line.color as ArrayLike<unknown>))) {
    const title = record(record(line.colorbar).title).text;
    columns.push({ header: typeof title === 'string' ? title : 'colour', values: line.color });
  }
  return columns;
}

/** Appends `columns`, letting an axis column equal to an earlier one on the same axis share it (its header then loses the trace's name). */
function appendColumns(into: Column[], columns: Column[], layout: PlotLayout): void {
  for (const column of columns) {
    const shared = column.axis ? into.find((c) => c.axis === column.axis && sameValues(c.values, column.values)) : undefined;
    if (shared) shared.header = readAxisTitle(layout, column.axis!, column.axis!.slice(0, 1));
    else into.push(column);
  }
}

function buildMatrixTable(trace: PlotTrace, label: string, maxRows: number): FigureTable {
  const z = isArrayLike(trace.z) ? Array.from(trace.z, (row) => (isArrayLike(row) ? row : [])) : [];
  const width = Math.max(0, ...z.map((row) => row.length));
  const xs = isArrayLike(trace.x) ? Array.from(trace.x) : Array.from({ length: width }, (_, j) => j);
  const ys = isArrayLike(trace.y) ? Array.from(trace.y) : z.map((_, i) => i);
  const rows = z.slice(0, maxRows).map((row, i) => [formatTableValue(ys[i]), ...Array.from({ length: width }, (_, j) => formatTableValue(row[j]))]);
  return { caption: `${label} — ${formatCount(z.length)} × ${formatCount(width)} matrix`, headers: ['', ...xs.map(formatTableValue)], rows, totalRows: z.length, rowHeaders: true };
}

/** The table of `figure` (named by the plot's `label`), its first `maxRows` rows formatted. */
export function buildFigureTable(figure: PlotFigure, label: string, maxRows = 200): FigureTable {
  const layout = figure.layout ?? {};
  const traces = figure.data.filter((trace) => trace.hoverinfo !== 'skip' && trace.visible !== false);
  const heatmap = traces.find((trace) => trace.type === 'heatmap');
  if (heatmap) return buildMatrixTable(heatmap, label, maxRows);
  const named = traces.length > 1;
  const columns: Column[] = [];
  traces.forEach((trace, i) => {
    const prefix = named ? `${typeof trace.name === 'string' && trace.name !== '' ? trace.name : `trace ${i + 1}`} · ` : '';
    if (trace.type === 'parcoords') columns.push(...listParallelColumns(trace));
    else if (trace.type === 'histogram' || trace.type === 'box') columns.push(...listValueColumns(trace, layout, prefix));
    else appendColumns(columns, listTraceColumns(trace, layout, prefix), layout);
  });
  const totalRows = Math.max(0, ...columns.map((c) => c.values.length));
  const shown = Math.min(totalRows, maxRows);
  const rows = Array.from({ length: shown }, (_, r) => columns.map((c) => (r < c.values.length ? formatTableValue(c.values[r]) : '')));
  const valuesNote = traces.some((t) => t.type === 'histogram') ? ', raw values (not bins)' : '';
  return { caption: `${label} — ${formatCount(totalRows)} ${totalRows === 1 ? 'row' : 'rows'}${valuesNote}`, headers: columns.map((c) => c.header), rows, totalRows, rowHeaders: false };
}
