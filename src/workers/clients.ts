// Main-thread handles on the workers: started lazily, cancelled by terminating them (the only hard stop),
// then started afresh on the next call. Imports get their own worker so cancelling one kills no other work.
// A worker that dies (an `error` or `messageerror` event) is dropped the same way and its calls reject with a
// WorkerError saying what it was doing, so a cell shows the failure (and Retry) instead of running forever.

import { proxy, wrap, type Remote } from 'comlink';
import { createAbortError, StudioError } from '../core/errors';
import type { ImportOptions, ImportProgress, ImportResult } from '../core/ingest/types';
import { findFamilyInfo } from '../core/models/catalog';
import type { ComputeApi } from './compute-api';
import type { DatasetMeta } from '../core/ingest/dataset-meta';
import type { StreamTarget } from './stream-import';
import type { TrainingApi } from './training-api';
import { choosePoolSize, createTrainingPool, createWorkerCrashError, type PoolWorker, type StartedWorker, type TrainingPool } from './training-pool';

/** The part of a Worker a lane needs (a real Worker, or a fake in tests); events report a dead worker. */
export type WorkerLike = PoolWorker;

/** A lazily started worker that can be hard-cancelled. */
export interface WorkerLane<Api> {
  call<T>(run: (api: Api) => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/**
 * Creates a lane over `start()`ed workers; an abort terminates the current one and rejects with an AbortError.
 * Other calls in flight on that worker end too — rejected with an error that says why and what to do (a call on
 * a terminated worker would otherwise never answer). A worker that dies rejects every call in flight with a
 * WorkerError naming the `kind` of worker (createWorkerCrashError); the next call starts a fresh one.
 */
export function createWorkerLane<Api>(start: () => StartedWorker<Api>, kind: 'compute' | 'import' = 'compute'): WorkerLane<Api> {
  let current: (StartedWorker<Api> & { inFlight: Set<(error: Error) => void> }) | null = null;
  const startLane = () => {
    const lane = { ...start(), inFlight: new Set<(error: Error) => void>() };
    const onDeath = () => {
      if (current !== lane) return;
      lane.worker.terminate();
      current = null;
      const error = createWorkerCrashError(kind, lane.describeActivity?.() ?? null);
      for (const reject of lane.inFlight) reject(error);
      lane.inFlight.clear();
    };
    lane.worker.addEventListener?.('error', onDeath);
    lane.worker.addEventListener?.('messageerror', onDeath);
    return lane;
  };
  return {
    call<T>(run: (api: Api) => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (signal?.aborted) return Promise.reject(createAbortError());
      const lane = (current ??= startLane());
      return new Promise<T>((resolve, reject) => {
        const onAbort = () => {
          lane.inFlight.delete(reject);
          lane.worker.terminate();
          if (current === lane) current = null;
          for (const other of lane.inFlight) other(new StudioError('WorkerError', 'This job was interrupted: another job on the same worker was cancelled. Run it again.'));
          lane.inFlight.clear();
          reject(createAbortError());
        };
        lane.inFlight.add(reject);
        signal?.addEventListener('abort', onAbort, { once: true });
        run(lane.api).then(resolve, reject).finally(() => {
          lane.inFlight.delete(reject);
          signal?.removeEventListener('abort', onAbort);
        });
      });
    },
  };
}

/**
 * `api` with every call reported to `onCall(method, args)` first (what a worker was doing when it died, and the
 * crash hook). Only method calls are watched; `then` is left alone so the remote is never taken for a promise.
 */
export function watchCalls<Api extends object>(api: Api, onCall: (method: string, args: readonly unknown[]) => void): Api {
  return new Proxy(api, {
    get(target, property, receiver) {
      const member = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || property === 'then' || typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        const result = (member as (...a: unknown[]) => unknown)(...args);
        onCall(property, args);
        return result;
      };
    },
  });
}

/** What a training worker is doing, from the call it was sent; undefined keeps the last (a stop request). */
export function describeTrainingCall(method: string, args: readonly unknown[]): string | null | undefined {
  if (method === 'requestStop') return undefined;
  const request = args.find((arg): arg is { family: string } => typeof (arg as { family?: unknown } | null)?.family === 'string');
  if (request) return `fitting ${findFamilyInfo(request.family)?.label ?? request.family}`;
  const activities: Record<string, string> = {
    holdDataset: 'reading the dataset', explainStoredRun: 'explaining a model', computeLearningCurve: 'computing a learning curve',
    exportStoredRun: 'packaging a model', reproduceStoredRun: 'retraining a run', monitorStoredRun: 'checking a batch for drift',
    pickK: 'clustering', projectStoredRuns: 'projecting the data',
  };
  return activities[method] ?? (/Stored|Holdout/.test(method) ? 'scoring a model' : null);
}

/**
 * Test hook: `?crash-worker=training` (or `compute`, `import`) in the page's address makes that kind's first worker
 * die right after its first real job starts (`fitting …` for training), as a worker that ran out of memory does:
 * terminated, then an `error` event. It acts only in the tab whose address asks, once per page load.
 */
function armCrashHook(kind: 'training' | 'compute' | 'import', worker: Worker): ((activity: string | null) => void) | null {
  if (crashesLeft.get(kind) !== 1) return null;
  return (activity) => {
    if (crashesLeft.get(kind) !== 1 || (kind === 'training' && !activity?.startsWith('fitting'))) return;
    crashesLeft.set(kind, 0);
    setTimeout(() => {
      worker.terminate();
      worker.dispatchEvent(new ErrorEvent('error', { message: `Simulated crash (?crash-worker=${kind})` }));
    }, 0);
  };
}

const crashesLeft = new Map<string, number>();
const crashFlag = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('crash-worker');
if (crashFlag) crashesLeft.set(crashFlag, 1);

function startComputeWorker(kind: 'compute' | 'import'): StartedWorker<Remote<ComputeApi>> {
  const worker = new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module', name: 'compute' });
  const crash = armCrashHook(kind, worker);
  const api = wrap<ComputeApi>(worker);
  return { worker, api: crash ? watchCalls(api, () => crash(null)) : api };
}

const computeLane = createWorkerLane(() => startComputeWorker('compute'), 'compute');
const importLane = createWorkerLane(() => startComputeWorker('import'), 'import');

/** Runs `run` against the shared compute worker; aborting terminates that worker (the next call starts a new one). */
export function callCompute<T>(run: (api: Remote<ComputeApi>) => Promise<T>, signal?: AbortSignal): Promise<T> {
  return computeLane.call(run, signal);
}

/** Imports `file` in its own worker; `onProgress` fires at most every ~100 ms; aborting rejects with an AbortError. */
export function importFileInWorker(
  file: File,
  options: ImportOptions,
  onProgress: (p: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  return importLane.call((api) => api.importFile(file, file.name, options, proxy(onProgress)), signal);
}

/**
 * Imports `file` streamed into `target` (a CSV larger than memory) in the import worker; only the stored record comes
 * back. Aborting terminates the worker and rejects with an AbortError: the caller deletes the chunks written.
 */
export function importFileStreamedInWorker(
  file: File,
  options: ImportOptions,
  target: StreamTarget,
  onProgress: (p: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<DatasetMeta> {
  return importLane.call((api) => api.importFileStreamed(file, file.name, options, { ...target }, proxy(onProgress)), signal);
}

let trainingPool: TrainingPool<Remote<TrainingApi>> | null = null;

function startTrainingWorker(): StartedWorker<Remote<TrainingApi>> {
  const worker = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'training' });
  const crash = armCrashHook('training', worker);
  let activity: string | null = null;
  const api = watchCalls(wrap<TrainingApi>(worker), (method, args) => {
    const next = describeTrainingCall(method, args);
    if (next !== undefined) activity = next;
    crash?.(activity);
  });
  return { worker, api, describeActivity: () => activity };
}

/** The training workers (one per core, 1–4), started lazily; abort a job's signal to terminate its worker. */
export function getTrainingPool(): TrainingPool<Remote<TrainingApi>> {
  return (trainingPool ??= createTrainingPool(choosePoolSize(navigator.hardwareConcurrency), startTrainingWorker));
}
