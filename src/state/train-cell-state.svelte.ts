// Runtime state of one Train cell: trains its candidates on the training-worker pool (main fits and CV folds
// side by side; clustering problems without folds), streams live curves, stops (cooperative) or cancels
// (terminate) the whole press or one candidate, stores every finished run and reloads the leaderboard;
// "Predict on validation" rescoring a stored model without retraining. The page holds run summaries only:
// the worker that fits a run stores its model and pipeline, and workers read them back by run id.

import { proxy, transfer } from 'comlink';
import { isAbortError } from '../core/errors';
import type { CellId, TrainCellSpec } from '../core/notebook/types';
import type { ProblemSpec } from '../core/problem/types';
import type { TrainingProgress } from '../core/models/types';
import type { MetricScores, RunSummary, TrainingParts, TrainingProgressRecord, TrainRequest } from '../core/train/types';
import { listForestPartBuffers } from '../core/train/forest-part-buffers';
import type { ForestPart } from '../core/train/train-forest-parts';
import { deleteRun, listRuns, saveRunSummary } from '../storage/runs';
import { getTrainingPool } from '../workers/clients';
import type { PublishedDataset, PublishedPipeline, PublishedSplit } from './artifacts';
import { describeError } from './error-message';
import type { NotebookState } from './notebook-state.svelte';
import { attachFolds, buildTrainRequests, findReusableRuns, listFoldsToScore } from '../core/train/plan-training';
import { thinCurve } from './train-plan';
import { planForestParts } from '../core/train/plan-forest-parts';
import { applyRunNames } from '../core/train/name-runs';
import { ensureTrainingTable } from './training-table';

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

/** What a training press reads from the cells above. */
export interface TrainInputs {
  dataset: PublishedDataset;
  split: PublishedSplit;
  pipeline: PublishedPipeline | null;
  problem: ProblemSpec;
}

/** The outcome of "Predict on validation" for one stored run. */
export interface RunCheck {
  status: 'running' | 'done' | 'error';
  recomputed?: MetricScores;
  error?: string;
}

const FLUSH_MS = 100;
/** Stored runs shown as finished rows after a reload (the most recent ones). */
const RESTORED_ROWS = 12;

/** The most recently trained runs as finished candidate rows, oldest first, with their stored curves. */
export function listFinishedCandidates(runs: readonly RunSummary[]): LiveCandidate[] {
  return [...runs].sort((a, b) => a.trainedAt - b.trainedAt).slice(-RESTORED_ROWS).map((run) => ({
    runId: run.id, family: run.family, status: run.stopped ? 'stopped' : 'done', curve: thinCurve(run.curve),
    foldsDone: run.metrics.cv?.completed ?? 0, foldsTotal: run.metrics.cv?.folds ?? 0,
  }));
}

