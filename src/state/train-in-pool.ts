// A Train press on the training-worker pool: every candidate's main fit and CV folds side by side, a random forest
// spread over the workers as ranges of trees, live progress, a cooperative stop for all, a hard cancel for one.
// Each worker stores the fit of the run it trains; this stores the run's summary beside it. A request that keeps
// its fold predictions gets its out-of-fold predictions back on the outcome (never stored).

import { proxy, transfer } from 'comlink';
import { describeError } from './error-message';
import type { CandidateOutcome, JobControl, TrainJob } from '../core/notebook/runtime/compute-port';
import { attachFolds } from '../core/train/plan-training';
import { planForestParts } from '../core/train/plan-forest-parts';
import { listForestPartBuffers } from '../core/train/forest-part-buffers';
import type { ForestPart } from '../core/train/train-forest-parts';
import type { ScoredFold } from '../core/train/cross-validate';
import type { RunSummary, TrainingProgressRecord, TrainRequest } from '../core/train/types';
import { mergeOutOfFold } from '../core/tune/ensemble/merge-out-of-fold';
import { deleteRun, saveRunSummary } from '../storage/runs';
import type { StudioDb } from '../storage/db';
import { getTrainingPool } from '../workers/clients';
import type { TableRef } from '../workers/dataset-tables';
import type { RunStore } from '../workers/stored-runs';
import { ensureTrainingTable } from './training-table';
import { noteSampleRows, readStreamedTag } from '../core/train/stream/streamed-request';
import type { DatasetId } from '../core/notebook/types';

/** What a press needs of the page: where each worker reads the dataset's table, where runs are stored. */
export interface PoolTrainingEnv {
  readonly dataset: { readonly ref: TableRef };
  readonly runStore: RunStore;
  readonly db: () => Promise<StudioDb>;
  /** Each running candidate's own cancel, by run id (the × on its row). */
  readonly cancels: Map<string, AbortController>;
}

/** Trains `job`'s candidates on the pool; each ends done, stopped, with its error, or cancelled. */
export async function trainInPool(job: TrainJob, env: PoolTrainingEnv, control: JobControl = {}): Promise<CandidateOutcome[]> {
  const pool = getTrainingPool();
  let stopRequested = false;
  control.stop?.addEventListener('abort', () => {
    stopRequested = true;
    const ids = job.requests.map((r) => r.id);
    void pool.broadcast((api) => Promise.all(ids.map((id) => api.requestStop(id))));
  }, { once: true });
  const stopped = () => stopRequested;
  return Promise.all(job.requests.map((request) => trainCandidateInPool(request, job, env, control, stopped)));
}

