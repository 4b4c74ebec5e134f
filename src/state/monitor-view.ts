// What the Monitor and Retrain views need beside the runtime: the registered models to pick from, the figures
// (a feature's distributions overlaid, the version's history as time series), the report files, and a confirmed
// promotion written to the registry and to the cell's output (a Retrain cell's challenger, or a version a prediction
// log showed beating the monitored one).

import type { MonitorOutput } from '../core/notebook/runtime/runners/monitor';
import type { RetrainOutput } from '../core/notebook/runtime/runners/retrain';
import type { CellId } from '../core/notebook/types';
import type { OverlayCounts } from '../core/monitor/drift-types';
import type { MonitorHistoryEntry } from '../core/monitor/monitor-history';
import { renderDriftReportHtml } from '../core/monitor/render-drift-html';
import { renderDriftReportJson } from '../core/monitor/render-drift-json';
import type { Stage } from '../core/registry/types';
import { listModels, setStage } from '../storage/registry';
import type { NotebookState } from './notebook-state.svelte';
import { broadcastRegistryChange } from './registry-channel';
import type { Studio } from './studio.svelte';

/** A plotly figure as plain JSON (the shape ui/plots draws; state does not import ui). */
type PlotFigure = { data: Record<string, unknown>[]; layout?: Record<string, unknown> };

// The reference and the batch are ui/plots/palette.ts's sides A and B (tokens of global.css, swapped for the theme's
// values by Plot.svelte); the batch's bars are also hatched, so the two differ without colour.
const REFERENCE = { color: 'var(--plot-blue)' };
const BATCH = { color: 'var(--plot-vermillion)', pattern: { shape: '/' } };

/** A registered model and its versions, as the Monitor cell's picker lists them. */
export interface ModelChoice {
  readonly name: string;
  readonly versions: readonly { readonly version: number; readonly stage: Stage }[];
}

/** Every registered model with its versions; [] when the registry cannot be read. */
export async function listModelChoices(studio: Studio): Promise<ModelChoice[]> {
  try {
    return (await listModels(await studio.db())).map(({ model, versions }) => ({ name: model.name, versions: versions.map((v) => ({ version: v.version, stage: v.stage })) }));
  } catch {
    return [];
  }
}

/** The reference and the batch as shares of their rows, side by side: bars per category, or per bin on a number line. */
export function buildOverlayFigure(overlay: OverlayCounts, column: string): PlotFigure {
  const share = (counts: readonly number[]) => {
    const total = counts.reduce((a, b) => a + b, 0) || 1;
    return counts.map((c) => c / total);
  };
  const layout = { barmode: 'overlay', showlegend: true, legend: { orientation: 'h', y: -0.3 }, yaxis: { title: { text: 'share of rows' } }, xaxis: { title: { text: column }, automargin: true } };
  if (overlay.kind === 'categories') {
    return {
      data: [
        { type: 'bar', name: 'training (reference)', x: overlay.labels, y: share(overlay.referenceCounts), marker: REFERENCE, opacity: 0.75 },
        { type: 'bar', name: 'batch', x: overlay.labels, y: share(overlay.batchCounts), marker: BATCH, opacity: 0.75 },
      ],
      layout,
    };
  }
  const { edges } = overlay;
  const centers = edges.slice(0, -1).map((edge, i) => (edge + edges[i + 1]) / 2);
  const widths = edges.slice(0, -1).map((edge, i) => edges[i + 1] - edge);
  const hover = edges.slice(0, -1).map((edge, i) => `${formatEdge(edge)} – ${formatEdge(edges[i + 1])}`);
  return {
    data: [
      { type: 'bar', name: 'training (reference)', x: centers, width: widths, y: share(overlay.referenceCounts), text: hover, hoverinfo: 'text+y', marker: REFERENCE, opacity: 0.6 },
      { type: 'bar', name: 'batch', x: centers, width: widths, y: share(overlay.batchCounts), text: hover, hoverinfo: 'text+y', marker: BATCH, opacity: 0.6 },
    ],
    layout,
  };
}

