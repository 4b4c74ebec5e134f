// kNN's query helpers in the browser: nested module workers started by the training worker on first use (so
// terminating the training worker — Cancel — ends them too), as profile-in-workers.ts starts its part workers.
// A cancel terminates them and rejects what they still owed; the next prediction starts new ones.

import { releaseProxy, transfer, wrap, type Remote } from 'comlink';
import { createAbortError } from '../core/errors';
import type { QueryThreads } from '../core/models/classic/knn-query-threads';
import type { KnnQueryApi } from './knn-query-api';

/** Helpers per training worker: one fewer than the cores (the training worker searches too), at most 3. */
export function countQueryHelpers(hardwareConcurrency: number | undefined): number {
  return Math.min(3, Math.max(0, (hardwareConcurrency ?? 1) - 1));
}

interface Lane {
  worker: Worker;
  api: Remote<KnnQueryApi>;
  heldKey: string | null;
  /** Rejects once the lane is cancelled or its worker fails, so no call waits on a worker that is gone. */
  gone: Promise<never>;
}

/** The training worker's query helpers, or null where this thread cannot start workers or has no core to spare. */
export function createBrowserQueryThreads(hardwareConcurrency = globalThis.navigator?.hardwareConcurrency): QueryThreads | null {
  const count = countQueryHelpers(hardwareConcurrency);
  if (typeof Worker === 'undefined' || count === 0) return null;
  const lanes: (Lane | null)[] = new Array<Lane | null>(count).fill(null);
  const ends: (() => void)[] = [];

  const startLane = (index: number): Lane => {
    const worker = new Worker(new URL('./knn-query.worker.ts', import.meta.url), { type: 'module', name: 'knn-query' });
    let reject: (error: Error) => void = () => {};
    const gone = new Promise<never>((_, r) => (reject = r));
    gone.catch(() => undefined);
    const lane: Lane = { worker, api: wrap<KnnQueryApi>(worker), heldKey: null, gone };
    const end = (error: Error) => {
      if (lanes[index] === lane) lanes[index] = null;
      reject(error);
      lane.api[releaseProxy]();
      worker.terminate();
    };
    worker.addEventListener('error', (event) => end(new Error(`A kNN query worker failed: ${event.message || 'it could not start or ran out of memory'}.`)));
    ends[index] = () => end(createAbortError('The prediction was stopped.'));
    return lane;
  };
  const laneOf = (index: number) => (lanes[index] ??= startLane(index));

  return {
    count,
    async holdIndex(index, spec) {
      const lane = laneOf(index);
      if (lane.heldKey === spec.key) return;
      lane.heldKey = spec.key;
      try {
        await Promise.race([lane.api.holdIndex(spec), lane.gone]);
      } catch (error) {
        if (lane.heldKey === spec.key) lane.heldKey = null;
        throw error;
      }
    },
    findNeighbours(index, key, queries, queryRows) {
      const lane = laneOf(index);
      return Promise.race([lane.api.findNeighbours(key, transfer(queries, [queries.buffer as ArrayBuffer]), queryRows), lane.gone]);
    },
    cancel() {
      lanes.forEach((lane, index) => lane && ends[index]());
    },
  };
}
