// Plot figures of the Explain cell as plain plotly JSON (drawn by ui/plots/Plot.svelte): permutation importance
// with ± std error bars, mean |SHAP| bars, the beeswarm, one row's waterfall and partial dependence with ICE lines.
// Feature values are labelled by the caller (state/explain-labels: the raw cell, the model's value on hover).

import type { PartialDependence } from '../../../core/explain/compute-partial-dependence';
import type { ShapBeeswarmStrip, ShapImportance, ShapWaterfall } from '../../../core/explain/summarise-shap';
import { formatFeatureValue, type FeatureAxis, type FeatureValueLabel } from '../../../state/explain-labels';
import type { ImportanceSection } from '../../../core/explain/explain-result';
import { LOW_HIGH_SCALE, PLOT_COLOR } from '../../plots/palette';
import type { PlotFigure } from '../../plots/plot-types';

const BAR = PLOT_COLOR.series;
const LOW = PLOT_COLOR.low;
const HIGH = PLOT_COLOR.high;
const MISSING = PLOT_COLOR.neutral;

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
      error_x: { type: 'data', array: ranked.map((f) => f.std), visible: true, color: PLOT_COLOR.ink }, marker: { color: BAR },
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

/** Labels the value of `feature` in explained row `i` (the model saw `value`). */
export type DescribeRowValue = (feature: string, i: number, value: number) => FeatureValueLabel;

/**
 * One strip per feature (most important at the top): x = SHAP value, points stacked sideways where they crowd,
 * coloured by the feature's value normalised to [0, 1] within that feature (blue low → vermillion high, grey missing);
 * each point's hover names the row's raw value and the value after the pipeline.
 */
export function buildBeeswarmFigure(strips: readonly ShapBeeswarmStrip[], spaceLabel: string, describe: DescribeRowValue, top = 10): PlotFigure {
  const shown = strips.slice(0, top);
  const range = findRange(Float64Array.from(shown.flatMap((s) => Array.from(s.shap))));
  const span = range.high > range.low ? range.high - range.low : 1;
  const x: number[] = [], y: number[] = [], color: number[] = [], text: string[] = [], gx: number[] = [], gy: number[] = [], gtext: string[] = [];
  shown.forEach((strip, s) => {
    const offsets = stackOffsets(strip.shap, span);
    const { low, high } = findRange(strip.featureValues);
    strip.shap.forEach((phi, i) => {
      const v = strip.featureValues[i];
      const { label, transformed } = describe(strip.feature, i, v);
      const hover = `${label}<br>after the pipeline: ${transformed}`;
      if (Number.isNaN(v)) { gx.push(phi); gy.push(s + offsets[i]); gtext.push(hover); return; }
      x.push(phi); y.push(s + offsets[i]); text.push(hover); color.push(high > low ? (v - low) / (high - low) : 0.5);
    });
  });
  const data: PlotFigure['data'] = [{
    type: 'scattergl', mode: 'markers', x, y, text,
    marker: { size: 5, color, cmin: 0, cmax: 1, colorscale: LOW_HIGH_SCALE, colorbar: { title: { text: 'feature value' }, tickvals: [0, 1], ticktext: ['low', 'high'], thickness: 10 } },
    hovertemplate: '%{text}<br>SHAP %{x:.4f}<extra></extra>',
  }];
  if (gx.length > 0) data.push({ type: 'scattergl', mode: 'markers', x: gx, y: gy, text: gtext, marker: { size: 5, color: MISSING }, hovertemplate: '%{text}<br>SHAP %{x:.4f}<extra></extra>' });
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

/**
 * Base value → the `top` largest contributions (the rest as one bar) → the prediction, each bar labelled by
 * `describe` ("feature = raw value") with the value after the pipeline in its hover.
 */
export function buildWaterfallFigure(waterfall: ShapWaterfall, describe: (feature: string, value: number) => FeatureValueLabel, spaceLabel: string, top = 10): PlotFigure {
  const shown = waterfall.contributions.slice(0, top);
  const rest = waterfall.contributions.slice(top);
  const described = shown.map((c) => describe(c.feature, c.value));
  // A category axis merges equal labels, so a label that repeats names its feature.
  const labels = described.map((d, i) => (described.findIndex((e) => e.label === d.label) < i ? `${d.label} [${shown[i].feature}]` : d.label));
  const hovers = described.map((d) => `after the pipeline: ${d.transformed}`);
  const values = shown.map((c) => c.shap);
  if (rest.length > 0) {
    labels.push(`${rest.length} other features`);
    hovers.push(rest.map((c) => c.feature).slice(0, 5).join(', ') + (rest.length > 5 ? ', …' : ''));
    values.push(rest.reduce((s, c) => s + c.shap, 0));
  }
  return {
    data: [{
      type: 'waterfall', orientation: 'h', base: waterfall.baseValue, cliponaxis: false,
      y: [...labels, 'prediction'], x: [...values, 0], measure: [...values.map(() => 'relative'), 'total'],
      customdata: [...hovers, spaceLabel], hovertemplate: '%{y}: %{x:+.4f}<br>%{customdata}<extra></extra>',
      text: [...values.map((v) => (v >= 0 ? '+' : '') + v.toPrecision(3)), waterfall.prediction.toPrecision(4)], textposition: 'outside',
      increasing: { marker: { color: HIGH } }, decreasing: { marker: { color: LOW } }, totals: { marker: { color: PLOT_COLOR.ink } },
      connector: { line: { color: MISSING, width: 1 } },
    }],
    layout: {
      margin: { l: 180, r: 60, t: 8, b: 40 },
      xaxis: { title: { text: `${spaceLabel} (base ${waterfall.baseValue.toPrecision(4)})` } },
      yaxis: { autorange: 'reversed', automargin: true, type: 'category' },
    },
  };
}

/**
 * ICE lines (faded) under the partial dependence curve; categorical grids are drawn at their labels, numeric ones
 * at `axis` (raw units where the pipeline inverts, with the value after the pipeline in the hover).
 */
export function buildPartialDependenceFigure(pd: PartialDependence, levels: readonly string[] | null, outputLabel: string, axis?: FeatureAxis): PlotFigure {
  const x = levels ? pd.grid.map((g) => formatFeatureValue(g, levels)) : (axis?.values ?? pd.grid);
  const ice: PlotFigure['data'] = pd.ice.values.map((line) => ({
    type: 'scatter', mode: 'lines', x, y: line, line: { color: MISSING, width: 1 }, opacity: 0.35, hoverinfo: 'skip',
  }));
  const hover = axis?.rawUnits ? { customdata: pd.grid, hovertemplate: '%{x:.4g} (after the pipeline %{customdata:.4g}): %{y:.4f}<extra></extra>' } : {};
  return {
    data: [...ice, { type: 'scatter', mode: levels ? 'lines+markers' : 'lines', x, y: pd.average, line: { color: BAR, width: 3 }, name: 'average', ...hover }],
    layout: { xaxis: { title: { text: levels ? pd.feature : (axis?.title ?? pd.feature) }, ...(levels ? { type: 'category' } : {}) }, yaxis: { title: { text: outputLabel } } },
  };
}
