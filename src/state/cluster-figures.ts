// Pure builders of the Train cell's clustering plots: the elbow (inertia vs k) and silhouette-vs-k curves
// with the suggested k marked, PCA's explained variance (bars + cumulative line) and the 2-D projection.

import type { PickKResult } from '../core/train/pick-k';
import type { RunProjection } from '../core/train/project-runs';

/** A plotly figure as plain JSON (the shape ui/plots draws; state does not import ui). */
type PlotFigure = { data: Record<string, unknown>[]; layout: Record<string, unknown> };

// Colours are tokens of global.css (the "mark" colour of ui/plots/palette.ts, which state cannot import); Plot.svelte
// swaps them for the theme's values. Clusters take the colorway's colours and, as a second cue, these symbols
// (palette.ts SYMBOLS).
const SUGGESTED = { color: 'var(--plot-vermillion)', size: 13, symbol: 'star' };
const CLUSTER_SYMBOLS = ['circle', 'diamond', 'square', 'triangle-up', 'x', 'star', 'cross', 'triangle-down'];

/** Inertia against k, the suggested k drawn as a star. */
export function buildElbowFigure(result: PickKResult): PlotFigure {
  return buildCurveWithSuggestion(result, result.points.map((p) => p.inertia), 'inertia (Σ squared distance)');
}

/** Silhouette against k (undefined ks left out), the suggested k drawn as a star. */
export function buildSilhouetteFigure(result: PickKResult): PlotFigure {
  return buildCurveWithSuggestion(result, result.points.map((p) => p.silhouette), 'silhouette');
}

function buildCurveWithSuggestion(result: PickKResult, values: (number | null)[], title: string): PlotFigure {
  const ks = result.points.map((p) => p.k);
  const at = result.suggestedK === null ? -1 : ks.indexOf(result.suggestedK);
  const data: PlotFigure['data'] = [{ type: 'scatter', mode: 'lines+markers', name: title, x: ks, y: values }];
  if (at >= 0 && values[at] !== null) data.push({ type: 'scatter', mode: 'markers', name: `suggested k = ${ks[at]}`, x: [ks[at]], y: [values[at]], marker: SUGGESTED });
  return { data, layout: { xaxis: { title: { text: 'k (clusters)' }, dtick: 1 }, yaxis: { title: { text: title } } } };
}

/** The sentence under the pick-k plots: what is suggested and on how many rows the silhouette was taken. */
export function describePickK(result: PickKResult): string {
  const rows = result.silhouetteRows < result.rows ? `a seeded sample of ${result.silhouetteRows.toLocaleString('en')} of ${result.rows.toLocaleString('en')} training rows` : `all ${result.rows.toLocaleString('en')} training rows`;
  const suggestion = result.suggestedK === null ? 'No k has a defined silhouette, so none is suggested.' : `Suggested k = ${result.suggestedK} (highest silhouette).`;
  return `${suggestion} Silhouette on ${rows}.`;
}

/** Bars of each component's explained-variance ratio and the cumulative line over them. */
export function buildVarianceFigure(ratios: readonly number[]): PlotFigure {
  const names = ratios.map((_, i) => `PC${i + 1}`);
  let total = 0;
  const cumulative = ratios.map((r) => (total += r));
  return {
    data: [
      { type: 'bar', name: 'explained variance', x: names, y: [...ratios] },
      { type: 'scatter', mode: 'lines+markers', name: 'cumulative', x: names, y: cumulative },
    ],
    layout: { showlegend: true, legend: { orientation: 'h', y: 1.15 }, yaxis: { title: { text: 'share of variance' }, range: [0, 1.05] } },
  };
}

/** The projected rows as a scatter: one trace per k-means cluster (cluster 1, 2, …, each its own symbol) or one trace without clusters. */
export function buildProjectionFigure(projection: RunProjection): PlotFigure {
  const layout = { showlegend: projection.clusters !== null, xaxis: { title: { text: 'PC1' } }, yaxis: { title: { text: 'PC2' } } };
  const marker = { size: 5, opacity: 0.75 };
  if (!projection.clusters) return { data: [{ type: 'scattergl', mode: 'markers', name: 'rows', x: [...projection.x], y: [...projection.y], marker }], layout };
  const clusters = projection.clusters;
  const ids = [...new Set(clusters)].sort((a, b) => a - b);
  const data = ids.map((id) => {
    const rows = [...clusters.keys()].filter((i) => clusters[i] === id);
    const symbol = CLUSTER_SYMBOLS[ids.indexOf(id) % CLUSTER_SYMBOLS.length];
    return { type: 'scattergl', mode: 'markers', name: `cluster ${id + 1}`, x: rows.map((i) => projection.x[i]), y: rows.map((i) => projection.y[i]), marker: { ...marker, symbol } };
  });
  return { data, layout };
}