/** PSI per feature (the `top` most drifted last time) and of the scores, one point per monitored batch. */
export function buildHistoryFigure(history: readonly MonitorHistoryEntry[], top = 6): PlotFigure {
  const last = history.at(-1);
  const features = last ? Object.entries(last.psi).sort((a, b) => b[1] - a[1]).slice(0, top).map(([name]) => name) : [];
  const x = history.map((entry) => new Date(entry.at).toISOString());
  const read = (entry: MonitorHistoryEntry, name: string) => (Object.hasOwn(entry.psi, name) ? entry.psi[name] : null);
  const data: Record<string, unknown>[] = features.map((name) => ({ type: 'scatter', mode: 'lines+markers', name, x, y: history.map((entry) => read(entry, name)) }));
  if (history.some((entry) => entry.predictionPsi !== null)) {
    data.push({ type: 'scatter', mode: 'lines+markers', name: 'model scores', x, y: history.map((entry) => entry.predictionPsi), line: { dash: 'dot', color: 'var(--plot-ink)' } });
  }
  return { data, layout: { showlegend: true, legend: { orientation: 'h', y: -0.3 }, yaxis: { title: { text: 'PSI' }, rangemode: 'tozero' }, xaxis: { type: 'date' } } };
}

/** The primary metric on each labelled batch (null where a batch had no labels). */
export function buildPerformanceFigure(history: readonly MonitorHistoryEntry[], metric: string, label: string): PlotFigure | null {
  if (!history.some((entry) => entry.performance !== null)) return null;
  const x = history.map((entry) => new Date(entry.at).toISOString());
  const y = history.map((entry) => (entry.performance && Object.hasOwn(entry.performance, metric) ? (entry.performance as Record<string, number>)[metric] : null));
  return { data: [{ type: 'scatter', mode: 'lines+markers', name: label, x, y, connectgaps: false }], layout: { yaxis: { title: { text: label } }, xaxis: { type: 'date' } } };
}

/** The drift report as a self-contained HTML file and as JSON, named after the model, version and time. */
export function buildReportFiles(output: MonitorOutput): { html: Blob; json: Blob; baseName: string } {
  const extras = { prediction: output.report.prediction, performance: output.report.performance };
  const when = new Date(output.measuredAt).toISOString();
  const title = `Drift report — ${output.version.modelName} v${output.version.version} on ${output.batch.name}`;
  const baseName = `drift-${output.version.modelName}-v${output.version.version}-${when.slice(0, 19).replace(/[:T]/g, '-')}`;
  return {
    html: new Blob([renderDriftReportHtml(output.report.drift, { ...extras, title, generatedAt: when })], { type: 'text/html' }),
    json: new Blob([renderDriftReportJson(output.report.drift, extras)], { type: 'application/json' }),
    baseName,
  };
}

/** The user confirms a passed gate: the challenger's version goes to production (the previous one archived), and the cell's output says so. */
export async function confirmPromotion(notebook: NotebookState, cellId: CellId, output: RetrainOutput, reason: string): Promise<void> {
  if (!output.registered) return;
  const change = await setStage(await notebook.studio.db(), { modelName: output.champion.modelName, version: output.registered.version, stage: 'production', reason });
  broadcastRegistryChange(change);
  await notebook.editOutput<RetrainOutput>(cellId, (current) => ({ ...current, awaitingConfirmation: false, registered: current.registered ? { ...current.registered, stage: 'production', reason } : null }));
}

/** The user promotes a logged challenger whose gate passed: its registered version goes to production (the previous one archived), and the Monitor cell's output says so. */
export async function promoteLoggedChallenger(notebook: NotebookState, cellId: CellId, output: MonitorOutput, version: number, reason: string): Promise<void> {
  const change = await setStage(await notebook.studio.db(), { modelName: output.version.modelName, version, stage: 'production', reason });
  broadcastRegistryChange(change);
  await notebook.editOutput<MonitorOutput>(cellId, (current) => ({ ...current, promoted: { version, reason, at: Date.now() } }));
}

function formatEdge(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  return Math.abs(value) >= 1e5 || (Math.abs(value) < 1e-3 && value !== 0) ? value.toExponential(2) : String(Number(value.toPrecision(4)));
}
