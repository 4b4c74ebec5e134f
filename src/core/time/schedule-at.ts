// A callback once a wall-clock moment has come (a search's time budget), cancellable; the timer comes from the
// runtime (browser, worker, Node), declared here because core compiles without the DOM library.

import { nowMs } from './now-ms';

const timers = globalThis as unknown as { setTimeout(callback: () => void, ms: number): unknown; clearTimeout(id: unknown): void };

/** Calls `callback` at `atMs` (nowMs's clock; at once when past); returns the cancel. */
export function scheduleAt(atMs: number, callback: () => void): () => void {
  const id = timers.setTimeout(callback, Math.max(0, atMs - nowMs()));
  return () => timers.clearTimeout(id);
}
