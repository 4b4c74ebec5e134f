// Loads plotly.js once, on first use or when the page is idle, as its own chunk so the first page load stays
// small. The only module in the app that imports plotly. The build rewrites the bundle (scripts/plotly-in-slices.mjs)
// to hand back its module initialisers, run here in slices so its first load never holds the main thread.

import type PlotlyNamespace from 'plotly.js-strict-dist-min';
import { runInSlices } from './run-in-slices';

export type Plotly = typeof PlotlyNamespace;

/** What the rewritten bundle exports: its module initialisers (creation order) and its entry. */
interface PlotlyInSlices {
  inSlices: (() => unknown)[];
  entry: () => Plotly;
}

let loading: Promise<Plotly> | null = null;

function isInSlices(value: unknown): value is PlotlyInSlices {
  return typeof value === 'object' && value !== null && Array.isArray((value as PlotlyInSlices).inSlices) && typeof (value as PlotlyInSlices).entry === 'function';
}

async function importPlotly(): Promise<Plotly> {
  const module = (await import('plotly.js-strict-dist-min')) as { default?: unknown };
  const exported = module.default ?? module;
  // The dev server's pre-bundled plotly is not rewritten: it arrives whole (one long task, dev only).
  if (!isInSlices(exported)) return exported as Plotly;
  await runInSlices(exported.inSlices);
  const plotly = exported.entry();
  (window as unknown as { Plotly: Plotly }).Plotly = plotly;
  return plotly;
}

/** The plotly module, imported on the first call; a failed load is retried on the next call. */
export function loadPlotly(): Promise<Plotly> {
  loading ??= importPlotly().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** Starts loading plotly when the page is next idle (at the latest after `timeoutMs`), so the first plot is quick. */
export function preloadPlotlyWhenIdle(timeoutMs = 3000): void {
  const start = () => void loadPlotly().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: timeoutMs });
  else setTimeout(start, timeoutMs);
}
