// Profiles a large table on every core: inside the compute worker, starts 2–4 part workers (nested workers,
// so terminating the compute worker — Cancel — stops them too) and merges with core profileTableInParts. Every
// lane ends up holding a copy of every column: each lane first gets the columns of its first job, then the rest.
// Copies, never transfers: the compute worker keeps the table for the jobs that follow (dataset-tables.ts), and
// a transfer left it detached — a Prepare fit after a large profile read empty columns. Small tables stay here.

import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import { isLargeForProfile } from '../core/profile/large-table';
import { listJobColumns } from '../core/profile/profile-job';
import { profileTableInParts } from '../core/profile/profile-in-parts';
import { profileTable, type ProfileOptions } from '../core/profile/profile-table';
import type { TableProfile } from '../core/profile/types';
import type { Table } from '../core/table/types';
import type { ProfilePartApi } from './profile-part-api';

export { PARALLEL_PROFILE_MIN_CELLS } from '../core/profile/large-table';

/** How many part workers: one per core, at least 2, at most 4. */
export function countProfileLanes(hardwareConcurrency: number | undefined): number {
  return Math.min(4, Math.max(2, hardwareConcurrency ?? 2));
}

interface Lane {
  worker: Worker;
  api: Remote<ProfilePartApi>;
}

/** Part workers started ahead of the next large profile (see prepareProfileLanes); one profile takes them all. */
let spareLanes: Lane[] | null = null;

function startLanes(): Lane[] {
  return Array.from({ length: countProfileLanes(globalThis.navigator?.hardwareConcurrency) }, () => {
    const worker = new Worker(new URL('./profile-part.worker.ts', import.meta.url), { type: 'module', name: 'profile-part' });
    return { worker, api: wrap<ProfilePartApi>(worker) };
  });
}

/**
 * Starts the part workers of the next large profile now and resolves once they have loaded, so a profile started
 * later skips their start-up (~0.2 s). The Profile cell asks when it shows a large table; a no-op without Worker.
 */
export async function prepareProfileLanes(): Promise<void> {
  if (typeof Worker === 'undefined') return;
  spareLanes ??= startLanes();
  // An empty load is a round trip: it answers once the worker's modules have loaded.
  await Promise.all(spareLanes.map((lane) => lane.api.loadColumns(0, [])));
}

/** profileTable, split over part workers when `table` is large and this thread can start workers. */
export async function profileTableInWorkers(table: Table, options: ProfileOptions): Promise<TableProfile> {
  if (!isLargeForProfile(table.rowCount, table.columns.length) || typeof Worker === 'undefined') return profileTable(table, options);
  const lanes = spareLanes ?? startLanes();
  spareLanes = null;
  // A part worker that fails to load or runs out of memory rejects the whole profile instead of hanging it.
  const failed = new Promise<never>((_, reject) => {
    for (const { worker } of lanes) worker.addEventListener('error', (event) => reject(new Error(`A profile worker failed: ${event.message || 'it could not start or ran out of memory'}.`)));
  });
  const send = createColumnSender(table, lanes.map((lane) => lane.api));
  const indexOf = new Map(table.columns.map((column, index) => [column.name, index]));
  try {
    const run = profileTableInParts(table, options, lanes.length, async (laneIndex, job, onColumn) => {
      const names = listJobColumns(job);
      send.columns(laneIndex, names === 'all' ? table.columns.map((_, index) => index) : names.map((name) => indexOf.get(name) as number));
      return lanes[laneIndex].api.runJob(job, proxy(onColumn));
    });
    return await Promise.race([run, failed]);
  } finally {
    for (const { worker, api } of lanes) {
      api[releaseProxy]();
      worker.terminate();
    }
  }
}

/**
 * Posts columns to the lanes (copies). `columns(lane, indices)` posts what that lane lacks before its job; the
 * first call also queues, after this turn's jobs, every other column to every lane.
 */
export function createColumnSender(table: Table, apis: readonly Pick<Remote<ProfilePartApi>, 'loadColumns'>[]) {
  const sent = apis.map(() => new Set<number>());
  const post = (lane: number, indices: number[]) => {
    const fresh = indices.filter((index) => !sent[lane].has(index));
    if (fresh.length === 0) return;
    for (const index of fresh) sent[lane].add(index);
    const columns = fresh.map((index) => ({ index, column: table.columns[index] }));
    // Not awaited: messages to a worker are handled in order, so its next job sees these columns (a lost worker
    // rejects that job, and the profile with it).
    apis[lane].loadColumns(table.rowCount, columns).catch(() => undefined);
  };
  let restQueued = false;
  const all = table.columns.map((_, index) => index);
  return {
    columns(lane: number, indices: number[]) {
      post(lane, indices);
      if (restQueued) return;
      restQueued = true;
      // After the first jobs of every lane are posted (same turn), so each lane starts before the rest arrives.
      queueMicrotask(() => {
        for (let other = 0; other < apis.length; other++) post(other, all);
      });
    },
  };
}
