import { expose, wrap } from 'comlink';
import { describe, expect, it } from 'vitest';
import { profileTable } from '../core/profile/profile-table';
import type { Column } from '../core/table/types';
import { categoricalColumn, numericColumn, tableOf } from '../test-support/table-builders';
import { countProfileLanes, createColumnSender, prepareProfileLanes, profileTableInWorkers } from './profile-in-workers';
import type { ProfilePartApi } from './profile-part-api';

describe('profileTableInWorkers', () => {
  it('uses one part worker per core, at least 2 and at most 4', () => {
    expect([undefined, 1, 2, 3, 16].map(countProfileLanes)).toEqual([2, 2, 2, 3, 4]);
  });

  it('profiles a small table on this thread, as profileTable does', async () => {
    const table = tableOf(numericColumn('x', [1, 2, 3, null]), categoricalColumn('y', ['a', 'b', 'a', 'b']));
    const profile = await profileTableInWorkers(table, { target: 'y' });
    expect({ ...profile, durationMs: 0 }).toEqual({ ...profileTable(table, { target: 'y' }), durationMs: 0 });
  });
});

describe('prepareProfileLanes', () => {
  it('is a no-op where workers cannot start (Node), so the Profile cell may always ask', async () => {
    await expect(prepareProfileLanes()).resolves.toBeUndefined();
  });
});

describe('createColumnSender', () => {
  /** A part worker's loadColumns behind a real MessageChannel (structured clone, transfers honoured). */
  function startFakeLane(): { api: ReturnType<typeof wrap<ProfilePartApi>>; received: number[][]; close(): void } {
    const received: number[][] = [];
    const { port1, port2 } = new MessageChannel();
    expose({ loadColumns: (_rows: number, columns: { index: number; column: Column }[]) => void received.push(columns.map((c) => c.index)) }, port1);
    return { api: wrap<ProfilePartApi>(port2), received, close: () => (port1.close(), port2.close()) };
  }

  it('copies every column to every lane once, a job\'s columns first, and leaves the table whole for later jobs', async () => {
    const table = tableOf(numericColumn('a', [1, 2, 3]), numericColumn('b', [4, 5, null]), categoricalColumn('c', ['x', 'y', 'x']));
    const lanes = [startFakeLane(), startFakeLane()];
    const send = createColumnSender(table, lanes.map((lane) => lane.api));
    send.columns(1, [2]);
    send.columns(0, [0]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lanes.map((lane) => lane.received)).toEqual([[[0], [1, 2]], [[2], [0, 1]]]);
    // The compute worker keeps this table (dataset-tables.ts): a transfer to a lane would have detached it.
    expect(table.columns.map((column) => (column.kind === 'numeric' ? column.values.length : column.kind === 'categorical' ? column.codes.length : -1))).toEqual([3, 3, 3]);
    for (const lane of lanes) lane.close();
  });
});
