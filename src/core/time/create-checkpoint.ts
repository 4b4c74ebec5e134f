// Cooperative control for long computations (fits, predictions, explanations): throw on abort, and hand the event
// loop a turn every ~50 ms so that an abort or a stop request from another thread can arrive while the work
// computes synchronously in chunks.

import { createAbortError } from '../errors';
import { nowMs } from './now-ms';

const SLICE_MS = 50;

// setTimeout exists in every runtime core runs in; declared here because core compiles without the DOM library.
const timers = globalThis as unknown as { setTimeout(callback: () => void, ms: number): unknown };

/** A checkpoint to await between iterations: throws AbortError once `signal` aborted, yields every ~50 ms. */
export function createCheckpoint(signal: AbortSignal | undefined): () => Promise<void> {
  let last = nowMs();
  return async () => {
    if (signal?.aborted) throw createAbortError();
    if (nowMs() - last >= SLICE_MS) {
      await new Promise<void>((resolve) => timers.setTimeout(resolve, 0));
      last = nowMs();
      if (signal?.aborted) throw createAbortError();
    }
  };
}
