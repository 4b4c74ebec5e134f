// Plot figures of the Explain cell as plain plotly JSON (drawn by ui/plots/Plot.svelte): permutation importance
// with ± std error bars, mean |SHAP| bars, the beeswarm, one row's waterfall and partial dependence with ICE lines.

import type { PartialDependence } from '../../../core/explain/compute-partial-dependence';
import type { ShapBeeswarmStrip, ShapImportance, ShapWaterfall } from '../../../core/explain/summarise-shap';
import type { ImportanceSection } from '../../../workers/explain-run';
import type { PlotFigure } from '../../plots/plot-types';

const BAR = '#2563eb';
const LOW = '#2563eb';
const HIGH = '#dc2626';
const MISSING = '#9ca3af';

/** A feature value as shown: the category label for codes, "missing" for NaN, else up to 4 significant digits. */
export function formatFeatureValue(value: number, levels: readonly string[] | null): string {
  if (Number.isNaN(value)) return 'missing';
  if (levels) return levels[value] ?? String(value);
  return Number.isInteger(value) ? String(value) : Number(value.toPrecision(4)).toString();
}

/** Features by mean importance, largest first, at most `top`. */
export function rankImportance(section: ImportanceSection, top = 20): ImportanceSection['features'] {
  return [...section.features].sort((a, b) => b.mean - a.mean).slice(0, top);
}

/** Horizontal bars of mean score drop with ± std error bars, most important at the top. */
export function buildImportanceFigure(section: ImportanceSection, metricName: string, top = 20): PlotFigure {
  const ranked = rankImportance(section, top);
  return {
    data: [{
      type: 'bar', orientation: 'h', x: ranked.map((f) => f.mean), y: ranked.map((f) => f.feature),
      error_x: { type: 'data', array: ranked.map((f) => f.std), visible: true, color: '#374151' }, marker: { color: BAR },
      hovertemplate: '%{y}: %{x:.4f}<extra></extra>',
    }],
    layout: {
      margin: { l: 140, r: 12, t: 8, b: 40 },
      xaxis: { title: { text: `${section.lowerIsBetter ? 'Rise' : 'Drop'} in ${metricName} when shuffled` }, zeroline: true },
      yaxis: { autorange: 'reversed', automargin: true },
    },
  };
}

/** Horizontal bars of mean |SHAP| per feature (already ranked), at most `top`. */
export function buildShapBarFigure(ranked: readonly ShapImportance[], spaceLabel: string, top = 20): PlotFigure {
  const shown = ranked.slice(0, top);
  return {
    data: [{ type: 'bar', orientation: 'h', x: shown.map((r) => r.meanAbs), y: shown.map((r) => r.feature), marker: { color: BAR }, hovertemplate: '%{y}: %{x:.4f}<extra></extra>' }],
    layout: { margin: { l: 140, r: 12, t: 8, b: 40 }, xaxis: { title: { text: `mean |SHAP| (${spaceLabel})` } }, yaxis: { autorange: 'reversed', automargin: true } },
  };
}

/**
 * One strip per feature (most important at the top): x = SHAP value, points stacked sideways where they crowd,
 * coloured by the feature's value normalised to [0, 1] within that feature (blue low → red high, grey missing).
 */
export function buildBeeswarmFigure(strips: readonly ShapBeeswarmStrip[], spaceLabel: string, top = 10): PlotFigure {
  const shown = strips.slice(0, top);
  const range = findRange(Float64Array.from(shown.flatMap((s) => Array.from(s.shap))));
  const span = range.high > range.low ? range.high - range.low : 1;
  const x: number[] = [], y: number[] = [], color: number[] = [], gx: number[] = [], gy: number[] = [];
  shown.forEach((strip, s) => {
    const offsets = stackOffsets(strip.shap, span);
    const { low, high } = findRange(strip.featureValues);
    strip.shap.forEach((phi, i) => {
      const v = strip.featureValues[i];
      if (Number.isNaN(v)) { gx.push(phi); gy.push(s + offsets[i]); return; }
      x.push(phi); y.push(s + offsets[i]); color.push(high > low ? (v - low) / (high - low) : 0.5);
    });
  });
  const data: PlotFigure['data'] = [{
    type: 'scattergl', mode: 'markers', x, y,
    marker: { size: 5, color, cmin: 0, cmax: 1, colorscale: [[0, LOW], [1, HIGH]], colorbar: { title: { text: 'feature value' }, tickvals: [0, 1], ticktext: ['low', 'high'], thickness: 10 } },
    hovertemplate: 'SHAP %{x:.4f}<extra></extra>',
  }];
  if (gx.length > 0) data.push({ type: 'scattergl', mode: 'markers', x: gx, y: gy, marker: { size: 5, color: MISSING }, hovertemplate: 'SHAP %{x:.4f} (missing)<extra></extra>' });
  return {
    data,
    layout: {
      margin: { l: 140, r: 12, t: 8, b: 40 },
      xaxis: { title: { text: `SHAP value (${spaceLabel})` }, zeroline: true },
      yaxis: { tickvals: shown.map((_, s) => s), ticktext: shown.map((s) => s.feature), autorange: 'reversed', automargin: true },
    },
  };
}