export class TrainCellState {
  runs = $state.raw<RunSummary[]>([]);
  /** The runs labelled by what tells them apart (the leaderboard and every cell below show these names). */
  readonly namedRuns = $derived(applyRunNames(this.runs));
  live = $state.raw<LiveCandidate[]>([]);
  checks = $state.raw<Record<string, RunCheck>>({});
  running = $state(false);
  stopping = $state(false);
  error = $state<string | null>(null);
  loaded = $state(false);
  #abort: AbortController | null = null;
  #candidateAborts = new Map<string, AbortController>();
  #stopRequested = false;
  #pending = new Map<string, Partial<LiveCandidate>>();
  /** Every progress point of each candidate (appended in place; thinned copies go to `live` at each flush). */
  #curves = new Map<string, TrainingProgress[]>();
  #curvesChanged = new Set<string>();
  #flushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    readonly notebook: NotebookState,
    readonly cellId: CellId,
  ) {}

  /** Shows the stored runs of this cell (the leaderboard after a reload): summaries only, no model is read. */
  async init(): Promise<void> {
    try {
      const records = await listRuns(await this.notebook.studio.db(), this.notebook.id, this.cellId);
      this.runs = [...records.map((r) => r.run), ...this.runs.filter((run) => !records.some((r) => r.id === run.id))];
      // After a reload the cell shows what it had: its status and the finished runs' curves.
      if (!this.running && this.live.length === 0) this.live = listFinishedCandidates(this.runs);
      if (this.runs.length > 0 && (this.notebook.runs[this.cellId]?.status ?? 'idle') === 'idle') this.notebook.setRun(this.cellId, { status: 'done' });
    } catch (error) {
      this.error = describeError(error);
    } finally {
      this.loaded = true;
    }
  }

  /** Trains every candidate of `spec`; finished runs are stored one by one as they end. */
  async train(spec: TrainCellSpec, inputs: TrainInputs): Promise<void> {
    this.cancel();
    const abort = new AbortController();
    this.#abort = abort;
    this.#stopRequested = false;
    this.error = null;
    this.running = true;
    this.stopping = false;
    this.notebook.setRun(this.cellId, { status: 'running' });
    const startedMs = performance.now();
    try {
      const folds = listFoldsToScore(spec, inputs.problem, inputs.split.folds);
      const setting = { splitKey: inputs.split.key, folds: folds.length };
      const requests = buildTrainRequests(spec, inputs.problem, inputs.pipeline?.steps ?? [], () => crypto.randomUUID(), setting);
      if (requests.length === 0) throw new Error(`No selected model family fits a ${inputs.problem.task} problem; pick one in the list or use "Try all".`);
      this.#curves.clear();
      this.#curvesChanged.clear();
      this.#candidateAborts.clear();
      // A stored run of the same configuration is reused: training it again would give the same run.
      const reusable = findReusableRuns(requests, this.runs);
      this.live = requests.map((r, i) => {
        const reused = reusable[i];
        return reused
          ? { runId: reused.id, family: r.family, status: 'reused', curve: thinCurve(reused.curve), foldsDone: reused.metrics.cv?.completed ?? 0, foldsTotal: folds.length }
          : { runId: r.id, family: r.family, status: 'queued', curve: [], foldsDone: 0, foldsTotal: folds.length };
      });
      await Promise.all(requests.filter((_, i) => !reusable[i]).map((request) => this.#trainOne(request, inputs, spec, abort.signal)));
      if (abort.signal.aborted) return;
      const failed = this.live.filter((c) => c.status === 'error').length;
      this.notebook.setRun(this.cellId, failed === requests.length
        ? { status: 'error', error: 'Every candidate failed; see the errors in their rows.' }
        : { status: 'done', durationMs: performance.now() - startedMs });
    } catch (error) {
      if (isAbortError(error)) return;
      this.error = describeError(error);
      this.notebook.setRun(this.cellId, { status: 'error', error: this.error });
    } finally {
      if (this.#abort === abort) {
        this.#abort = null;
        this.running = false;
        this.stopping = false;
        this.#flush();
      }
    }
  }

  async #trainOne(request: TrainRequest, inputs: TrainInputs, spec: TrainCellSpec, signal: AbortSignal): Promise<void> {
    const pool = getTrainingPool();
    const { dataset, split } = inputs;
    // The candidate's own abort: the press's Cancel reaches it, and its × cancels it alone.
    const own = new AbortController();
    this.#candidateAborts.set(request.id, own);
    if (signal.aborted) own.abort();
    else signal.addEventListener('abort', () => own.abort(), { once: true });
    const onProgress = (record: TrainingProgressRecord) => {
      const curve = this.#curves.get(record.runId) ?? [];
      curve.push({ iteration: record.iteration, total: record.total, metrics: record.metrics });
      this.#curves.set(record.runId, curve);
      this.#curvesChanged.add(record.runId);
      this.#flushTimer ??= setTimeout(() => this.#flush(), FLUSH_MS);
    };
    const folds = listFoldsToScore(spec, inputs.problem, split.folds);
    const parts = { train: split.train, validation: split.validation, folds: [] };
    const forestRanges = planForestParts(request, pool.size);
    const main = forestRanges ? this.#trainForestInParts(request, dataset, parts, forestRanges, onProgress, own.signal) : pool.run(async (api) => {
      if (this.#stopRequested) return null;
      this.#update(request.id, { status: 'running' });
      await ensureTrainingTable(api, dataset);
      return api.trainRun(dataset.key, parts, request, spec.backend, this.notebook.runStore, proxy(onProgress));
    }, own.signal);
    let foldsDone = 0;
    const foldJobs = folds.map((fold, f) => pool.run(async (api) => {
      if (this.#stopRequested) return null;
      await ensureTrainingTable(api, dataset);
      const scores = await api.trainFold(dataset.key, fold, f, request, spec.backend);
      this.#update(request.id, { foldsDone: ++foldsDone });
      return scores;
    }, own.signal));
    const [mainResult, ...foldResults] = await Promise.allSettled([main, ...foldJobs]);
    this.#candidateAborts.delete(request.id);
    if (own.signal.aborted) {
      this.#update(request.id, { status: 'cancelled' });
      // Its worker may have stored the fit before the cancel: nothing of a cancelled candidate stays.
      if (mainResult.status === 'fulfilled' && mainResult.value) void this.#forget(request.id);
      return;
    }
    if (mainResult.status === 'rejected' || mainResult.value === null) {
      const error = mainResult.status === 'rejected' ? describeError(mainResult.reason) : 'Stopped before it started.';
      this.#update(request.id, { status: mainResult.status === 'rejected' ? 'error' : 'stopped', error });
      return;
    }
    const foldError = foldResults.find((r) => r.status === 'rejected');
    const foldScores = foldResults.map((r) => (r.status === 'fulfilled' ? (r.value as MetricScores | null) : null));
    const run = attachFolds(mainResult.value as RunSummary, foldScores, inputs.problem);
    // Stored before it is shown: a cell below may pick it at once, and its worker reads the run from storage.
    try {
      await saveRunSummary(await this.notebook.studio.db(), this.notebook.id, this.cellId, run);
    } catch (error) {
      this.notebook.studio.toasts.push(`Could not store the trained model: ${describeError(error)}`, 'error');
    }
    this.runs = [...this.runs, run];
    // The run's own curve is complete (live progress is throttled): the row ends on what was built.
    this.#update(request.id, { status: run.stopped ? 'stopped' : 'done', curve: thinCurve(run.curve), ...(foldError?.status === 'rejected' ? { error: `A CV fold failed: ${describeError(foldError.reason)}` } : {}) });
  }

  async #forget(runId: string): Promise<void> {
    try {
      await deleteRun(await this.notebook.studio.db(), runId);
    } catch {
      // Left behind, it is never listed (no summary) and goes with its notebook.
    }
  }

  /**
   * A random forest spread over the pool: every worker fits one range of trees (progress: trees done of all
   * parts), then one worker merges them in tree order and scores the run. Null when stopped before any part began.
   */
  async #trainForestInParts(request: TrainRequest, dataset: PublishedDataset, parts: TrainingParts, ranges: { start: number; end: number }[], onProgress: (record: TrainingProgressRecord) => void, signal: AbortSignal): Promise<RunSummary | null> {
    const pool = getTrainingPool();
    const startedMs = performance.now();
    const done = ranges.map(() => 0);
    const total = ranges.at(-1)!.end;
    const forestParts = await Promise.all(ranges.map((range, i) => pool.run(async (api) => {
      if (this.#stopRequested) return { ...range, trees: [] };
      this.#update(request.id, { status: 'running' });
      await ensureTrainingTable(api, dataset);
      return api.trainForestPart(dataset.key, parts, request, range, proxy((record: TrainingProgressRecord) => {
        done[i] = record.iteration;
        // Each part's running OOB score covers its own trees only: shown for the first part, named so.
        const metrics: Record<string, number> = i === 0 && record.metrics.validationScore !== undefined ? { oobScoreFirstPart: record.metrics.validationScore } : {};
        onProgress({ ...record, iteration: done.reduce((a, b) => a + b, 0), total, metrics });
      }));
    }, signal)));
    if (forestParts.every((part) => part.trees.length === 0)) return null;
    const run = await pool.run(async (api) => {
      await ensureTrainingTable(api, dataset);
      // The trees pass through the page by transfer, not by copy (a 100-tree forest is tens of megabytes).
      return api.mergeForestRun(dataset.key, parts, request, transfer(forestParts as ForestPart[], listForestPartBuffers(forestParts)), this.notebook.runStore);
    }, signal);
    return { ...run, durationMs: performance.now() - startedMs };
  }

  /** Cooperative stop: every fit ends after its current iteration and keeps its best model; queued work is skipped. */
  stop(): void {
    if (!this.running) return;
    this.#stopRequested = true;
    this.stopping = true;
    const ids = this.live.map((c) => c.runId);
    getTrainingPool().broadcast((api) => Promise.all(ids.map((id) => api.requestStop(id))));
  }

  /** Ends one candidate at once (terminates the workers running its jobs, drops its queued ones); nothing is stored for it. */
  cancelCandidate(runId: string): void {
    const own = this.#candidateAborts.get(runId);
    if (!own) return;
    own.abort();
    this.#update(runId, { status: 'cancelled' });
  }

  /** Hard cancel: terminates the workers; nothing of this press is stored. */
  cancel(): void {
    this.#abort?.abort();
    if (this.#abort) this.notebook.setRun(this.cellId, { status: 'idle' });
  }

  /** Forgets a stored run (its summary and its fit). */
  async remove(runId: string): Promise<void> {
    this.runs = this.runs.filter((r) => r.id !== runId);
    await deleteRun(await this.notebook.studio.db(), runId);
  }

  /** Rebuilds `run` from its stored JSON in a worker and scores the validation rows again (no retraining). */
  async check(run: RunSummary, inputs: TrainInputs): Promise<void> {
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
    if (this.#pending.size === 0) return;
    const pending = this.#pending;
    this.#pending = new Map();
    this.live = this.live.map((c) => (pending.has(c.runId) ? { ...c, ...pending.get(c.runId) } : c));
  }
}
