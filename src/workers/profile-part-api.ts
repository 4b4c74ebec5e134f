// The whole surface of a profile part worker: holds the columns it is sent and runs profile jobs on them
// (core runProfileJob), tie groups for ranking sent back by transfer. Started by profile-in-workers.ts inside the compute worker.

import { transfer } from 'comlink';
import { runProfileJob as runProfileJobInCore, type ProfileJob, type ProfileJobResult } from '../core/profile/profile-job';
import type { Column } from '../core/table/types';

const held = new Map<number, Column>();
let heldRowCount = 0;

/** Keeps `columns` (each with its index in the table) for later jobs; a new `rowCount` drops what was held. */
function loadColumns(rowCount: number, columns: { index: number; column: Column }[]): void {
  if (rowCount !== heldRowCount) held.clear();
  heldRowCount = rowCount;
  for (const { index, column } of columns) held.set(index, column);
}

/** Runs `job` on the held columns (in table order); `onColumn` (comlink-proxied) fires after each profiled column. */
function runJob(job: ProfileJob, onColumn?: () => void): ProfileJobResult {
  const columns = [...held.entries()].sort((a, b) => a[0] - b[0]).map(([, column]) => column);
  const result = runProfileJobInCore({ rowCount: heldRowCount, columns }, job, onColumn);
  return result.kind === 'columns' ? transfer(result, [...result.ranks.values()].flatMap((rank) => [rank.groups.buffer as ArrayBuffer, rank.groupStarts.buffer as ArrayBuffer])) : result;
}

export const profilePartApi = { loadColumns, runJob };
export type ProfilePartApi = typeof profilePartApi;
