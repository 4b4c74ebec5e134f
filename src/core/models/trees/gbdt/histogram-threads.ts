// Helper threads for the histograms of one boosting fit: the interface the platform injects (Node
// worker_threads, browser workers), the control block the caller and its helpers share inside the kernel's
// shared memory, and the helper's side of it. Each feature's histogram is still summed by one thread in row
// order, so a fit on several threads gives the same model, bit for bit, as a fit on one.

/** What a helper gets once per fit: the shared-memory kernel module, the memory and where its control block is. */
export interface HistogramSession {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  /** Byte offset of the control block (CONTROL_WORDS.size Int32 words) in `memory`. */
  control: number;
  words: typeof CONTROL_WORDS;
  /** Bytes per feature in a histogram (kernel-code.ts FEATURE_BYTES). */
  featureBytes: number;
}

/**
 * Threads that build histogram chunks beside the fitting thread. `start` resolves, once every helper has
 * instantiated the kernel and waits on the session's control block, to the function that frees the pool again
 * (called after the caller has written quit there); null when the pool is busy with another fit or a helper
 * cannot start (the caller writes quit anyway, for any helper that did). Nodes with fewer than `minUpdates`
 * rows × features stay on the caller.
 */
export interface HistogramThreads {
  /** Helper threads besides the caller (the fit runs on count + 1). */
  readonly count: number;
  readonly minUpdates?: number;
  start(session: HistogramSession): Promise<(() => void) | null>;
}

/**
 * Int32 word indices of the control block. A job is cut into `chunks` blocks of whole features (chunk c is
 * features [bounds + c] … [bounds + c + 1]); `next` holds the job's tag ((generation mod 2^24) · 64) plus the
 * next free chunk, so a thread that wakes late cannot claim a chunk of another job; `done` counts built chunks.
 */
export const CONTROL_WORDS = {
  generation: 0, next: 1, done: 2, command: 3, rowMajor: 4, stride: 5, n: 6, rows: 7, start: 8, end: 9, gradHess: 10, hist: 11,
  chunks: 12, bounds: 13, size: 64, root: 0, child: 1, quit: 2,
} as const;

/** The two histogram kernels (kernel-code.ts), pointers as byte offsets into the shared memory. */
export interface HistogramKernels {
  root(rowMajor: number, stride: number, width: number, n: number, gradHess: number, hist: number): void;
  child(rowMajor: number, stride: number, width: number, rows: number, start: number, end: number, gradHess: number, hist: number): void;
}

let provided: HistogramThreads | null = null;

/** Gives every later gradient boosting fit these helper threads (null: one thread, as without any). */
export function setHistogramThreads(threads: HistogramThreads | null): void {
  provided = threads;
}

/** The helper threads fits use now, or null. */
export function readHistogramThreads(): HistogramThreads | null {
  return provided;
}

/**
 * Claims and builds chunks of the job tagged `tag` until none is left (the caller and every helper run this,
 * so a helper the OS wakes late just finds less to do); the thread that builds the last chunk wakes the caller.
 * Self-contained on purpose (no imports, no module constants): Node runs its source text in a worker_thread.
 */
export function buildClaimedChunks(ctl: Int32Array, w: typeof CONTROL_WORDS, kernels: HistogramKernels, featureBytes: number, tag: number): void {
  const chunks = ctl[w.chunks];
  for (;;) {
    const claim = Atomics.load(ctl, w.next);
    if (claim - (claim & 63) !== tag || (claim & 63) >= chunks) return;
    if (Atomics.compareExchange(ctl, w.next, claim, claim + 1) !== claim) continue;
    const f0 = ctl[w.bounds + (claim & 63)], width = ctl[w.bounds + (claim & 63) + 1] - f0;
    const rowMajor = ctl[w.rowMajor] + f0, hist = ctl[w.hist] + f0 * featureBytes;
    if (ctl[w.command] === w.root) kernels.root(rowMajor, ctl[w.stride], width, ctl[w.n], ctl[w.gradHess], hist);
    else kernels.child(rowMajor, ctl[w.stride], width, ctl[w.rows], ctl[w.start], ctl[w.end], ctl[w.gradHess], hist);
    if (Atomics.add(ctl, w.done, 1) + 1 === chunks) Atomics.notify(ctl, w.done);
  }
}

/**
 * A helper's loop (runs on the helper thread, which it blocks until the caller writes quit): wait for the
 * generation word to move, then build chunks of that job with `buildChunks` (buildClaimedChunks; Node passes
 * its own copy, made from the source text). Self-contained, as buildClaimedChunks.
 */
export function serveHistogramJobs(session: HistogramSession, onReady: () => void, buildChunks = buildClaimedChunks): void {
  const { module, memory, control, words: w, featureBytes } = session;
  const kernels = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as HistogramKernels;
  const ctl = new Int32Array(memory.buffer, control, w.size);
  // The caller zeroes the generation before posting the session, so no job can be missed.
  let seen = 0;
  onReady();
  for (;;) {
    Atomics.wait(ctl, w.generation, seen);
    seen = Atomics.load(ctl, w.generation);
    if (Atomics.load(ctl, w.command) === w.quit) return;
    buildChunks(ctl, w, kernels, featureBytes, (seen & 0xffffff) * 64);
  }
}
