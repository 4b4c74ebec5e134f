// The Train cell's view state. The runtime runs a press (runners/train.ts → the page's port trains on the worker
// pool); this turns its progress into live rows (status, iterations, folds, a thinned curve batched ≤ 10 redraws
// a second), cancels one candidate, deletes a stored run, checks a stored model on validation again, and imports a
// run from an exported bundle.

import type { TrainingProgress } from '../core/models/types';
import type { TrainOutput, TrainProgressDetail } from '../core/notebook/runtime/runners/train';
import type { CellId } from '../core/notebook/types';
import type { ProblemSpec } from '../core/problem/types';
import { applyRunNames } from '../core/train/name-runs';
import type { MetricScores, RunSummary, TrainedRun } from '../core/train/types';
import { ExportError } from '../core/errors';
import { readBundle } from '../core/export/assemble-bundle';
import { splitRun } from '../core/train/split-run';
import { deleteRun, saveRunFit, saveRunSummary } from '../storage/runs';
import { getTrainingPool } from '../workers/clients';
import type { PublishedDataset, PublishedPipeline, PublishedSplit } from './artifacts';
import { CellRun } from './cell-run.svelte';
import { describeError } from './error-message';
import type { NotebookState } from './notebook-state.svelte';
import { ensureTrainingTable } from './training-table';
import { thinCurve } from './train-plan';

/** What the cluster tools and "Predict on validation" work on: the Train cell's inputs, with the table to send. */
export interface TrainInputs {
  dataset: PublishedDataset;
  split: PublishedSplit;
  pipeline: PublishedPipeline | null;
  problem: ProblemSpec;
}

/** One candidate of the current (or last) training press, as its live row shows it. */
export interface LiveCandidate {
  runId: string;
  family: string;
  /** 'reused': a stored run of the same configuration stands in for it (nothing was trained). */
  status: 'queued' | 'running' | 'done' | 'stopped' | 'error' | 'cancelled' | 'reused';
  /** The progress so far, thinned to ≤ LIVE_CURVE_MAX_POINTS (the last point is the latest). */
  curve: TrainingProgress[];
  foldsDone: number;
  foldsTotal: number;
  error?: string;
}

/** The outcome of "Predict on validation" for one stored run. */
export interface RunCheck {
  status: 'running' | 'done' | 'error';
  recomputed?: MetricScores;
  error?: string;
}

const FLUSH_MS = 100;
/** Stored runs shown as finished rows when no press has run yet (the most recent ones). */
const RESTORED_ROWS = 12;

/** The most recently trained runs as finished candidate rows, oldest first, with their stored curves. */
export function listFinishedCandidates(runs: readonly RunSummary[]): LiveCandidate[] {
  return [...runs].sort((a, b) => a.trainedAt - b.trainedAt).slice(-RESTORED_ROWS).map((run) => ({
    runId: run.id, family: run.family, status: run.stopped ? 'stopped' : 'done', curve: thinCurve(run.curve),
    foldsDone: run.metrics.cv?.completed ?? 0, foldsTotal: run.metrics.cv?.folds ?? 0,
  }));
}

