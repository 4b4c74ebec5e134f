// Profiles a large table on every core: inside the compute worker, starts 2–4 part workers (nested workers,
// so terminating the compute worker — Cancel — stops them too), sends each only the columns its jobs read
// (cloned here, off the main thread) and merges with core profileTableInParts. Small tables stay on this thread.

import { proxy, releaseProxy, wrap } from 'comlink';
import { listJobColumns } from '../core/profile/profile-job';
import { profileTableInParts } from '../core/profile/profile-in-parts';
import { profileTable, type ProfileOptions } from '../core/profile/profile-table';
import type { TableProfile } from '../core/profile/types';
import type { Table } from '../core/table/types';
import type { ProfilePartApi } from './profile-part-api';

/** Tables with fewer cells than this are profiled on one thread: starting workers would cost more than it saves. */
export const PARALLEL_PROFILE_MIN_CELLS = 200_000;

/** How many part workers: one per core, at least 2, at most 4. */
export function countProfileLanes(hardwareConcurrency: number | undefined): number {
  return Math.min(4, Math.max(2, hardwareConcurrency ?? 2));
}

/** profileTable, split over part workers when `table` is large and this thread can start workers. */
export async function profileTableInWorkers(table: Table, options: ProfileOptions): Promise<TableProfile> {
  if (table.rowCount * table.columns.length < PARALLEL_PROFILE_MIN_CELLS || typeof Worker === 'undefined') return profileTable(table, options);
  const lanes = Array.from({ length: countProfileLanes(globalThis.navigator?.hardwareConcurrency) }, () => {
    const worker = new Worker(new URL('./profile-part.worker.ts', import.meta.url), { type: 'module', name: 'profile-part' });
    return { worker, api: wrap<ProfilePartApi>(worker), sent: new Set<number>() };
  });
  // A part worker that fails to load or runs out of memory rejects the whole profile instead of hanging it.
  const failed = new Promise<never>((_, reject) => {
    for (const { worker } of lanes) worker.addEventListener('error', (event) => reject(new Error(`A profile worker failed: ${event.message || 'it could not start or ran out of memory'}.`)));
  });
  const indexOf = new Map(table.columns.map((column, index) => [column.name, index]));
  try {
    const run = profileTableInParts(table, options, lanes.length, async (laneIndex, job, onColumn) => {
      const lane = lanes[laneIndex];
      const names = listJobColumns(job);
      const indices = names === 'all' ? table.columns.map((_, index) => index) : names.map((name) => indexOf.get(name) as number);
      const missing = indices.filter((index) => !lane.sent.has(index));
      if (missing.length > 0) {
        await lane.api.loadColumns(table.rowCount, missing.map((index) => ({ index, column: table.columns[index] })));
        for (const index of missing) lane.sent.add(index);
      }
      return lane.api.runJob(job, proxy(onColumn));
    });
    return await Promise.race([run, failed]);
  } finally {
    for (const { worker, api } of lanes) {
      api[releaseProxy]();
      worker.terminate();
    }
  }
}
