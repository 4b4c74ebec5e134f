// The plain shapes a plot is described with (plotly's data/layout as JSON), so pure code outside ui/plots
// can build plots without importing plotly.

/** One plotly trace, as plain JSON (type, x, y, z, marker…). */
export type PlotTrace = Record<string, unknown>;

/** A plotly layout fragment, merged over the wrapper's defaults. */
export type PlotLayout = Record<string, unknown>;

/** What a plot shows: its traces and layout. */
export interface PlotFigure {
  data: PlotTrace[];
  layout?: PlotLayout;
}
