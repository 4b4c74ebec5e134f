// A kNN search split over helper threads: the queries cut into chunks that this thread and every helper take in
// turn as they finish (so a slower thread takes fewer), each chunk's neighbours written at its place. A stop or an
// abort ends this thread's chunk at its next block, cancels the helpers (their threads are ended) and rejects; a
// helper that fails gives its chunk back to this thread.

import { createAbortError } from '../../errors';
import { scheduleAt } from '../../time/schedule-at';
import { nowMs } from '../../time/now-ms';
import type { PredictOptions } from '../types';
import type { QueryThreads } from './knn-query-threads';
import { findNeighboursInBlocks, type NeighbourIndex, type Neighbours } from './nearest-neighbours';

/** Queries per chunk at least, and chunks per thread aimed for (more chunks balance better, each costs a message). */
const MIN_CHUNK_ROWS = 64;
const CHUNKS_PER_THREAD = 6;
/** Below about this much single-thread work a search stays on this thread (a helper's copy of the rows costs ~0.1 s). */
const MIN_THREADED_MS = 400;
/** How often a stop is looked for while this thread only waits for helpers. */
const STOP_POLL_MS = 20;
/** Memory all helpers' copies may take together (each holds the rows in f64, and brute force an f32 copy too). */
const MAX_HELPER_BYTES = 2 ** 30;

/** Rough single-thread ms of a search (brute force ~0.2 ns per feature, row and query; a tree ~1 µs per feature and level). */
export function estimateSearchMs(index: NeighbourIndex, queryRows: number): number {
  return index.search.kind === 'brute-force'
    ? queryRows * index.rows * index.cols * 2e-7
    : queryRows * index.cols * Math.log2(Math.max(2, index.rows)) * 1e-3;
}

/** How many of `threads` may hold a copy of the index within MAX_HELPER_BYTES (the rows ×1.5 each). */
export function countUsableHelpers(index: NeighbourIndex, threads: QueryThreads): number {
  return Math.min(threads.count, Math.floor(MAX_HELPER_BYTES / (1.5 * index.train.byteLength + 1)));
}

/** Is the search worth splitting over `threads` (at least `threads.minSearchMs` of work, else MIN_THREADED_MS)? */
export function isWorthThreads(index: NeighbourIndex, queryRows: number, threads: QueryThreads | null): threads is QueryThreads {
  return threads !== null && countUsableHelpers(index, threads) > 0 && queryRows >= 2 * MIN_CHUNK_ROWS && estimateSearchMs(index, queryRows) >= (threads.minSearchMs ?? MIN_THREADED_MS);
}

let busy = false;

/**
 * findNeighboursInBlocks on this thread and `threads` together (the same neighbours); while another search holds
 * the helpers, this one runs on this thread alone.
 */
export async function findNeighboursOnThreads(index: NeighbourIndex, queries: Float64Array, queryRows: number, threads: QueryThreads, options: PredictOptions = {}): Promise<Neighbours> {
  if (busy) return findNeighboursInBlocks(index, queries, queryRows, options);
  busy = true;
  const helpers = countUsableHelpers(index, threads);
  const queue = createChunkQueue(index, queries, queryRows, helpers + 1);
  let failure: unknown = null;
  const hasWork = () => queue.hasWork() && failure === null;
  const isStopped = () => failure !== null || options.signal?.aborted === true || options.shouldStop?.() === true;
  const runHere = async () => {
    while (hasWork()) {
      const { chunk, rows, values } = queue.take();
      queue.place(chunk, await findNeighboursInBlocks(index, values, rows, { signal: options.signal, shouldStop: isStopped }));
    }
  };
  const { search } = index;
  const spec = { key: index.key, train: index.train, rows: index.rows, cols: index.cols, k: index.k, metric: index.metric, search: search.kind, ...(search.kind === 'kd-tree' ? { tree: search.tree } : {}) };
  /** A helper's loop; a helper that fails (could not start, lost) gives its chunk back and this thread goes on. */
  const runHelper = async (lane: number) => {
    let chunk = -1;
    try {
      await threads.holdIndex(lane, spec);
      while (hasWork()) {
        const taken = queue.take();
        chunk = taken.chunk;
        // A copy: the helper takes its own (a subarray would send the whole buffer).
        queue.place(chunk, await threads.findNeighbours(lane, index.key, taken.values.slice(), taken.rows));
        chunk = -1;
      }
    } catch {
      if (chunk >= 0) queue.giveBack(chunk);
      await runHere();
    }
  };
  let rejectFailed: (error: unknown) => void = () => {};
  // Settles the search at the first failure, without waiting for helpers that may never answer.
  const failed = new Promise<never>((_, reject) => (rejectFailed = reject));
  const fail = (error: unknown) => {
    if (failure !== null) return;
    failure = error;
    threads.cancel();
    rejectFailed(error);
  };
  const stopWatch = watchForStop(isStopped, () => fail(createAbortError('The prediction was stopped.')));
  try {
    // Two requests per helper in flight, so a helper never waits for this thread to read its last answer.
    const lanes = Array.from({ length: helpers }, (_, lane) => [runHelper(lane), runHelper(lane)]).flat();
    await Promise.race([Promise.all([runHere(), ...lanes].map((lane) => lane.catch(fail))), failed]);
    if (failure !== null) throw failure;
    return queue.neighbours;
  } finally {
    stopWatch();
    busy = false;
  }
}

/**
 * The queries cut into chunks of ≥ MIN_CHUNK_ROWS rows (~CHUNKS_PER_THREAD per thread), handed out in order
 * (chunks given back first), and the neighbours each chunk writes at its place.
 */
function createChunkQueue(index: NeighbourIndex, queries: Float64Array, queryRows: number, threadCount: number) {
  const { k, cols } = index;
  const neighbours: Neighbours = { indices: new Uint32Array(queryRows * k), distances: new Float64Array(queryRows * k) };
  const chunkRows = Math.max(MIN_CHUNK_ROWS, Math.ceil(queryRows / (threadCount * CHUNKS_PER_THREAD) / 64) * 64);
  const chunks = Math.ceil(queryRows / chunkRows);
  let next = 0;
  const returned: number[] = [];
  return {
    neighbours,
    hasWork: () => returned.length > 0 || next < chunks,
    take() {
      const chunk = returned.pop() ?? next++;
      const first = chunk * chunkRows;
      const rows = Math.min(chunkRows, queryRows - first);
      return { chunk, rows, values: queries.subarray(first * cols, (first + rows) * cols) };
    },
    giveBack: (chunk: number) => void returned.push(chunk),
    place(chunk: number, found: Neighbours) {
      neighbours.indices.set(found.indices, chunk * chunkRows * k);
      neighbours.distances.set(found.distances, chunk * chunkRows * k);
    },
  };
}

/** Calls `onStop` once `isStopped()` turns true, looking every STOP_POLL_MS; returns the function that stops looking. */
function watchForStop(isStopped: () => boolean, onStop: () => void): () => void {
  let cancel = () => {};
  const look = () => {
    if (isStopped()) return onStop();
    cancel = scheduleAt(nowMs() + STOP_POLL_MS, look);
  };
  cancel = scheduleAt(nowMs() + STOP_POLL_MS, look);
  return () => cancel();
}
