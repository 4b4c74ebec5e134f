/// <reference types="vite/client" />
// The profile bench page: imports the chosen CSV with the app's compute worker (importFile), then profiles the
// resulting table in a compute worker (profileTable, on a copy made in slices and transferred, as the Profile
// cell does), watching the main thread for long tasks throughout. `bench/profile/suite.mjs` calls window.runProfileBench.
import { proxy, transfer, wrap, type Remote } from 'comlink';
import { DEFAULT_IMPORT_OPTIONS } from '../../src/core/notebook/types';
import { collectTransferables } from '../../src/core/table/table-buffers';
import { copyTableForTransfer } from '../../src/state/copy-table-for-transfer';
import type { ComputeApi } from '../../src/workers/compute-api';
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
  await api.describeColumns({ rowCount: 0, columns: [] });
}

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
    // As the Profile cell does: copy the shown table in slices, then transfer the copy.
    const profiled = await timePhase(async () => {
      const copy = await copyTableForTransfer(table);
      return profiler.api.profileTable(transfer(copy, collectTransferables(copy)), target ? { target } : {}, proxy(() => void steps++));
    });
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
