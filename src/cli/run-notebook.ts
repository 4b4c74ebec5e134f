// A notebook run headless: the core runtime over the in-process compute port, every cell top to bottom, and the
// results as plain JSON — per cell its status, duration and key output; the trained runs whole, by id; and for a
// notebook that monitors models, the registry after the run, the monitoring history and the exit code it earns.

import type { ExportOutput } from '../core/notebook/runtime/runners/export';
import type { PredictOutput } from '../core/notebook/runtime/runners/predict';
import { CELL_KINDS } from '../core/notebook/cell-kinds';
import { NotebookRuntime } from '../core/notebook/runtime/notebook-runtime';
import { findRunner } from '../core/notebook/runtime/registry';
import type { RunProgress } from '../core/notebook/runtime/runner';
import type { CellId, Notebook } from '../core/notebook/types';
import type { TrainedRun } from '../core/train/types';
import { decideMonitorOutcome, type MonitorOutcome } from './decide-exit-code';
import { createHeadlessRegistry, type MonitorHistorySnapshot, type RegistrySnapshot } from './headless-registry';
import { createNodeComputePort, type DataBinding } from './node-compute-port';
import type { NodeMonitorOptions } from './node-monitor-port';

/** One cell in results.json. */
export interface CellResult {
  readonly index: number;
  readonly id: CellId;
  readonly kind: string;
  readonly title: string;
  readonly status: string;
  readonly durationMs: number | null;
  readonly error?: string;
  readonly waiting?: string;
  /** The runner's summary of its output (leaderboard, split summary, evaluation metrics…). */
  readonly summary?: unknown;
}

/** results.json: the notebook, when and how long, whether it succeeded, and every cell. */
export interface NotebookResults {
  readonly format: 'ml-studio-results';
  readonly formatVersion: 1;
  readonly notebook: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly status: 'succeeded' | 'failed';
  /** The first cell that failed (or waited for an input nothing above provides). */
  readonly failed: CellResult | null;
  readonly cells: readonly CellResult[];
}

export interface HeadlessRun {
  readonly results: NotebookResults;
  readonly runs: ReadonlyMap<string, TrainedRun>;
  /** Files the cells made, by path under --out: Predict cells' CSV (predictions/), Export cells' bundles (exports/). */
  readonly files: ReadonlyMap<string, Blob>;
  /** Set when the notebook has a Monitor or Retrain cell or carries model versions: registry.json, monitor-history.json, the exit code. */
  readonly monitoring: HeadlessMonitoring | null;
}

export interface HeadlessMonitoring {
  readonly registry: RegistrySnapshot;
  readonly history: MonitorHistorySnapshot;
  /** Null when no Monitor or Retrain cell finished (a cell failed before them). */
  readonly outcome: MonitorOutcome | null;
}

/**
 * Runs every cell of `notebook` with Data cells bound to files; `onProgress` hears each cell start, progress and end.
 * `monitor`: the registry (the file's model versions) and where their training data is, for Monitor and Retrain cells.
 */
export async function runNotebookHeadless(
  notebook: Notebook,
  bindings: ReadonlyMap<CellId, DataBinding>,
  onProgress: (line: string) => void = () => undefined,
  monitor: NodeMonitorOptions = {},
): Promise<HeadlessRun> {
  const startedAt = new Date();
  const startedMs = performance.now();
  const registry = monitor.registry ?? createHeadlessRegistry([]);
  const port = createNodeComputePort(bindings, { ...monitor, registry });
  const title = (cellId: CellId) => describeCell(notebook, cellId);
  let lastLineMs = 0;
  const runtime = new NotebookRuntime({
    compute: port,
    onProgress: (cellId: CellId, progress: RunProgress) => {
      const now = performance.now();
      if (now - lastLineMs < 1000) return; // a line a second at most
      lastLineMs = now;
      onProgress(`  ${title(cellId)}: ${progress.message}${progress.total ? ` (${progress.done ?? 0}/${progress.total})` : ''}`);
    },
  });
  runtime.setNotebook(notebook);
  let failed: CellId | null = null;
  for (const cell of notebook.cells) {
    onProgress(`${title(cell.id)} …`);
    const settled = await runtime.whenIdle(cell.id); // an automatic cell (Data, Problem) may be running already
    const state = settled.status === 'done' || settled.status === 'error' || settled.status === 'waiting' ? settled : await runtime.run(cell.id);
    onProgress(`${title(cell.id)}: ${state.status}${state.durationMs !== null ? ` in ${(state.durationMs / 1000).toFixed(1)} s` : ''}${state.error ? ` — ${state.error}` : state.waiting ? ` — ${state.waiting}` : ''}`);
    if (state.status !== 'done') {
      failed = cell.id;
      break;
    }
  }
  const cells = notebook.cells.map((cell, index) => describeResult(runtime, cell, index));
  const results: NotebookResults = {
    format: 'ml-studio-results',
    formatVersion: 1,
    notebook: notebook.name,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - startedMs),
    status: failed === null ? 'succeeded' : 'failed',
    failed: failed === null ? null : (cells.find((c) => c.id === failed) ?? null),
    cells,
  };
  const monitors = notebook.cells.some((cell) => cell.kind === 'monitor' || cell.kind === 'retrain') || registry.runs.length > 0;
  const finished = notebook.cells.map((cell) => ({ kind: cell.kind, output: runtime.get(cell.id).status === 'done' ? runtime.get(cell.id).output : null }));
  const monitoring = monitors ? { registry: registry.describe(), history: registry.describeHistory(), outcome: decideMonitorOutcome(finished) } : null;
  return { results, runs: port.runs, files: collectCellFiles(runtime, notebook), monitoring };
}

/** The CSV of every Predict cell and the zip of every Export cell that finished, by the path they get under --out. */
function collectCellFiles(runtime: NotebookRuntime, notebook: Notebook): Map<string, Blob> {
  const files = new Map<string, Blob>();
  notebook.cells.forEach((cell, index) => {
    const state = runtime.get(cell.id);
    if (state.status !== 'done' || state.output === null) return;
    if (cell.kind === 'predict') files.set(`predictions/cell-${index + 1}-${(state.output as PredictOutput).source}.csv`, (state.output as PredictOutput).csv);
    if (cell.kind === 'export') files.set(`exports/${(state.output as ExportOutput).name}.zip`, (state.output as ExportOutput).zip);
  });
  return files;
}

function describeResult(runtime: NotebookRuntime, cell: Notebook['cells'][number], index: number): CellResult {
  const state = runtime.get(cell.id);
  const runner = findRunner(cell.kind);
  return {
    index, id: cell.id, kind: cell.kind, title: CELL_KINDS[cell.kind].title, status: state.status,
    durationMs: state.durationMs === null ? null : Math.round(state.durationMs),
    ...(state.error ? { error: state.error } : {}),
    ...(state.waiting ? { waiting: state.waiting } : {}),
    ...(state.output !== null && state.status === 'done' ? { summary: runner.summarize(state.output, cell.spec) } : {}),
  };
}

/** "cell 3 (Split)", as errors and progress name a cell. */
export function describeCell(notebook: Notebook, cellId: CellId): string {
  const index = notebook.cells.findIndex((cell) => cell.id === cellId);
  return `cell ${index + 1} (${CELL_KINDS[notebook.cells[index].kind].title})`;
}