async function trainCandidateInPool(request: TrainRequest, job: TrainJob, env: PoolTrainingEnv, control: JobControl, stopped: () => boolean): Promise<CandidateOutcome> {
  const pool = getTrainingPool();
  const own = new AbortController();
  env.cancels.set(request.id, own);
  if (control.signal?.aborted) own.abort();
  else control.signal?.addEventListener('abort', () => own.abort(), { once: true });
  const onProgress = (record: TrainingProgressRecord) => job.onProgress?.(record);
  const announce = () => job.onCandidate?.({ runId: request.id, status: 'running' });
  const parts = { train: job.parts.train, validation: job.parts.validation, folds: [] };
  const ranges = planForestParts(request, pool.size);
  const streamed = readStreamedTag(request);
  const main = streamed ? pool.run(async (api) => {
    if (stopped()) return null;
    announce();
    // The held sample is what the pipeline is fitted on; every row is read from the stored chunks.
    await ensureTrainingTable(api, env.dataset);
    const dataset = { dbName: env.runStore.dbName, datasetId: streamed.datasetId as DatasetId, overrides: env.dataset.ref.source.overrides };
    return api.trainStreamedRun(env.dataset.ref.key, dataset, request, streamed.split, env.runStore, proxy(onProgress));
  }, own.signal) : ranges ? trainForestInParts(request, job, env, ranges, onProgress, own.signal, stopped, announce) : pool.run(async (api) => {
    if (stopped()) return null;
    announce();
    await ensureTrainingTable(api, env.dataset);
    return api.trainRun(env.dataset.ref.key, parts, request, job.backend, env.runStore, proxy(onProgress));
  }, own.signal);
  let foldsDone = 0;
  const foldJobs = (streamed ? [] : job.parts.folds).map((fold, f) => pool.run(async (api): Promise<ScoredFold | null> => {
    if (stopped()) return null;
    await ensureTrainingTable(api, env.dataset);
    const scored = request.keepFoldPredictions
      ? await api.trainFoldKeeping(env.dataset.ref.key, fold, f, request, job.backend)
      : await api.trainFold(env.dataset.ref.key, fold, f, request, job.backend).then((scores) => (scores ? { scores, predictions: null } : null));
    foldsDone++;
    // A fold that finishes after its candidate's cancel must not show it running again.
    if (!own.signal.aborted) job.onCandidate?.({ runId: request.id, status: 'running', foldsDone });
    return scored;
  }, own.signal));
  const [mainResult, ...foldResults] = await Promise.allSettled([main, ...foldJobs]);
  env.cancels.delete(request.id);
  if (own.signal.aborted) {
    // Its worker may have stored the fit before the cancel: nothing of a cancelled candidate stays.
    if (mainResult.status === 'fulfilled' && mainResult.value) void forget(env, request.id);
    job.onCandidate?.({ runId: request.id, status: 'cancelled' });
    return { runId: request.id, status: 'cancelled' };
  }
  if (mainResult.status === 'rejected' || mainResult.value === null) {
    const error = mainResult.status === 'rejected' ? describeError(mainResult.reason) : 'Stopped before it started.';
    job.onCandidate?.({ runId: request.id, status: 'error', error });
    return { runId: request.id, status: 'error', error };
  }
  const foldError = foldResults.find((r) => r.status === 'rejected');
  const folds = foldResults.map((r) => (r.status === 'fulfilled' ? (r.value as ScoredFold | null) : null));
  const run = noteSampleRows(attachFolds(mainResult.value as RunSummary, folds.map((f) => f?.scores ?? null), request.problem), request);
  const outOfFold = request.keepFoldPredictions && !run.stopped ? mergeOutOfFold(folds.map((f) => f?.predictions ?? null), run.classes ?? null) : null;
  // Stored before it is shown: a cell below may pick it at once, and its worker reads the run from storage.
  await saveRunSummary(await env.db(), env.runStore.notebookId, job.cellId, run);
  const status = run.stopped ? 'stopped' : 'done';
  const warning = foldError?.status === 'rejected' ? `A CV fold failed: ${describeError(foldError.reason)}` : undefined;
  job.onCandidate?.({ runId: request.id, status, foldsDone, ...(warning ? { error: warning } : {}) });
  return { runId: request.id, status, run, ...(warning ? { warning } : {}), ...(outOfFold ? { outOfFold } : {}) };
}

/**
 * A random forest spread over the pool: every worker fits one range of trees (progress: trees done of all
 * parts), then one worker merges them in tree order and scores the run. Null when stopped before any part began.
 */
async function trainForestInParts(
  request: TrainRequest, job: TrainJob, env: PoolTrainingEnv, ranges: { start: number; end: number }[],
  onProgress: (record: TrainingProgressRecord) => void, signal: AbortSignal, stopped: () => boolean, announce: () => void,
): Promise<RunSummary | null> {
  const pool = getTrainingPool();
  const startedMs = performance.now();
  const parts = { train: job.parts.train, validation: job.parts.validation, folds: [] };
  const done = ranges.map(() => 0);
  const total = ranges.at(-1)!.end;
  const forestParts = await Promise.all(ranges.map((range, i) => pool.run(async (api) => {
    if (stopped()) return { ...range, trees: [] };
    announce();
    await ensureTrainingTable(api, env.dataset);
    return api.trainForestPart(env.dataset.ref.key, parts, request, range, proxy((record: TrainingProgressRecord) => {
      done[i] = record.iteration;
      // Each part's running OOB score covers its own trees only: shown for the first part, named so.
      const metrics: Record<string, number> = i === 0 && record.metrics.validationScore !== undefined ? { oobScoreFirstPart: record.metrics.validationScore } : {};
      onProgress({ ...record, iteration: done.reduce((a, b) => a + b, 0), total, metrics });
    }));
  }, signal)));
  if (forestParts.every((part) => part.trees.length === 0)) return null;
  const run = await pool.run(async (api) => {
    await ensureTrainingTable(api, env.dataset);
    // The trees pass through the page by transfer, not by copy (a 100-tree forest is tens of megabytes).
    return api.mergeForestRun(env.dataset.ref.key, parts, request, transfer(forestParts as ForestPart[], listForestPartBuffers(forestParts)), env.runStore);
  }, signal);
  return { ...run, durationMs: performance.now() - startedMs };
}

async function forget(env: PoolTrainingEnv, runId: string): Promise<void> {
  try {
    await deleteRun(await env.db(), runId);
  } catch {
    // Left behind, it is never listed (no summary) and goes with its notebook.
  }
}
