// Messages between the large-file bench page and its worker.

/** What the worker reports once the streamed import and the profile from sketches are done. */
export interface LargeRunResult {
  rows: number;
  chunks: number;
  columns: number;
  sampleRows: number;
  storedBytes: number;
  importMs: number;
  /** The same import into a sink that stores nothing, run first when asked (LARGE_BENCH_PHASES=1); else null. */
  noStorageMs: number | null;
  /** The ordinary in-memory import (core importFile, one thread) of the same file, when phases were asked; else null. */
  ordinaryMs: number | null;
  /** describeSketches over every column (the Profile cell's figures over every row). */
  profileFromSketchesMs: number;
  /** Peak `performance.memory.usedJSHeapSize` in the worker, sampled every 50 ms (null where Chromium gives none). */
  peakWorkerHeapBytes: number | null;
  /** A few columns' figures, to see that the numbers are sane. */
  preview: { name: string; mean: number | null; p50: number | null; distinct: number; missing: number }[];
}

export type LargeWorkerReply =
  | { kind: 'progress'; bytesRead: number; rows: number }
  | { kind: 'done'; result: LargeRunResult }
  | { kind: 'failed'; message: string };