/** Sideways offsets in (−0.4, 0.4): points in the same 1/50 of the x range alternate above and below the strip. */
function stackOffsets(values: Float64Array, span: number): number[] {
  const counts = new Map<number, number>();
  return Array.from(values, (v) => {
    const bin = Math.round((v / span) * 50);
    const n = counts.get(bin) ?? 0;
    counts.set(bin, n + 1);
    const step = Math.min(0.4, 0.05 * Math.ceil(n / 2));
    return n % 2 === 1 ? step : -step;
  });
}

function findRange(values: Float64Array): { low: number; high: number } {
  let low = Infinity, high = -Infinity;
  for (const v of values) if (!Number.isNaN(v)) { low = Math.min(low, v); high = Math.max(high, v); }
  return { low, high };
}

/** Base value → the `top` largest contributions (the rest as one bar) → the prediction, labelled "feature = value". */
export function buildWaterfallFigure(waterfall: ShapWaterfall, levels: ReadonlyMap<string, readonly string[] | null>, spaceLabel: string, top = 10): PlotFigure {
  const shown = waterfall.contributions.slice(0, top);
  const rest = waterfall.contributions.slice(top);
  const labels = shown.map((c) => `${c.feature} = ${formatFeatureValue(c.value, levels.get(c.feature) ?? null)}`);
  const values = shown.map((c) => c.shap);
  if (rest.length > 0) {
    labels.push(`${rest.length} other features`);
    values.push(rest.reduce((s, c) => s + c.shap, 0));
  }
  return {
    data: [{
      type: 'waterfall', orientation: 'h', base: waterfall.baseValue, cliponaxis: false,
      y: [...labels, 'prediction'], x: [...values, 0], measure: [...values.map(() => 'relative'), 'total'],
      text: [...values.map((v) => (v >= 0 ? '+' : '') + v.toPrecision(3)), waterfall.prediction.toPrecision(4)], textposition: 'outside',
      increasing: { marker: { color: HIGH } }, decreasing: { marker: { color: LOW } }, totals: { marker: { color: '#374151' } },
      connector: { line: { color: MISSING, width: 1 } },
    }],
    layout: {
      margin: { l: 180, r: 60, t: 8, b: 40 },
      xaxis: { title: { text: `${spaceLabel} (base ${waterfall.baseValue.toPrecision(4)})` } },
      yaxis: { autorange: 'reversed', automargin: true, type: 'category' },
    },
  };
}

/** ICE lines (faded) under the partial dependence curve; categorical grids are drawn at their labels. */
export function buildPartialDependenceFigure(pd: PartialDependence, levels: readonly string[] | null, outputLabel: string): PlotFigure {
  const x = levels ? pd.grid.map((g) => formatFeatureValue(g, levels)) : pd.grid;
  const ice: PlotFigure['data'] = pd.ice.values.map((line) => ({
    type: 'scatter', mode: 'lines', x, y: line, line: { color: MISSING, width: 1 }, opacity: 0.35, hoverinfo: 'skip',
  }));
  return {
    data: [...ice, { type: 'scatter', mode: levels ? 'lines+markers' : 'lines', x, y: pd.average, line: { color: BAR, width: 3 }, name: 'average' }],
    layout: { xaxis: { title: { text: pd.feature }, ...(levels ? { type: 'category' } : {}) }, yaxis: { title: { text: outputLabel } } },
  };
}
