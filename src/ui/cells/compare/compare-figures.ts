// Plot figures of the Compare cell as plain plotly JSON (drawn by ui/plots/Plot.svelte): runs A and B overlaid —
// training curves per iteration, ROC and precision–recall curves, predicted against actual.

import type { PrecisionRecallCurve, RocCurve } from '../../../core/evaluate';
import type { TrainingProgress } from '../../../core/models/types';
import { GUIDE_LINE as GUIDE, PLOT_COLOR, SIDE_DASH, SIDE_SYMBOL } from '../../plots/palette';
import type { PlotFigure, PlotTrace } from '../../plots/plot-types';

/** Colour of run A and run B in every figure; B's lines are also dashed and its markers diamonds (SIDE_DASH, SIDE_SYMBOL). */
export const SIDE_COLORS = { A: PLOT_COLOR.sideA, B: PLOT_COLOR.sideB } as const;
const DASHES = ['solid', 'dash', 'dot', 'dashdot', 'longdash'];
const LEGEND = { showlegend: true, legend: { orientation: 'h', y: 1.18 } };

/** One side of a figure: which run ('A'/'B'), its label, and its data. */
export interface Side<T> {
  side: 'A' | 'B';
  label: string;
  data: T;
}

function axes(x: string, y: string, unit = false): Record<string, unknown> {
  const range = unit ? { range: [-0.02, 1.02] } : {};
  return { xaxis: { title: { text: x }, ...range }, yaxis: { title: { text: y }, ...range } };
}

/** Every per-iteration metric of both runs (colour and marker symbol = run, dash = metric); null when neither run has a curve with metrics. */
export function buildTrainingCurvesFigure(sides: readonly Side<readonly TrainingProgress[]>[]): PlotFigure | null {
  const names = [...new Set(sides.flatMap((s) => s.data.flatMap((p) => Object.keys(p.metrics))))].sort();
  const data: PlotTrace[] = [];
  for (const { side, label, data: curve } of sides) {
    names.forEach((name, i) => {
      const shown = curve.filter((p) => Number.isFinite(p.metrics[name]));
      if (shown.length === 0) return;
      data.push({
        type: 'scatter', mode: shown.length === 1 ? 'markers' : 'lines+markers', name: `${side} ${label} · ${name}`,
        x: shown.map((p) => p.iteration), y: shown.map((p) => p.metrics[name]), line: { color: SIDE_COLORS[side], dash: DASHES[i % DASHES.length] },
        marker: { color: SIDE_COLORS[side], symbol: SIDE_SYMBOL[side], size: 7, maxdisplayed: 12 },
      });
    });
  }
  return data.length === 0 ? null : { data, layout: { ...axes('Iteration', 'Value'), ...LEGEND } };
}

/** Both ROC curves over the chance diagonal (B dashed); a side without a curve is left out. */
export function buildRocOverlayFigure(sides: readonly Side<RocCurve | null>[]): PlotFigure {
  const data: PlotTrace[] = [{ type: 'scatter', mode: 'lines', x: [0, 1], y: [0, 1], line: GUIDE, hoverinfo: 'skip', showlegend: false }];
  for (const { side, label, data: curve } of sides) {
    if (curve) data.push({ type: 'scatter', mode: 'lines', name: `${side} ${label}`, x: curve.falsePositiveRate, y: curve.truePositiveRate, line: { color: SIDE_COLORS[side], width: 2, dash: SIDE_DASH[side] } });
  }
  return { data, layout: { ...axes('False-positive rate', 'True-positive rate (recall)', true), ...LEGEND } };
}

/** Both precision–recall curves (step lines, B dashed); a side without a curve is left out. */
export function buildPrecisionRecallOverlayFigure(sides: readonly Side<PrecisionRecallCurve | null>[]): PlotFigure {
  const data: PlotTrace[] = [];
  for (const { side, label, data: curve } of sides) {
    if (curve) data.push({ type: 'scatter', mode: 'lines', name: `${side} ${label}`, x: curve.recall, y: curve.precision, line: { color: SIDE_COLORS[side], width: 2, shape: 'hv', dash: SIDE_DASH[side] } });
  }
  return { data, layout: { ...axes('Recall', 'Precision', true), ...LEGEND } };
}

/** Predicted against actual for both runs (A circles, B diamonds), with the y = x diagonal over the range of all values shown. */
export function buildPredictedActualOverlayFigure(sides: readonly Side<{ yTrue: ArrayLike<number>; yPred: ArrayLike<number> }>[]): PlotFigure {
  let min = Infinity, max = -Infinity;
  const data: PlotTrace[] = sides.map(({ side, label, data: { yTrue, yPred } }) => {
    for (const v of [...Array.from(yTrue), ...Array.from(yPred)]) if (Number.isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); }
    return { type: 'scattergl', mode: 'markers', name: `${side} ${label}`, x: Array.from(yTrue), y: Array.from(yPred), marker: { color: SIDE_COLORS[side], symbol: SIDE_SYMBOL[side], size: 5, opacity: 0.55 } };
  });
  if (min <= max) data.unshift({ type: 'scatter', mode: 'lines', x: [min, max], y: [min, max], line: GUIDE, hoverinfo: 'skip', showlegend: false });
  return { data, layout: { ...axes('Actual', 'Predicted'), ...LEGEND } };
}
