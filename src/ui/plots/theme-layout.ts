// Puts the current theme into a plotly figure: colour tokens ('var(--plot-blue)') become the theme's values, and
// the layout gets the theme's text, grid, zero-line, hover and modebar colours and the Okabe–Ito colorway, under
// whatever the figure sets itself. Pure: Plot.svelte passes a reader of the page's computed custom properties.

import { CATEGORICAL } from './palette';
import type { PlotFigure, PlotLayout } from './plot-types';

/** Reads a custom property's current value ('--ink' → '#1d2330'); '' when it is not declared. */
export type ReadToken = (name: string) => string;

const TOKEN = /^var\((--[\w-]+)\)$/;

/** `value` with every 'var(--token)' string swapped for `read(token)`; arrays of numbers and typed arrays are kept as they are (same object). */
export function resolveTokens<T>(value: T, read: ReadToken): T {
  if (typeof value === 'string') {
    const match = TOKEN.exec(value);
    return (match ? read(match[1]) || value : value) as T;
  }
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) {
    // Long data arrays are numbers; only arrays holding strings or objects (colours per point, colorscales) are walked.
    if (!value.some((item) => typeof item === 'string' || (item !== null && typeof item === 'object'))) return value;
    return value.map((item) => resolveTokens(item, read)) as T;
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveTokens(item, read)])) as T;
}

/** Axis keys of a layout (xaxis, yaxis, xaxis2 …), always including xaxis and yaxis. */
function listAxes(layout: PlotLayout): string[] {
  return [...new Set(['xaxis', 'yaxis', ...Object.keys(layout).filter((key) => /^[xy]axis\d*$/.test(key))])];
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The layout plotly draws: `base` (the wrapper's defaults), then the theme's colours, then the figure's own layout;
 * font, hover label and every axis are merged key by key, so a figure's axis title keeps the theme's grid colour.
 */
export function buildThemedLayout(base: PlotLayout, figureLayout: PlotLayout, read: ReadToken): PlotLayout {
  const ink = read('--ink');
  const muted = read('--muted');
  const axis = { color: muted, gridcolor: read('--plot-grid'), zerolinecolor: read('--plot-zero'), linecolor: read('--line'), tickfont: { color: muted } };
  const themed: PlotLayout = {
    font: { ...asRecord(base.font), color: ink },
    colorway: resolveTokens([...CATEGORICAL], read),
    hoverlabel: { bgcolor: read('--card'), bordercolor: read('--line'), font: { color: ink } },
    modebar: { bgcolor: 'rgba(0,0,0,0)', color: muted, activecolor: ink },
  };
  const axes = Object.fromEntries(listAxes(figureLayout).map((key) => {
    const own = asRecord(figureLayout[key]);
    const title = typeof own.title === 'string' ? { text: own.title } : asRecord(own.title);
    return [key, { ...axis, ...own, title: { ...title, font: { color: ink, ...asRecord(title.font) } } }];
  }));
  return {
    ...base,
    ...themed,
    ...figureLayout,
    ...axes,
    font: { ...asRecord(themed.font), ...asRecord(figureLayout.font) },
    hoverlabel: { ...asRecord(themed.hoverlabel), ...asRecord(figureLayout.hoverlabel) },
  };
}

/** The figure with its colour tokens resolved and its layout themed, ready for plotly.react. */
export function applyTheme(figure: PlotFigure, base: PlotLayout, read: ReadToken): { data: PlotFigure['data']; layout: PlotLayout } {
  return { data: resolveTokens(figure.data, read), layout: buildThemedLayout(base, resolveTokens(figure.layout ?? {}, read), read) };
}
