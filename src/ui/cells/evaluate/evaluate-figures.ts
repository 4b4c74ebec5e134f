// Plot figures of the Evaluate cell as plain plotly JSON (drawn by ui/plots/Plot.svelte): ROC and PR curves with
// the operating point, calibration (and before/after a calibrator), expected cost per threshold, the regression
// residual plots, slices with error bars, cumulative gain, and the learning curve.

import type { CalibrationCurve, CostCurve, GainRow, OperatingPoint, PrecisionRecallCurve, RegressionDiagnostics, RocCurve, SliceReport } from '../../../core/evaluate';
import type { EvaluationOutput } from '../../../state/evaluate-cell-state.svelte';
import { GUIDE_LINE as GUIDE, HATCH, PLOT_COLOR } from '../../plots/palette';
import type { PlotFigure } from '../../plots/plot-types';

const LINE = PLOT_COLOR.series;
const MARK = PLOT_COLOR.mark;

function axes(x: string, y: string, unit = false): Record<string, unknown> {
  const range = unit ? { range: [-0.02, 1.02] } : {};
  return { xaxis: { title: { text: x }, ...range }, yaxis: { title: { text: y }, ...range } };
}

/** ROC curve, the chance diagonal, and the operating point (FPR, recall) as a diamond in the mark colour. */
export function buildRocFigure(curve: RocCurve, point: OperatingPoint | null): PlotFigure {
  const data: PlotFigure['data'] = [
    { type: 'scatter', mode: 'lines', x: [0, 1], y: [0, 1], line: GUIDE, hoverinfo: 'skip' },
    { type: 'scatter', mode: 'lines', x: curve.falsePositiveRate, y: curve.truePositiveRate, line: { color: LINE, width: 2 }, name: 'ROC' },
  ];
  if (point && point.falsePositiveRate !== null && point.recall !== null) {
    data.push({ type: 'scatter', mode: 'markers', x: [point.falsePositiveRate], y: [point.recall], marker: { color: MARK, size: 10, symbol: 'diamond' }, name: 'threshold' });
  }
  return { data, layout: axes('False-positive rate', 'True-positive rate (recall)', true) };
}

/** Precision–recall curve with the operating point (recall, precision). */
export function buildPrecisionRecallFigure(curve: PrecisionRecallCurve, point: OperatingPoint | null): PlotFigure {
  const data: PlotFigure['data'] = [
    { type: 'scatter', mode: 'lines', x: curve.recall, y: curve.precision, line: { color: LINE, width: 2, shape: 'hv' }, name: 'PR' },
  ];
  if (point && point.recall !== null && point.precision !== null) {
    data.push({ type: 'scatter', mode: 'markers', x: [point.recall], y: [point.precision], marker: { color: MARK, size: 10, symbol: 'diamond' }, name: 'threshold' });
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
    data.push({ type: 'scatter', mode: 'markers', x: [curve.best.threshold], y: [curve.best.meanCost], marker: { color: PLOT_COLOR.good, size: 10, symbol: 'star' }, name: 'best' });
  }
  return { data, layout: { ...axes('Threshold', 'Expected cost per case'), shapes: [{ type: 'line', x0: threshold, x1: threshold, yref: 'paper', y0: 0, y1: 1, line: { color: MARK, width: 1, dash: 'dash' } }] } };
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

/** One bar per slice (undefined ones left empty) with its interval as error bars, flagged bars in the "bad" colour and hatched, the overall value dotted. */
export function buildSliceFigure(report: SliceReport, metricName: string): PlotFigure {
  const { slices, overall } = report;
  const gap = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);
  const data: PlotFigure['data'] = [{
    type: 'bar', x: slices.map((s) => s.label), y: slices.map((s) => s.value),
    error_y: { type: 'data', symmetric: false, array: slices.map((s) => gap(s.high, s.value)), arrayminus: slices.map((s) => gap(s.value, s.low)), color: PLOT_COLOR.ink },
    marker: { color: slices.map((s) => (s.flagged ? PLOT_COLOR.bad : LINE)), pattern: { shape: slices.map((s) => (s.flagged ? HATCH : '')) } },
    text: slices.map((s) => `${s.count} rows`), textposition: 'none', hovertemplate: '%{x}: %{y:.4f} (%{text})<extra></extra>',
  }];
  const shapes = overall.value === null ? [] : [{ type: 'line', xref: 'paper', x0: 0, x1: 1, y0: overall.value, y1: overall.value, line: { ...GUIDE, color: PLOT_COLOR.ink } }];
  return { data, layout: { xaxis: { title: { text: report.column }, type: 'category' }, yaxis: { title: { text: metricName } }, shapes } };
}

/** Cumulative gain of the model against random targeting (the diagonal) and a perfect ranking (all positives first). */
export function buildGainFigure(rows: GainRow[]): PlotFigure {
  const last = rows[rows.length - 1];
  const positiveShare = last.cumulativePositives / last.cumulativeRows;
  return {
    data: [
      { type: 'scatter', mode: 'lines', x: [0, 1], y: [0, 1], line: GUIDE, name: 'random' },
      { type: 'scatter', mode: 'lines', x: [0, positiveShare, 1], y: [0, 1, 1], line: { color: PLOT_COLOR.good, dash: 'dash', width: 1 }, name: 'perfect' },
      { type: 'scatter', mode: 'lines+markers', x: [0, ...rows.map((r) => r.depth)], y: [0, ...rows.map((r) => r.gain)], line: { color: LINE, width: 2 }, name: 'model' },
    ],
    layout: { ...axes('Share of rows targeted (highest scores first)', 'Share of positives found', true), showlegend: true, legend: { x: 0.6, y: 0.1 } },
  };
}

/** Reliability curves before (grey, dotted) and after (the series colour) a calibrator, with the perfectly calibrated diagonal. */
export function buildCalibrationComparisonFigure(before: CalibrationCurve, after: CalibrationCurve, method: string): PlotFigure {
  return {
    data: [
      { type: 'scatter', mode: 'lines', x: [0, 1], y: [0, 1], line: GUIDE, hoverinfo: 'skip', showlegend: false },
      { type: 'scatter', mode: 'lines+markers', x: before.meanPredicted, y: before.observedRate, line: { color: PLOT_COLOR.neutral, dash: 'dot' }, name: 'before' },
      { type: 'scatter', mode: 'lines+markers', x: after.meanPredicted, y: after.observedRate, line: { color: LINE }, name: `after (${method})` },
    ],
    layout: { ...axes('Mean predicted probability', 'Observed positive rate', true), showlegend: true, legend: { x: 0.02, y: 0.98 } },
  };
}

/** The primary metric on the training subset and on validation against training rows used (gaps where undefined). */
export function buildLearningCurveFigure(curve: NonNullable<EvaluationOutput['learningCurve']>, metricName: string): PlotFigure {
  const x = curve.points.map((p) => p.rows);
  return {
    data: [
      { type: 'scatter', mode: 'lines+markers', x, y: curve.points.map((p) => p.train.value), line: { color: PLOT_COLOR.neutral, dash: 'dot' }, name: 'training rows' },
      { type: 'scatter', mode: 'lines+markers', x, y: curve.points.map((p) => p.validation.value), line: { color: LINE, width: 2 }, name: 'validation' },
    ],
    layout: { ...axes('Training rows', metricName), showlegend: true, legend: { x: 0.6, y: 0.1 } },
  };
}
