// The studio's plot colours, safe for colour-blind readers: Okabe & Ito's eight colours ("Color Universal Design",
// 2008) as the categorical colorway, Cividis as the sequential scale, a blue–orange diverging scale, and the
// colours that carry a meaning. Lines, markers and bars name a token of global.css ('var(--plot-blue)'), so they
// follow the theme: Plot.svelte swaps each for the current theme's value before plotly sees it. Heatmap scales fill
// their own cells and are plain hex. Where colour tells two things apart, a second cue goes with it (below).
//
// state/*-figures.ts and state/monitor-view.ts cannot import ui/ (the import direction), so they write the same
// token strings; palette.test.ts checks every figure builder names only tokens global.css declares.

/** Okabe–Ito's colours in colorway order: the ones that read on white first, yellow and black (ink in dark) last. */
export const CATEGORICAL: readonly string[] = [
  'var(--plot-blue)', 'var(--plot-vermillion)', 'var(--plot-green)', 'var(--plot-purple)',
  'var(--plot-sky)', 'var(--plot-orange)', 'var(--plot-yellow)', 'var(--plot-black)',
];

/** Colours with a meaning, the same in every figure. */
export const PLOT_COLOR = {
  /** The one series of a single-series plot (bars, a curve, residual points). */
  series: 'var(--plot-blue)',
  /** Run A and run B (Compare), the training reference and the new batch (Monitor). */
  sideA: 'var(--plot-blue)',
  sideB: 'var(--plot-vermillion)',
  /** A chosen point or line (the threshold) and a flagged, worse-than-overall bar. */
  mark: 'var(--plot-vermillion)',
  bad: 'var(--plot-vermillion)',
  /** The best point, the perfect-ranking line. */
  good: 'var(--plot-green)',
  /** Low and high feature values (SHAP), decreasing and increasing contributions. */
  low: 'var(--plot-blue)',
  high: 'var(--plot-vermillion)',
  /** Reference diagonals, "other", missing and "before" series: present but in the background. */
  neutral: 'var(--plot-grey)',
  /** A reference value drawn in the text colour: the overall line, error bars, totals. */
  ink: 'var(--plot-ink)',
} as const;

/** The dotted grey line of a reference diagonal or zero line. */
export const GUIDE_LINE = { color: PLOT_COLOR.neutral, dash: 'dot', width: 1 } as const;

/** The second cue of A and B besides colour: B's lines are dashed and its markers diamonds. */
export const SIDE_DASH = { A: 'solid', B: 'dash' } as const;
export const SIDE_SYMBOL = { A: 'circle', B: 'diamond' } as const;

/** The hatching of a flagged ("bad") or batch bar, so it differs from its neighbours without colour. */
export const HATCH = '/';

/** Marker symbols for the k-th category when colour alone would tell categories apart (clusters). */
export const SYMBOLS: readonly string[] = ['circle', 'diamond', 'square', 'triangle-up', 'x', 'star', 'cross', 'triangle-down'];

/** Sequential scale for an unsigned heatmap (0 … 1): perceptually uniform and readable with any colour vision. */
export const SEQUENTIAL_SCALE = 'Cividis';

/**
 * Diverging scale for a signed heatmap (−1 … 1): vermillion/orange below zero, near-white at zero, sky/blue above
 * (Okabe–Ito's hues, so no red–green axis; plotly's 'RdBu' mixes badly for some readers).
 */
export const DIVERGING_SCALE: readonly (readonly [number, string])[] = [
  [0, '#d55e00'], [0.25, '#e69f00'], [0.5, '#f7f7f7'], [0.75, '#56b4e9'], [1, '#0072b2'],
];

/** Two-colour scale of marker colours from low (blue) to high (vermillion), e.g. a feature's value in a beeswarm. */
export const LOW_HIGH_SCALE: readonly (readonly [number, string])[] = [[0, PLOT_COLOR.low], [1, PLOT_COLOR.high]];
