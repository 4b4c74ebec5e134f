// Main-thread handles on the workers: started lazily, cancelled by terminating them (the only hard stop),
// then started afresh on the next call. Imports get their own worker so cancelling one kills no other work.

import { proxy, wrap, type Remote } from 'comlink';
import { createAbortError, StudioError } from '../core/errors';
import type { ImportOptions, ImportProgress, ImportResult } from '../core/ingest/types';
import type { ComputeApi } from './compute-api';
import type { TrainingApi } from './training-api';
import { choosePoolSize, createTrainingPool, type TrainingPool } from './training-pool';

/** The part of a Worker a lane needs (a real Worker, or a fake in tests). */
export interface WorkerLike {
  terminate(): void;
}

/** A lazily started worker that can be hard-cancelled; `wrapWorker` turns it into a comlink remote. */
export interface WorkerLane<Api> {
  call<T>(run: (api: Api) => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/**
 * Creates a lane over `start()`ed workers; an abort terminates the current one and rejects with an AbortError.
 * Other calls in flight on that worker end too — rejected with an error that says why and what to do (a call on
 * a terminated worker would otherwise never answer).
 */
export function createWorkerLane<Api>(start: () => { worker: WorkerLike; api: Api }): WorkerLane<Api> {
  let current: { worker: WorkerLike; api: Api; inFlight: Set<(error: Error) => void> } | null = null;
  return {
    call<T>(run: (api: Api) => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (signal?.aborted) return Promise.reject(createAbortError());
      const lane = (current ??= { ...start(), inFlight: new Set() });
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

function startComputeWorker(): { worker: Worker; api: Remote<ComputeApi> } {
  const worker = new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module', name: 'compute' });
  return { worker, api: wrap<ComputeApi>(worker) };
}

const computeLane = createWorkerLane(startComputeWorker);
const importLane = createWorkerLane(startComputeWorker);

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

let trainingPool: TrainingPool<Remote<TrainingApi>> | null = null;

/** The training workers (one per core, 1–4), started lazily; abort a job's signal to terminate its worker. */
export function getTrainingPool(): TrainingPool<Remote<TrainingApi>> {
  return (trainingPool ??= createTrainingPool(choosePoolSize(navigator.hardwareConcurrency), () => {
    const worker = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'training' });
    return { worker, api: wrap<TrainingApi>(worker) };
  }));
}
