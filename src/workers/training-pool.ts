// A small pool of training workers: independent jobs (candidates, CV folds) run side by side, one per
// worker, the rest wait in order. Workers start lazily; an aborted job terminates only its own worker (hard
// cancel; the next job starts a fresh one there) and an aborted waiting job leaves the queue at once. A worker
// that dies (an `error` or `messageerror` event: it crashed, ran out of memory or failed to load) is replaced the
// same way, and its job rejects with a WorkerError saying so instead of waiting for an answer that never comes.

import { createAbortError, StudioError } from '../core/errors';

/** The part of a Worker the pool needs (a real Worker, or a fake in tests); events report a dead worker. */
export interface PoolWorker {
  terminate(): void;
  addEventListener?(type: 'error' | 'messageerror', listener: () => void): void;
}

/** A started worker: its handle, its api, and optionally what it was last asked to do ("fitting Random forest"). */
export interface StartedWorker<Api> {
  worker: PoolWorker;
  api: Api;
  describeActivity?: () => string | null;
}

export interface TrainingPool<Api> {
  /** Runs `job` on the next free worker; aborting terminates that worker (or drops the waiting job) and rejects with an AbortError. */
  run<T>(job: (api: Api) => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Calls `send` on every started worker (e.g. a stop request). */
  broadcast(send: (api: Api) => unknown): void;
  /** Terminates every worker; jobs in flight reject with an AbortError. */
  terminateAll(): void;
  readonly size: number;
}

/** How many workers to use: the hardware's cores, at least 1, at most 4. */
export function choosePoolSize(hardwareConcurrency: number | undefined): number {
  return Math.max(1, Math.min(4, Math.floor(hardwareConcurrency ?? 1)));
}

/** The error of a job whose `kind` worker died; `activity` ("fitting Random forest") says what it was doing. */
export function createWorkerCrashError(kind: 'training' | 'compute' | 'import', activity: string | null): StudioError {
  const advice = { training: 'Retry, or train on a sample / fewer trees.', compute: 'Retry, or work on a sample of the data.', import: 'Retry, or import a smaller file.' }[kind];
  const doing = activity ? ` while ${activity}` : '';
  return new StudioError('WorkerError', `The ${kind} worker stopped unexpectedly (it may have run out of memory)${doing}; nothing stored was changed. ${advice}`);
}

interface Slot<Api> {
  started: StartedWorker<Api> | null;
  busy: boolean;
  /** Rejects the job in flight when the worker is terminated or dies. */
  kill: ((error: Error) => void) | null;
}

/** Creates a pool of `size` workers made by `start()`. */
export function createTrainingPool<Api>(size: number, start: () => StartedWorker<Api>): TrainingPool<Api> {
  const slots: Slot<Api>[] = Array.from({ length: size }, () => ({ started: null, busy: false, kill: null }));
  const waiting: (() => void)[] = [];

  const acquire = (signal?: AbortSignal): Promise<Slot<Api>> => {
    const free = slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve, reject) => {
      const wake = () => {
        signal?.removeEventListener('abort', leave);
        resolve(acquire(signal));
      };
      const leave = () => {
        waiting.splice(waiting.indexOf(wake), 1);
        reject(createAbortError());
      };
      waiting.push(wake);
      signal?.addEventListener('abort', leave, { once: true });
    });
  };
  const release = (slot: Slot<Api>) => {
    slot.busy = false;
    slot.kill = null;
    waiting.shift()?.();
  };
  const terminate = (slot: Slot<Api>, error: Error = createAbortError()) => {
    slot.started?.worker.terminate();
    slot.started = null;
    slot.kill?.(error);
  };
  const startIn = (slot: Slot<Api>): StartedWorker<Api> => {
    const started = start();
    const onDeath = () => {
      if (slot.started === started) terminate(slot, createWorkerCrashError('training', started.describeActivity?.() ?? null));
    };
    started.worker.addEventListener?.('error', onDeath);
    started.worker.addEventListener?.('messageerror', onDeath);
    return started;
  };

  return {
    size,
    async run<T>(job: (api: Api) => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (signal?.aborted) throw createAbortError();
      const slot = await acquire(signal);
      try {
        if (signal?.aborted) throw createAbortError();
        const started = (slot.started ??= startIn(slot));
        return await new Promise<T>((resolve, reject) => {
          slot.kill = reject;
          const onAbort = () => terminate(slot);
          signal?.addEventListener('abort', onAbort, { once: true });
          job(started.api).then(resolve, reject).finally(() => signal?.removeEventListener('abort', onAbort));
        });
      } finally {
        release(slot);
      }
    },
    broadcast(send) {
      for (const slot of slots) if (slot.started) void send(slot.started.api);
    },
    terminateAll() {
      slots.forEach((slot) => terminate(slot));
    },
  };
}