export class TrainCellState extends CellRun<TrainOutput> {
  /** Rows of the press in progress (or of this session's last one); null → show the stored runs' rows. */
  pressed = $state.raw<LiveCandidate[] | null>(null);
  checks = $state.raw<Record<string, RunCheck>>({});
  stopping = $state(false);
  /** The bundle being imported (its file name); null otherwise. */
  importing = $state<string | null>(null);
  importError = $state<string | null>(null);
  #pending = new Map<string, Partial<LiveCandidate>>();
  /** Every progress point of each candidate (appended in place; thinned copies go to the rows at each flush). */
  #curves = new Map<string, TrainingProgress[]>();
  #curvesChanged = new Set<string>();
  #flushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(notebook: NotebookState, cellId: CellId) {
    super(notebook, cellId);
  }

  /** Every stored run of the cell, named by what tells them apart (as the cells below see them). */
  get runs(): RunSummary[] {
    return applyRunNames(this.output?.runs ?? []);
  }

  /** The rows the view shows: this press's, else the stored runs' (what each built). */
  get live(): LiveCandidate[] {
    return this.pressed ?? listFinishedCandidates(this.output?.runs ?? []);
  }

  /** Hears the press's progress; call from onMount (returns the unsubscribe function). */
  override listen(): () => void {
    return this.notebook.listenToProgress(this.cellId, (progress) => this.#onDetail(progress.detail as TrainProgressDetail | undefined));
  }

  override async run(): Promise<void> {
    this.stopping = false;
    await super.run();
    this.stopping = false;
    this.#flush();
    // A finished press ends each row on what its run built (live progress is throttled).
    const runs = new Map((this.output?.runs ?? []).map((run) => [run.id, run]));
    if (this.pressed) this.pressed = this.pressed.map((c) => (runs.has(c.runId) && (c.status === 'done' || c.status === 'stopped') ? { ...c, curve: thinCurve(runs.get(c.runId)!.curve) } : c));
  }

  /** Cooperative stop: every fit ends after its current iteration and keeps its best model; queued work is skipped. */
  override stop(): void {
    if (!this.running) return;
    this.stopping = true;
    super.stop();
  }

  /** Ends one candidate at once (terminates the workers running its jobs, drops its queued ones); nothing is stored for it. */
  cancelCandidate(runId: string): void {
    this.notebook.port.cancelCandidate(runId);
    this.#update(runId, { status: 'cancelled' });
  }

  /** Forgets a stored run (its summary and its fit); a run a registered model version is made of stays, and a toast says why. */
  async remove(runId: string): Promise<void> {
    try {
      await deleteRun(await this.notebook.studio.db(), runId);
    } catch (error) {
      this.notebook.studio.toasts.push(describeError(error), 'error');
      return;
    }
    await this.notebook.editOutput<TrainOutput>(this.cellId, (output) => ({ ...output, runs: output.runs.filter((run) => run.id !== runId) }));
    this.pressed = this.pressed?.filter((c) => c.runId !== runId) ?? null;
  }

  /** Rebuilds `run` from its stored JSON in a worker and scores the validation rows again (no retraining). */
  async check(run: RunSummary, inputs: { dataset: PublishedDataset; split: PublishedSplit; problem: ProblemSpec }): Promise<void> {
    this.checks = { ...this.checks, [run.id]: { status: 'running' } };
    try {
      const { dataset, split, problem } = inputs;
      const recomputed = await getTrainingPool().run(async (api) => {
        await ensureTrainingTable(api, dataset);
        return api.rescoreStoredRun(dataset.key, split.validation, this.notebook.storedRun(run.id), JSON.parse(JSON.stringify(problem)) as ProblemSpec);
      });
      this.checks = { ...this.checks, [run.id]: { status: 'done', recomputed } };
    } catch (error) {
      this.checks = { ...this.checks, [run.id]: { status: 'error', error: describeError(error) } };
    }
  }

  /**
   * Brings a run in from an exported bundle (.zip): checked (format, hashes, the same target and task), stored
   * under this cell with a new id, and scored on this notebook's validation rows, so the board compares it fairly.
   */
  async importBundle(file: File, inputs: { dataset: PublishedDataset; split: PublishedSplit; problem: ProblemSpec }): Promise<void> {
    this.importError = null;
    this.importing = file.name;
    try {
      const { run } = readBundle(new Uint8Array(await file.arrayBuffer()));
      checkImportedRun(run, inputs.problem, file.name);
      // A new id (the original may still be stored here) and no configuration key (a press never reuses it).
      const { configKey: _configKey, ...rest } = run;
      const imported: TrainedRun = { ...rest, id: crypto.randomUUID(), imported: { fileName: file.name, importedAt: Date.now(), originalId: run.id } };
      const db = await this.notebook.studio.db();
      const notebookId = this.notebook.notebook?.id;
      if (!notebookId) return;
      const { summary, fit } = splitRun(imported);
      await saveRunFit(db, notebookId, imported.id, fit);
      await saveRunSummary(db, notebookId, this.cellId, summary);
      try {
        const { dataset, split, problem } = inputs;
        const validation = await getTrainingPool().run(async (api) => {
          await ensureTrainingTable(api, dataset);
          return api.rescoreStoredRun(dataset.key, split.validation, this.notebook.storedRun(imported.id), JSON.parse(JSON.stringify(problem)) as ProblemSpec);
        });
        const scored: RunSummary = { ...summary, metrics: { validation, cv: null } };
        await saveRunSummary(db, notebookId, this.cellId, scored);
        await this.notebook.putOutput<TrainOutput>(this.cellId, (output) => ({ runs: [...(output?.runs ?? []), scored], lastPress: output?.lastPress ?? [] }));
      } catch (error) {
        await deleteRun(db, imported.id); // a run this notebook cannot score is not kept
        throw error;
      }
    } catch (error) {
      this.importError = describeError(error);
    } finally {
      this.importing = null;
    }
  }

  #onDetail(detail: TrainProgressDetail | undefined): void {
    if (!detail) return;
    if (detail.kind === 'press') {
      this.#curves.clear();
      this.#curvesChanged.clear();
      this.#pending.clear();
      const stored = new Map((this.output?.runs ?? []).map((run) => [run.id, run]));
      this.pressed = detail.candidates.map((c) => ({
        runId: c.runId, family: c.family, status: c.status === 'reused' ? 'reused' : 'queued',
        curve: c.status === 'reused' ? thinCurve(stored.get(c.runId)?.curve ?? []) : [], foldsDone: 0, foldsTotal: detail.folds,
      }));
    } else if (detail.kind === 'candidate') {
      const { runId, status, foldsDone, error } = detail.event;
      this.#update(runId, { status, ...(foldsDone !== undefined ? { foldsDone } : {}), ...(error ? { error } : {}) });
    } else {
      const curve = this.#curves.get(detail.runId) ?? [];
      curve.push({ iteration: detail.iteration, total: detail.total, metrics: { ...detail.metrics } });
      this.#curves.set(detail.runId, curve);
      this.#curvesChanged.add(detail.runId);
      this.#flushTimer ??= setTimeout(() => this.#flush(), FLUSH_MS);
    }
  }

  #update(runId: string, change: Partial<LiveCandidate>): void {
    this.#pending.set(runId, { ...this.#pending.get(runId), ...change });
    // Status changes show at once; curve points are batched (≤ 10 redraws a second).
    if (change.status !== undefined) this.#flush();
    else this.#flushTimer ??= setTimeout(() => this.#flush(), FLUSH_MS);
  }

  #flush(): void {
    if (this.#flushTimer !== null) clearTimeout(this.#flushTimer);
    this.#flushTimer = null;
    for (const runId of this.#curvesChanged) this.#pending.set(runId, { ...this.#pending.get(runId), curve: thinCurve(this.#curves.get(runId) ?? []) });
    this.#curvesChanged.clear();
    if (this.#pending.size === 0 || !this.pressed) return;
    const pending = this.#pending;
    this.#pending = new Map();
    this.pressed = this.pressed.map((c) => (pending.has(c.runId) ? { ...c, ...pending.get(c.runId) } : c));
  }
}

/** A bundle's run fits this cell when it predicts the same target for the same task. */
function checkImportedRun(run: TrainedRun, problem: ProblemSpec, fileName: string): void {
  const target = run.inputContract?.target?.name ?? null;
  if (run.task !== problem.task || target !== problem.target) {
    const what = (task: string, column: string | null) => (column ? `${task} of "${column}"` : task);
    throw new ExportError(`“${fileName}” holds a ${what(run.task, target)} model; this notebook's Problem is ${what(problem.task, problem.target)}. Import it into a notebook with that problem.`);
  }
}
