// The Tune cell's figures as plain plotly JSON: the optimisation history (each trial's objective and the best so
// far), a parallel-coordinates plot of the full-budget trials (log parameters on a log axis, choices as their
// options) and the parameter-importance bars; and the trial table's wording.

import { pickAnalysisTrials, type TuneOutput, type TuneTrial } from '../core/tune/tune-output';
import type { HyperparameterValue } from '../core/models/types';

/** A plotly figure as plain JSON (the shape ui/plots draws; state does not import ui). */
type PlotFigure = { data: Record<string, unknown>[]; layout?: Record<string, unknown> };

// Colours are tokens of global.css, named as in ui/plots/palette.ts (series, mark, neutral), which state cannot
// import; Plot.svelte swaps them for the theme's values.
const SERIES = 'var(--plot-blue)';
const MARK = 'var(--plot-vermillion)';
const NEUTRAL = 'var(--plot-grey)';
// Lines coloured by their objective, low (blue) to high (vermillion): both ends read on light and dark cards, where a
// sequential scale's dark end vanishes on a dark page (palette.ts LOW_HIGH_SCALE).
const LOW_HIGH = [[0, SERIES], [1, MARK]];

/** Objective per finished trial in finishing order (a partial-budget trial as a grey open circle), with the running best (by the metric's direction). */
export function buildHistoryFigure(trials: readonly TuneTrial[], direction: TuneOutput['direction'], metricLabel: string): PlotFigure {
  const scored = trials.filter((t) => t.value !== null);
  const better = (a: number, b: number) => (direction === 'higher' ? a > b : a < b);
  let best: number | null = null;
  const bestLine = scored.map((t) => (best = best === null || better(t.value!, best) ? t.value! : best));
  const x = scored.map((_, i) => i + 1);
  return {
    data: [
      { type: 'scatter', mode: 'markers', name: 'trial', x, y: scored.map((t) => t.value), text: scored.map((t) => `#${t.index + 1} ${t.family}${t.budget < 1 ? ` (budget ${formatShare(t.budget)})` : ''}`), marker: { size: 7, color: scored.map((t) => (t.budget < 1 ? NEUTRAL : SERIES)), symbol: scored.map((t) => (t.budget < 1 ? 'circle-open' : 'circle')) } },
      { type: 'scatter', mode: 'lines', name: 'best so far', x, y: bestLine, line: { shape: 'hv', color: MARK } },
    ],
    layout: { xaxis: { title: { text: 'trial (finishing order)' } }, yaxis: { title: { text: metricLabel } }, showlegend: true, legend: { orientation: 'h', y: -0.25 } },
  };
}

/** Parallel coordinates over the searched parameters and the objective (full-budget trials that scored); null when fewer than 2. */
export function buildParallelFigure(output: TuneOutput, metricLabel: string): PlotFigure | null {
  const space = output.space;
  const trials = pickAnalysisTrials(output.trials);
  if (!space || trials.length < 2) return null;
  const dimensions = space.params.map((param) => {
    const raw = trials.map((t) => t.params[param.name]);
    if (param.kind === 'choice' || param.kind === 'bool') {
      const options: HyperparameterValue[] = param.kind === 'bool' ? [false, true] : [...param.options];
      return { label: param.name, values: raw.map((v) => Math.max(0, options.indexOf(v ?? options[0]))), tickvals: options.map((_, i) => i), ticktext: options.map(String) };
    }
    const numbers = raw.map((v) => (typeof v === 'number' ? v : Number.NaN));
    return param.log ? { label: `log10 ${param.name}`, values: numbers.map((v) => Math.log10(v)) } : { label: param.name, values: numbers };
  });
  const values = trials.map((t) => t.value!);
  return {
    data: [{
      type: 'parcoords',
      line: { color: values, colorscale: LOW_HIGH, reversescale: output.direction === 'lower', showscale: true, colorbar: { title: { text: metricLabel } } },
      dimensions: [...dimensions, { label: metricLabel, values }],
    }],
    layout: { margin: { l: 60, r: 60, t: 40, b: 20 } },
  };
}

/** Horizontal bars of each parameter's share of the objective's variance. */
export function buildImportanceFigure(importance: NonNullable<TuneOutput['importance']>): PlotFigure {
  const rows = [...importance].reverse();
  return {
    data: [{ type: 'bar', orientation: 'h', x: rows.map((r) => r.importance), y: rows.map((r) => r.name), marker: { color: SERIES } }],
    layout: { xaxis: { title: { text: 'share of the objective’s variance (main effect)' }, range: [0, 1] }, margin: { l: 140, r: 12, t: 12, b: 40 } },
  };
}

/** A configuration in one line: name=value, numbers to 4 significant digits. */
export function formatParams(params: Readonly<Record<string, HyperparameterValue>>): string {
  const entries = Object.entries(params);
  if (entries.length === 0) return 'defaults';
  return entries.map(([name, value]) => `${name}=${typeof value === 'number' ? formatNumber(value) : String(value)}`).join(', ');
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : Number(value.toPrecision(4)).toString();
}

/** A budget share as "1/9" for halving's rungs, "100 %" when full. */
export function formatShare(budget: number): string {
  if (budget >= 1) return 'full';
  const inverse = Math.round(1 / budget);
  return Math.abs(1 / inverse - budget) < 1e-9 ? `1/${inverse}` : `${Math.round(budget * 100)} %`;
}

/** Seconds as "0.4 s", "42 s" or "3 min 05 s". */
export function formatSeconds(ms: number): string {
  if (ms < 9_950) return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
