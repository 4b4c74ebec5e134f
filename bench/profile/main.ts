/// <reference types="vite/client" />
// The profile bench page: imports the chosen CSV with the app's compute worker (importFile), stores it in a bench
// database as the Data cell does (not timed), then profiles it in a compute worker that reads the stored dataset
// itself (profileTable by TableRef, as the Profile cell does), watching the main thread for long tasks throughout. `bench/profile/suite.mjs` calls window.runProfileBench.
import { proxy, wrap, type Remote } from 'comlink';
import { DEFAULT_IMPORT_OPTIONS } from '../../src/core/notebook/types';
import { saveDataset } from '../../src/storage/datasets';
import { openStudioDb } from '../../src/storage/db';
import type { ComputeApi } from '../../src/workers/compute-api';
import type { TableRef } from '../../src/workers/dataset-tables';
import { watchHeartbeat } from '../lib/watch-heartbeat';

export interface PhaseResult {
  durationMs: number;
  /** Longest 'longtask' entry (≥ 50 ms by definition) overlapping the phase; 0 when none. */
  longestTaskMs: number;
  /** Longest gap between 5 ms heartbeats on the main thread during the phase. */
  maxHeartbeatGapMs: number;
}

export interface ProfileBenchResult {
  fileBytes: number;
  rows: number;
  columns: number;
  import: PhaseResult;
  profile: PhaseResult & { alerts: number; coreDurationMs: number; notes: string[] };
}

const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

function startCompute(): { worker: Worker; api: Remote<ComputeApi> } {
  const worker = new Worker(new URL('../../src/workers/compute.worker.ts', import.meta.url), { type: 'module' });
  return { worker, api: wrap<ComputeApi>(worker) };
}

async function timePhase<T>(run: () => Promise<T>): Promise<{ value: T; phase: PhaseResult }> {
  const stop = watchHeartbeat();
  const startMs = performance.now();
  const value = await run();
  const endMs = performance.now();
  const maxHeartbeatGapMs = stop();
  // Long-task entries arrive after the task ends: give the observer a moment.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const longestTaskMs = longTasks
    .filter((task) => task.startTime + task.duration >= startMs && task.startTime <= endMs)
    .reduce((longest, task) => Math.max(longest, task.duration), 0);
  return { value, phase: { durationMs: endMs - startMs, longestTaskMs, maxHeartbeatGapMs } };
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
    const profiled = await timePhase(() => profiler.api.profileTable(ref, target ? { target } : {}, proxy(() => void steps++)));
    const profile = profiled.value;
    console.log(`import ${imported.phase.durationMs.toFixed(0)} ms, profile ${profiled.phase.durationMs.toFixed(0)} ms (${steps} progress calls)`);
    return {
      fileBytes: file.size,
      rows: table.rowCount,
      columns: table.columns.length,
      import: imported.phase,
      profile: { ...profiled.phase, alerts: profile.alerts.length, coreDurationMs: profile.durationMs, notes: profile.notes },
    };
  } finally {
    importer.worker.terminate();
    profiler.worker.terminate();
  }
}

(window as unknown as { runProfileBench: typeof runProfileBench }).runProfileBench = runProfileBench;
