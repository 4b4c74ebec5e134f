// Cooperative control for long fits: throw on abort, and hand the event loop a turn every ~50 ms so that an
// abort or a stop request from another thread can arrive while a fit computes synchronously in chunks.

import { createAbortError } from '../../../errors';

const SLICE_MS = 50;

/** A checkpoint to await between iterations: throws AbortError once `signal` aborted, yields every ~50 ms. */
export function createCheckpoint(signal: AbortSignal | undefined): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (signal?.aborted) throw createAbortError();
    if (performance.now() - last >= SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      last = performance.now();
      if (signal?.aborted) throw createAbortError();
    }
  };
}
