// Loads plotly.js once, on first use, as its own chunk so the first page load stays small.
// The only module in the app that imports plotly.

import type PlotlyNamespace from 'plotly.js-dist-min';

export type Plotly = typeof PlotlyNamespace;

let loading: Promise<Plotly> | null = null;

/** The plotly module, imported on the first call; a failed load is retried on the next call. */
export function loadPlotly(): Promise<Plotly> {
  loading ??= import('plotly.js-dist-min')
    .then((module) => (module as { default?: Plotly }).default ?? (module as unknown as Plotly))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
