/// <reference types="vite/client" />
// The import bench page: runs papaparse (a), the studio importer (b) and DuckDB-WASM's read_csv (c2) on the chosen
// File in workers, alternating, watching the main thread for long tasks (c), then stores one imported table in
// IndexedDB (d). Each rep carries its wall-clock span so the suite can attribute sampled process memory to it.
// `bench/import/suite.mjs` calls window.runImportBench through Playwright.
import type { ParseRequest, WorkerReply } from './messages';
import { measureStorage, type StorageMeasurement } from './storage';
import { watchHeartbeat } from '../lib/watch-heartbeat';
import { startDuckDb } from './duckdb-run';

type Method = 'papaparse' | 'importer' | 'duckdb';
type WorkerMethod = Exclude<Method, 'duckdb'>;

/** One timed parse: wall time from posting the File to receiving the result on the main thread. */
export interface RepResult {
  method: Method;
  rep: number;
  durationMs: number;
  rows: number;
  /** Longest 'longtask' entry (≥ 50 ms by definition) overlapping the run; 0 when none. */
  longestTaskMs: number;
  longTaskCount: number;
  /** Longest gap between 5 ms heartbeats on the main thread during the run. */
  maxHeartbeatGapMs: number;
  /** Date.now() at the start and end of the timed span (for the suite's memory samples). */
  startEpochMs: number;
  endEpochMs: number;
  /** Peak `performance.memory.usedJSHeapSize` of the page (main thread only) during the run, bytes; null if absent. */
  peakPageHeapBytes: number | null;
  /** Columns of the table DuckDB made (its reps only): a check that it typed the same 14 columns. */
  columns?: number;
}

export interface ImportBenchResult {
  fileBytes: number;
  reps: RepResult[];
  importer: { available: boolean; reason?: string };
  duckdb: { available: boolean; reason?: string; columns?: number };
  storage: StorageMeasurement | null;
}

// Vite bundles a worker only when `new URL(...)` sits directly inside `new Worker(...)`.
const WORKER_FACTORIES: Record<WorkerMethod, () => Worker> = {
  papaparse: () => new Worker(new URL('./papaparse.worker.ts', import.meta.url), { type: 'module' }),
  importer: () => new Worker(new URL('./importer.worker.ts', import.meta.url), { type: 'module' }),
};

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

function startWorker(method: WorkerMethod): Promise<{ worker: Worker; ready: Extract<WorkerReply, { kind: 'ready' }> }> {
  const worker = WORKER_FACTORIES[method]();
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      if (event.data.kind === 'ready') resolve({ worker, ready: event.data });
    };
    worker.onerror = (event) => reject(new Error(`${method} worker failed to start: ${event.message}`));
  });
}

function parseInWorker(worker: Worker, file: File): Promise<Extract<WorkerReply, { kind: 'done' }>> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      if (event.data.kind === 'done') resolve(event.data);
      else if (event.data.kind === 'error') reject(new Error(event.data.message));
    };
    worker.onerror = (event) => reject(new Error(event.message));
    worker.postMessage({ file } satisfies ParseRequest);
  });
}

/** The longest long task overlapping [fromMs, toMs] (0 when none) and how many overlapped it. */
function findLongTasks(fromMs: number, toMs: number): { longestTaskMs: number; longTaskCount: number } {
  const overlapping = longTasks.filter((task) => task.startTime + task.duration >= fromMs && task.startTime <= toMs);
  return { longestTaskMs: overlapping.reduce((longest, task) => Math.max(longest, task.duration), 0), longTaskCount: overlapping.length };
}

/** Samples the page's JS heap (Chromium's `performance.memory`) every 20 ms; stop() gives the peak or null. */
function watchPageHeap(): () => number | null {
  const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
  if (!memory) return () => null;
  let peak = memory.usedJSHeapSize;
  const timer = setInterval(() => (peak = Math.max(peak, memory.usedJSHeapSize)), 20);
  return () => {
    clearInterval(timer);
    return Math.max(peak, memory.usedJSHeapSize);
  };
}

