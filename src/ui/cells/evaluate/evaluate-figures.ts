// Plot figures of the Evaluate cell as plain plotly JSON (drawn by ui/plots/Plot.svelte): ROC and PR curves with
// the operating point, calibration, expected cost per threshold, and the regression residual plots.

import type { CalibrationCurve, CostCurve, OperatingPoint, PrecisionRecallCurve, RegressionDiagnostics, RocCurve } from '../../../core/evaluate';
import type { PlotFigure } from '../../plots/plot-types';

const LINE = '#2563eb';
const MARK = '#dc2626';
const GUIDE = { color: '#9ca3af', dash: 'dot', width: 1 };

function axes(x: string, y: string, unit = false): Record<string, unknown> {
  const range = unit ? { range: [-0.02, 1.02] } : {};
  return { xaxis: { title: { text: x }, ...range }, yaxis: { title: { text: y }, ...range } };
}

/** ROC curve, the chance diagonal, and the operating point (FPR, recall) as a red marker. */
export function buildRocFigure(curve: RocCurve, point: OperatingPoint | null): PlotFigure {
  const data: PlotFigure['data'] = [
    { type: 'scatter', mode: 'lines', x: [0, 1], y: [0, 1], line: GUIDE, hoverinfo: 'skip' },
    { type: 'scatter', mode: 'lines', x: curve.falsePositiveRate, y: curve.truePositiveRate, line: { color: LINE, width: 2 }, name: 'ROC' },
  ];
  if (point && point.falsePositiveRate !== null && point.recall !== null) {
    data.push({ type: 'scatter', mode: 'markers', x: [point.falsePositiveRate], y: [point.recall], marker: { color: MARK, size: 10 }, name: 'threshold' });
  }
  return { data, layout: axes('False-positive rate', 'True-positive rate (recall)', true) };
}

/** Precision–recall curve with the operating point (recall, precision). */
export function buildPrecisionRecallFigure(curve: PrecisionRecallCurve, point: OperatingPoint | null): PlotFigure {
  const data: PlotFigure['data'] = [
    { type: 'scatter', mode: 'lines', x: curve.recall, y: curve.precision, line: { color: LINE, width: 2, shape: 'hv' }, name: 'PR' },
  ];
  if (point && point.recall !== null && point.precision !== null) {
    data.push({ type: 'scatter', mode: 'markers', x: [point.recall], y: [point.precision], marker: { color: MARK, size: 10 }, name: 'threshold' });
  }
  return { data, layout: axes('Recall', 'Precision', true) };
}

/** Observed positive rate per bin against mean predicted probability, with the perfectly calibrated diagonal. */
export function buildCalibrationFigure(curve: CalibrationCurve): PlotFigure {
  return {
    data: [
      { type: 'scatter', mode: 'lines', x: [0, 1], y: [0, 1], line: GUIDE, hoverinfo: 'skip' },
      { type: 'scatter', mode: 'lines+markers', x: curve.meanPredicted, y: curve.observedRate, text: curve.counts.map((n) => `${n} rows`), line: { color: LINE } },
    ],
    layout: axes('Mean predicted probability', 'Observed positive rate', true),
  };
}

/** Expected cost per case against the threshold ("none" left out), the best and the current threshold marked. */
export function buildCostFigure(curve: CostCurve, threshold: number): PlotFigure {
  const x: number[] = [];
  const y: number[] = [];
  curve.thresholds.forEach((t, i) => { if (t !== null && t <= 1) { x.push(t); y.push(curve.meanCost[i]); } });
  const data: PlotFigure['data'] = [{ type: 'scatter', mode: 'lines', x, y, line: { color: LINE, shape: 'hv' }, name: 'cost' }];
  if (curve.best?.threshold !== null && curve.best?.threshold !== undefined) {
    data.push({ type: 'scatter', mode: 'markers', x: [curve.best.threshold], y: [curve.best.meanCost], marker: { color: '#16a34a', size: 10, symbol: 'star' }, name: 'best' });
  }
  return { data, layout: { ...axes('Threshold', 'Expected cost per case'), shapes: [{ type: 'line', x0: threshold, x1: threshold, yref: 'paper', y0: 0, y1: 1, line: { color: MARK, width: 1 } }] } };
}

/** Residual (actual − predicted) against predicted value, with the zero line. */
export function buildResidualFigure(yPred: ArrayLike<number>, residuals: ArrayLike<number>): PlotFigure {
  return {
    data: [{ type: 'scattergl', mode: 'markers', x: Array.from(yPred), y: Array.from(residuals), marker: { color: LINE, size: 5, opacity: 0.6 } }],
    layout: { ...axes('Predicted', 'Residual (actual − predicted)'), shapes: [{ type: 'line', xref: 'paper', x0: 0, x1: 1, y0: 0, y1: 0, line: GUIDE }] },
  };
}

/** Predicted against actual with the y = x diagonal over the shared range. */
export function buildPredictedActualFigure(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, range: RegressionDiagnostics['range']): PlotFigure {
  const data: PlotFigure['data'] = [{ type: 'scattergl', mode: 'markers', x: Array.from(yTrue), y: Array.from(yPred), marker: { color: LINE, size: 5, opacity: 0.6 } }];
  if (range) data.unshift({ type: 'scatter', mode: 'lines', x: [range.min, range.max], y: [range.min, range.max], line: GUIDE, hoverinfo: 'skip' });
  return { data, layout: axes('Actual', 'Predicted') };
}

/** Residual histogram on the diagnostics' bin edges (bars at bin centres, widths = bin widths). */
export function buildResidualHistogramFigure(histogram: NonNullable<RegressionDiagnostics['histogram']>): PlotFigure {
  const { edges, counts } = histogram;
  const x = counts.map((_, i) => (edges[i] + edges[i + 1]) / 2);
  const width = counts.map((_, i) => edges[i + 1] - edges[i]);
  return { data: [{ type: 'bar', x, y: counts, width, marker: { color: LINE } }], layout: axes('Residual', 'Rows') };
}
