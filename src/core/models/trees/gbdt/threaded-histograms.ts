// The fitting thread's side of histogram-threads.ts: cut the features into chunks (two per thread), post a
// node's job in the shared control block, claim and build chunks here like any helper, then sleep until all
// are built. Nodes too small to repay the hand-off (rows × features under minUpdates) stay on one thread.

import { TrainingError } from '../../../errors';
import { buildClaimedChunks, CONTROL_WORDS as W, type HistogramKernels, type HistogramThreads } from './histogram-threads';

/**
 * Fewer rows × features than this and a node's histogram stays on one thread: a hand-off costs ~20–50 µs
 * (Atomics.notify, a helper waking), about what one thread needs for ~30,000 updates at ~1.2 ns each.
 */
export const MIN_THREADED_UPDATES = 40_000;

/**
 * Chunks per thread: a thread the OS wakes late leaves its share to the others. Measured (kernels alone, one
 * thread, 20 features): a child's rows in 1 pass 0.98 ns per row·feature, in 2, 4 or 5 passes ~1.25, in 10
 * 1.60; so 2 per thread costs no more than 1 (the root: 0.82–0.86 up to 5 passes).
 */
const CHUNKS_PER_THREAD = 2;

/** How long the caller waits for a helper's chunk before calling the helper dead (a whole root takes ~1 s at 10⁹ updates). */
const HELPER_TIMEOUT_MS = 60_000;

/** The heap's layout and kernels that the dispatch needs (byte offsets into the shared memory). */
export interface ThreadedHeap {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  featureBytes: number;
  at: { control: number; rowMajor: number; rows: number; gradHess: number };
  n: number;
  cols: number;
  kernels: HistogramKernels;
}

/** Builds histograms on the helpers: false from root/child means "too small, build it yourself". */
export interface HistogramDispatch {
  root(hist: number): boolean;
  child(hist: number, start: number, end: number): boolean;
  /** Sends the helpers back to their pools; the dispatch must not be used after. */
  stop(): void;
}

/** Starts `threads` on the heap's memory; null (helpers released, nothing to wait for) where they cannot start. */
export async function startHistogramDispatch(threads: HistogramThreads, heap: ThreadedHeap): Promise<HistogramDispatch | null> {
  const { memory, at, cols, n, kernels, featureBytes } = heap;
  const chunks = Math.min(cols, CHUNKS_PER_THREAD * (threads.count + 1), W.size - W.bounds - 1, 63);
  if (threads.count < 1 || chunks < 2) return null;
  const ctl = new Int32Array(memory.buffer, at.control, W.size);
  ctl.fill(0);
  ctl[W.rowMajor] = at.rowMajor;
  ctl[W.stride] = cols;
  ctl[W.n] = n;
  ctl[W.rows] = at.rows;
  ctl[W.gradHess] = at.gradHess;
  ctl[W.chunks] = chunks;
  for (let c = 0; c <= chunks; c++) ctl[W.bounds + c] = Math.round((c * cols) / chunks);
  const minUpdates = threads.minUpdates ?? MIN_THREADED_UPDATES;
  const quit = (): void => {
    Atomics.store(ctl, W.command, W.quit);
    Atomics.add(ctl, W.generation, 1);
    Atomics.notify(ctl, W.generation);
  };
  let finish: (() => void) | null = null;
  try {
    finish = await threads.start({ module: heap.module, memory, control: at.control, words: W, featureBytes });
  } finally {
    if (!finish) quit();
  }
  if (!finish) return null;
  const release = finish;
  let stopped = false;
  /** Posts the job, builds chunks here too, then sleeps until every chunk is built. */
  const run = (command: number, hist: number, start: number, end: number): void => {
    const generation = ctl[W.generation] + 1;
    const tag = (generation & 0xffffff) * 64;
    ctl[W.hist] = hist;
    ctl[W.start] = start;
    ctl[W.end] = end;
    ctl[W.command] = command;
    Atomics.store(ctl, W.done, 0);
    Atomics.store(ctl, W.next, tag);
    Atomics.store(ctl, W.generation, generation);
    Atomics.notify(ctl, W.generation);
    buildClaimedChunks(ctl, W, kernels, featureBytes, tag);
    for (let done = Atomics.load(ctl, W.done); done !== chunks; done = Atomics.load(ctl, W.done)) {
      // A helper that died mid-chunk would otherwise block this thread for good.
      if (Atomics.wait(ctl, W.done, done, HELPER_TIMEOUT_MS) === 'timed-out' && Atomics.load(ctl, W.done) === done) {
        throw new TrainingError(`gradient_boosting: a histogram helper thread built nothing for ${HELPER_TIMEOUT_MS / 1000} s (chunk ${done + 1} of ${chunks}); it has probably crashed. Fit again, or on one thread (setHistogramThreads(null)).`);
      }
    }
  };
  return {
    root(hist) {
      if (n * cols < minUpdates) return false;
      run(W.root, hist, 0, n);
      return true;
    },
    child(hist, start, end) {
      if ((end - start) * cols < minUpdates) return false;
      run(W.child, hist, start, end);
      return true;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      quit();
      release();
    },
  };
}
