// plotly reads a subset of HTML in every text it draws (<b>, <i>, <sup>, <span style>, <a href> …), so a category
// value or a column name such as "<b>x</b>" or "<a href=…>" from a user's file would be drawn as markup — or as a
// link. Every string of a figure is escaped before plotly sees it (plotly shows "&lt;" as "<"), except plotly's own
// templates (hovertemplate, texttemplate: written by the studio, with %{…} placeholders) and the line break "<br>"
// the studio's hover texts use, which is the one tag let through (a break is harmless).

import type { PlotFigure } from './plot-types';

/** Keys whose strings are the studio's own templates, not data: left as they are. */
const TEMPLATE_KEYS = new Set(['hovertemplate', 'texttemplate', 'type', 'mode', 'orientation', 'fill', 'shape', 'dash', 'symbol', 'colorscale', 'color', 'bgcolor', 'bordercolor', 'paper_bgcolor', 'plot_bgcolor', 'family', 'xref', 'yref', 'xaxis', 'yaxis', 'hoverinfo', 'hovermode', 'barmode', 'boxpoints', 'histnorm', 'histfunc', 'sizemode', 'tickformat', 'hoverformat', 'categoryorder', 'anchor', 'side', 'overlaying', 'matches', 'scaleanchor', 'autorange', 'rangemode', 'tickmode', 'ticks', 'align', 'valign', 'xanchor', 'yanchor', 'line_shape', 'layer', 'visible', 'showscale']);

/** `text` with &, < and > as entities, and "<br>" kept as a line break. */
export function escapePlotText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('&lt;br&gt;', '<br>');
}

/** A copy of `figure` whose data strings are escaped (typed arrays and numbers are kept as they are, not copied). */
export function escapeFigure(figure: PlotFigure): PlotFigure {
  return { data: figure.data.map((trace) => escapeValue(trace, '') as PlotFigure['data'][number]), ...(figure.layout ? { layout: escapeValue(figure.layout, '') as PlotFigure['layout'] } : {}) };
}

function escapeValue(value: unknown, key: string): unknown {
  if (typeof value === 'string') return TEMPLATE_KEYS.has(key) || value.startsWith('rgb') || value.startsWith('#') ? value : escapePlotText(value);
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return TEMPLATE_KEYS.has(key) ? value : value.map((item) => escapeValue(item, key));
  const copy: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) copy[name] = escapeValue(item, name);
  return copy;
}
