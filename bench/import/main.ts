/// <reference types="vite/client" />
// The import bench page: runs papaparse (a) and the studio importer (b) on the chosen File in workers,
// alternating, watching the main thread for long tasks (c), then stores one imported table in IndexedDB (d).
// `bench/import/suite.mjs` calls window.runImportBench through Playwright.
import type { ParseRequest, WorkerReply } from './messages';
import { measureStorage, type StorageMeasurement } from './storage';
import { watchHeartbeat } from '../lib/watch-heartbeat';

type Method = 'papaparse' | 'importer';

/** One timed parse: wall time from posting the File to receiving the result on the main thread. */
export interface RepResult {
  method: Method;
  rep: number;
  durationMs: number;
  rows: number;
  /** Longest 'longtask' entry (≥ 50 ms by definition) overlapping the run; 0 when none. */
  longestTaskMs: number;
  /** Longest gap between 5 ms heartbeats on the main thread during the run. */
  maxHeartbeatGapMs: number;
}

export interface ImportBenchResult {
  fileBytes: number;
  reps: RepResult[];
  importer: { available: boolean; reason?: string };
  storage: StorageMeasurement | null;
}

// Vite bundles a worker only when `new URL(...)` sits directly inside `new Worker(...)`.
const WORKER_FACTORIES: Record<Method, () => Worker> = {
  papaparse: () => new Worker(new URL('./papaparse.worker.ts', import.meta.url), { type: 'module' }),
  importer: () => new Worker(new URL('./importer.worker.ts', import.meta.url), { type: 'module' }),
};

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

function startWorker(method: Method): Promise<{ worker: Worker; ready: Extract<WorkerReply, { kind: 'ready' }> }> {
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

function findLongestTask(fromMs: number, toMs: number): number {
  return longTasks
    .filter((task) => task.startTime + task.duration >= fromMs && task.startTime <= toMs)
    .reduce((longest, task) => Math.max(longest, task.duration), 0);
}

async function runOnce(method: Method, rep: number, file: File): Promise<{ rep: RepResult; result?: unknown }> {
  const { worker } = await startWorker(method);
  const stopHeartbeat = watchHeartbeat();
  const startMs = performance.now();
  try {
    const done = await parseInWorker(worker, file);
    const endMs = performance.now();
    const maxHeartbeatGapMs = stopHeartbeat();
    // Long-task entries are delivered after the task ends: give the observer a moment.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const longestTaskMs = findLongestTask(startMs, endMs);
    return { rep: { method, rep, durationMs: endMs - startMs, rows: done.rows, longestTaskMs, maxHeartbeatGapMs },
      result: done.result };
  } finally {
    stopHeartbeat();
    worker.terminate();
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
  const methods = (importer.available ? (['papaparse', 'importer'] as Method[]) : (['papaparse'] as Method[])).filter((m) => !only || only.includes(m));
  const results: RepResult[] = [];
  let lastImport: unknown;
  for (let rep = 1; rep <= reps; rep += 1) {
    for (const method of methods) {
      collectGarbage();
      const { rep: measured, result } = await runOnce(method, rep, file);
      console.log(`${method} rep ${rep}: ${measured.durationMs.toFixed(0)} ms, ${measured.rows} rows`);
      results.push(measured);
      lastImport = result ?? lastImport;
    }
  }
  const storage = lastImport ? await measureStorage(lastImport, file.name) : null;
  return { fileBytes: file.size, reps: results, importer, storage };
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
