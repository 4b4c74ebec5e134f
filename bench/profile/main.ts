/// <reference types="vite/client" />
// The profile bench page: imports the chosen CSV with the app's compute worker (importFile), stores it in a bench
// database as the Data cell does (not timed), opens it in a second compute worker as the Data cell does (timed
// apart), then profiles it there by TableRef, as the Profile cell does, watching the main thread for long tasks. `bench/profile/suite.mjs` calls window.runProfileBench.
import { proxy, wrap, type Remote } from 'comlink';
import { DEFAULT_IMPORT_OPTIONS } from '../../src/core/notebook/types';
import { saveDataset } from '../../src/storage/datasets';
import { openStudioDb } from '../../src/storage/db';
import type { ComputeApi } from '../../src/workers/compute-api';
import type { TableRef } from '../../src/workers/dataset-tables';
import { watchHeartbeat } from '../lib/watch-heartbeat';
import { collectTransferables } from '../../src/core/table/table-buffers';

export interface PhaseResult {
  durationMs: number;
  /** Longest 'longtask' entry (≥ 50 ms by definition) overlapping the phase; 0 when none. */
  longestTaskMs: number;
  /** Longest gap between 5 ms heartbeats on the main thread during the phase. */
  maxHeartbeatGapMs: number;
  /** How many long tasks overlapped the phase. */
  longTaskCount: number;
  /** Date.now() at the phase's start and end (the suite attributes its sampled renderer memory by them). */
  startEpochMs: number;
  endEpochMs: number;
  /** Peak `performance.memory.usedJSHeapSize` (the page's main thread only) during the phase; null if absent. */
  peakPageHeapBytes: number | null;
}

export interface ProfileBenchResult {
  fileBytes: number;
  rows: number;
  columns: number;
  /** The imported table's typed arrays (text packed), bytes. */
  typedArrayBytes: number;
  import: PhaseResult;
  /** The compute worker opening the stored dataset (IndexedDB read, copy to the page), before the profile. */
  open: PhaseResult;
  profile: PhaseResult & { alerts: number; coreDurationMs: number; notes: string[] };
}

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

function startCompute(): { worker: Worker; api: Remote<ComputeApi> } {
  const worker = new Worker(new URL('../../src/workers/compute.worker.ts', import.meta.url), { type: 'module' });
  return { worker, api: wrap<ComputeApi>(worker) };
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

async function timePhase<T>(run: () => Promise<T>): Promise<{ value: T; phase: PhaseResult }> {
  const stop = watchHeartbeat();
  const stopHeap = watchPageHeap();
  const startEpochMs = Date.now();
  const startMs = performance.now();
  const value = await run();
  const endMs = performance.now();
  const endEpochMs = Date.now();
  const maxHeartbeatGapMs = stop();
  const peakPageHeapBytes = stopHeap();
  // Long-task entries arrive after the task ends: give the observer a moment.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const overlapping = longTasks.filter((task) => task.startTime + task.duration >= startMs && task.startTime <= endMs);
  const longestTaskMs = overlapping.reduce((longest, task) => Math.max(longest, task.duration), 0);
  return { value, phase: { durationMs: endMs - startMs, longestTaskMs, maxHeartbeatGapMs, longTaskCount: overlapping.length,
    startEpochMs, endEpochMs, peakPageHeapBytes } };
}

/** A compute call that resolves once the worker has loaded its modules, so start-up is not timed. */
async function warmUp(api: Remote<ComputeApi>): Promise<void> {
  await api.importFile(new Blob(['a\n1\n']), 'warm-up.csv', DEFAULT_IMPORT_OPTIONS);
}

const BENCH_DB = 'ml-studio-bench-profile';

async function runProfileBench(target: string | null): Promise<ProfileBenchResult> {
  const file = document.querySelector<HTMLInputElement>('#file')?.files?.[0];
  if (!file) throw new Error('No file chosen in #file');
  const importer = startCompute();
  const profiler = startCompute();
  await Promise.all([warmUp(importer.api), warmUp(profiler.api)]);
  try {
    const imported = await timePhase(() => importer.api.importFile(file, file.name, DEFAULT_IMPORT_OPTIONS));
    importer.worker.terminate();
    const table = imported.value.table;
    // As the Profile cell does when it shows a large table: its part workers start before Run is pressed.
    await profiler.api.prepareProfileLanes();
    let steps = 0;
    // As the Data cell does: store the imported table; the worker reads it from there (not timed).
    const db = await openStudioDb(BENCH_DB);
    const meta = await saveDataset(db, { name: file.name, sourceFileName: file.name, table, result: imported.value });
    db.close();
    const ref: TableRef = { key: `bench:${meta.id}`, source: { dbName: BENCH_DB, datasetId: meta.id, overrides: {} } };
    // As the Data cell does once the table is stored: the compute worker opens the dataset (reads it from IndexedDB
    // and keeps it), so the Profile cell's job, on the same worker, starts from the held table. Timed apart.
    const opened = await timePhase(() => profiler.api.openDataset(ref));
    const profiled = await timePhase(() => profiler.api.profileTable(ref, target ? { target } : {}, proxy(() => void steps++)));
    const profile = profiled.value;
    console.log(`import ${imported.phase.durationMs.toFixed(0)} ms, profile ${profiled.phase.durationMs.toFixed(0)} ms (${steps} progress calls)`);
    return {
      fileBytes: file.size,
      rows: table.rowCount,
      columns: table.columns.length,
      typedArrayBytes: collectTransferables(table).reduce((sum, buffer) => sum + buffer.byteLength, 0),
      import: imported.phase,
      open: opened.phase,
      profile: { ...profiled.phase, alerts: profile.alerts.length, coreDurationMs: profile.durationMs, notes: profile.notes },
    };
  } finally {
    importer.worker.terminate();
    profiler.worker.terminate();
  }
}

(window as unknown as { runProfileBench: typeof runProfileBench }).runProfileBench = runProfileBench;
