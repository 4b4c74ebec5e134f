// A small pool of training workers: independent jobs (candidates, CV folds) run side by side, one per
// worker, the rest wait in order. Workers start lazily; an aborted job terminates only its own worker (hard
// cancel; the next job starts a fresh one there) and an aborted waiting job leaves the queue at once.

import { createAbortError } from '../core/errors';

/** The part of a Worker the pool needs (a real Worker, or a fake in tests). */
export interface PoolWorker {
  terminate(): void;
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

interface Slot<Api> {
  started: { worker: PoolWorker; api: Api } | null;
  busy: boolean;
  /** Rejects the job in flight when the worker is terminated. */
  kill: (() => void) | null;
}

/** Creates a pool of `size` workers made by `start()`. */
export function createTrainingPool<Api>(size: number, start: () => { worker: PoolWorker; api: Api }): TrainingPool<Api> {
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
  const terminate = (slot: Slot<Api>) => {
    slot.started?.worker.terminate();
    slot.started = null;
    slot.kill?.();
  };

  return {
    size,
    async run<T>(job: (api: Api) => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (signal?.aborted) throw createAbortError();
      const slot = await acquire(signal);
      try {
        if (signal?.aborted) throw createAbortError();
        const started = (slot.started ??= start());
        return await new Promise<T>((resolve, reject) => {
          slot.kill = () => reject(createAbortError());
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
      slots.forEach(terminate);
    },
  };
}
