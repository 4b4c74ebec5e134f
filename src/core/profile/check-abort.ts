// Cooperative cancellation for long profile loops: checked between columns and between matrix rows.

import { createAbortError } from '../errors';

/** Throws an AbortError when `signal` has been aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw createAbortError('Profiling was cancelled.');
}
