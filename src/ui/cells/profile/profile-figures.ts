// Builds the Profile cell's plots as plain plotly figures (no plotly import here): histograms, top-value bars,
// correlation heatmaps, class balance, ranked associations, per-class histograms and missing values by column.

import type { ColumnProfile, CorrelationMatrix, Histogram, TableProfile, TargetProfile, ValueCount } from '../../../core/profile/types';
import { CATEGORICAL, DIVERGING_SCALE, PLOT_COLOR, SEQUENTIAL_SCALE } from '../../plots/palette';
import type { PlotFigure } from '../../plots/plot-types';

const ACCENT = PLOT_COLOR.series;
const OTHER = PLOT_COLOR.neutral;
const PALETTE = CATEGORICAL;

/** Bars over [edges[i], edges[i+1]) for a histogram; `xTitle` labels the axis. */
export function buildHistogramFigure(histogram: Histogram, xTitle: string): PlotFigure {
  const { edges, counts } = histogram;
  return {
    data: [{
      type: 'bar',
      x: counts.map((_, i) => (edges[i] + edges[i + 1]) / 2),
      y: counts,
      width: counts.map((_, i) => edges[i + 1] - edges[i]),
      marker: { color: ACCENT },
      hovertemplate: '%{x}: %{y}<extra></extra>',
    }],
    layout: { xaxis: { title: { text: xTitle } }, yaxis: { title: { text: 'rows' } } },
  };
}

/** Horizontal bars of the top values, plus one grey "other" bar when values fall outside them. */
export function buildTopValuesFigure(topValues: readonly ValueCount<string | number>[], otherCount: number): PlotFigure {
  const labels = topValues.map((entry) => String(entry.value));
  const counts = topValues.map((entry) => entry.count);
  if (otherCount > 0) {
    labels.push('(other)');
    counts.push(otherCount);
  }
  return {
    data: [{
      type: 'bar',
      orientation: 'h',
      y: labels,
      x: counts,
      marker: { color: labels.map((label, i) => (otherCount > 0 && i === labels.length - 1 ? OTHER : ACCENT)) },
      hovertemplate: '%{y}: %{x}<extra></extra>',
    }],
    layout: { yaxis: { autorange: 'reversed', automargin: true, type: 'category' }, xaxis: { title: { text: 'rows' } } },
  };
}

/** The plot that best shows one column: its histogram (numbers), top values (categories) or months (dates); null when none. */
export function buildColumnFigure(column: ColumnProfile): PlotFigure | null {
  if (column.kind === 'numeric') return column.histogram ? buildHistogramFigure(column.histogram, column.name) : null;
  if (column.kind === 'datetime') {
    const months = column.perMonth.length > 1 ? column.perMonth : column.perYear;
    return months.length > 0 ? buildTopValuesFigure(months, 0) : null;
  }
  return column.topValues.length > 0 ? buildTopValuesFigure(column.topValues, column.otherCount) : null;
}

/** A correlation heatmap; null cells stay blank. Symmetric measures span −1…1 (diverging orange–blue), others 0…1 (Cividis, high dark). */
export function buildHeatmapFigure(matrix: CorrelationMatrix, signed: boolean): PlotFigure {
  return {
    data: [{
      type: 'heatmap',
      x: matrix.columns,
      y: matrix.rows,
      z: matrix.values,
      zmin: signed ? -1 : 0,
      zmax: 1,
      colorscale: signed ? DIVERGING_SCALE : SEQUENTIAL_SCALE,
      reversescale: !signed, // Cividis starts dark at zmin; a strong association should be the dark end, as +1 is on the diverging scale
      hoverongaps: false,
      hovertemplate: '%{y} × %{x}: %{z:.3f}<extra></extra>',
      // Values printed in the cells while they are big enough to read.
      ...(matrix.columns.length <= 12 ? { texttemplate: '%{z:.2f}', textfont: { size: 10 } } : {}),
    }],
    layout: {
      margin: { l: 110, r: 12, t: 12, b: 110 },
      xaxis: { type: 'category', tickangle: -45, automargin: true },
      yaxis: { type: 'category', autorange: 'reversed', automargin: true },
    },
  };
}

/** Class counts of the target as bars. */
export function buildClassBalanceFigure(target: TargetProfile): PlotFigure | null {
  const classes = target.classBalance?.classes ?? [];
  if (classes.length === 0) return null;
  return {
    data: [{ type: 'bar', x: classes.map((c) => c.value), y: classes.map((c) => c.count), marker: { color: classes.map((_, i) => PALETTE[i % PALETTE.length]) }, hovertemplate: '%{x}: %{y}<extra></extra>' }],
    layout: { xaxis: { type: 'category', title: { text: target.name } }, yaxis: { title: { text: 'rows' } } },
  };
}

/** Each feature's association with the target, strongest on top (missing values left out). */
export function buildAssociationsFigure(target: TargetProfile): PlotFigure | null {
  const ranked = target.associations.filter((a) => a.value !== null).slice(0, 30);
  if (ranked.length === 0) return null;
  return {
    data: [{ type: 'bar', orientation: 'h', y: ranked.map((a) => a.column), x: ranked.map((a) => a.value), customdata: ranked.map((a) => a.measure), marker: { color: ACCENT }, hovertemplate: '%{y}: %{x:.3f} (%{customdata})<extra></extra>' }],
    layout: { yaxis: { autorange: 'reversed', automargin: true, type: 'category' }, xaxis: { range: [0, 1], title: { text: 'association (0–1)' } } },
  };
}

/** One feature's distribution per class, as overlaid step-free bars on the feature's own bins. */
export function buildPerClassFigure(entry: TargetProfile['perClassHistograms'][number]): PlotFigure {
  const centers = entry.edges.slice(0, -1).map((edge, i) => (edge + entry.edges[i + 1]) / 2);
  return {
    data: entry.classes.map((cls, i) => ({ type: 'bar', name: cls.label, x: centers, y: cls.counts, opacity: 0.6, marker: { color: PALETTE[i % PALETTE.length] } })),
    layout: { barmode: 'overlay', showlegend: true, legend: { orientation: 'h', y: 1.15 }, xaxis: { title: { text: entry.column } }, yaxis: { title: { text: 'rows' } } },
  };
}

/** Missing share (0–100) of every column with missing values, most missing first. */
export function buildMissingFigure(profile: TableProfile): PlotFigure | null {
  const columns = profile.columns.filter((c) => c.missing > 0).sort((a, b) => b.missingPct - a.missingPct).slice(0, 50);
  if (columns.length === 0) return null;
  return {
    data: [{ type: 'bar', orientation: 'h', y: columns.map((c) => c.name), x: columns.map((c) => c.missingPct), marker: { color: PLOT_COLOR.bad }, hovertemplate: '%{y}: %{x:.1f} %<extra></extra>' }],
    layout: { yaxis: { autorange: 'reversed', automargin: true, type: 'category' }, xaxis: { rangemode: 'tozero', title: { text: 'missing (%)' } } },
  };
}