/** Starts what the method runs in (outside the clock); run() is the timed part. */
async function prepare(method: Method): Promise<{ run(file: File): Promise<{ rows: number; columns?: number; result?: unknown }>; close(): void }> {
  if (method === 'duckdb') {
    const duck = await startDuckDb();
    return { run: (file) => duck.readCsv(file), close: () => void duck.close() };
  }
  const { worker } = await startWorker(method);
  return { run: (file) => parseInWorker(worker, file), close: () => worker.terminate() };
}

async function runOnce(method: Method, rep: number, file: File): Promise<{ rep: RepResult; result?: unknown }> {
  const runner = await prepare(method);
  const stopHeartbeat = watchHeartbeat();
  const stopHeap = watchPageHeap();
  const startEpochMs = Date.now();
  const startMs = performance.now();
  try {
    const done = await runner.run(file);
    const endMs = performance.now();
    const endEpochMs = Date.now();
    const maxHeartbeatGapMs = stopHeartbeat();
    const peakPageHeapBytes = stopHeap();
    // Long-task entries are delivered after the task ends: give the observer a moment.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { longestTaskMs, longTaskCount } = findLongTasks(startMs, endMs);
    return { rep: { method, rep, durationMs: endMs - startMs, rows: done.rows, longestTaskMs, longTaskCount, maxHeartbeatGapMs,
      startEpochMs, endEpochMs, peakPageHeapBytes, columns: done.columns }, result: done.result };
  } finally {
    stopHeartbeat();
    stopHeap();
    runner.close();
  }
}

/** Whether DuckDB-WASM starts here (its wasm instantiates in its worker); the reason when not. */
async function probeDuckDb(): Promise<{ available: boolean; reason?: string }> {
  try {
    const duck = await startDuckDb();
    await duck.close();
    return { available: true };
  } catch (error) {
    return { available: false, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Runs `reps` alternating reps of each method (`only` narrows them, e.g. to trace the importer alone). */
async function runImportBench(reps: number, only?: Method[]): Promise<ImportBenchResult> {
  const input = document.querySelector<HTMLInputElement>('#file');
  const file = input?.files?.[0];
  if (!file) throw new Error('No file chosen in #file');
  const probe = await startWorker('importer');
  probe.worker.terminate();
  const importer = { available: probe.ready.available, reason: probe.ready.reason };
  const duckdb = !only || only.includes('duckdb') ? await probeDuckDb() : { available: false, reason: 'not asked for' };
  const methods = (['papaparse', 'importer', 'duckdb'] as Method[])
    .filter((m) => (m !== 'importer' || importer.available) && (m !== 'duckdb' || duckdb.available))
    .filter((m) => !only || only.includes(m));
  const results: RepResult[] = [];
  let lastImport: unknown;
  for (let rep = 1; rep <= reps; rep += 1) {
    for (const method of methods) {
      collectGarbage();
      const { rep: measured, result } = await runOnce(method, rep, file);
      if (measured.columns !== undefined) Object.assign(duckdb, { columns: measured.columns });
      console.log(`${method} rep ${rep}: ${measured.durationMs.toFixed(0)} ms, ${measured.rows} rows`);
      results.push(measured);
      lastImport = result ?? lastImport;
    }
  }
  const storage = lastImport ? await measureStorage(lastImport, file.name) : null;
  return { fileBytes: file.size, reps: results, importer, duckdb, storage };
}

/** Imports the chosen file with the importer and with core importFile in one pass; the paths where they differ. */
async function verifyImport(): Promise<string[]> {
  const file = document.querySelector<HTMLInputElement>('#file')?.files?.[0];
  if (!file) throw new Error('No file chosen in #file');
  const { worker } = await startWorker('importer');
  try {
    return await new Promise((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        if (event.data.kind === 'done') resolve(event.data.differences ?? ['no comparison came back']);
        else if (event.data.kind === 'error') reject(new Error(event.data.message));
      };
      worker.postMessage({ file, verify: true } satisfies ParseRequest);
    });
  } finally {
    worker.terminate();
  }
}

Object.assign(window as unknown as object, { runImportBench, verifyImport });
