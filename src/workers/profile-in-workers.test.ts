import { describe, expect, it } from 'vitest';
import { profileTable } from '../core/profile/profile-table';
import { categoricalColumn, numericColumn, tableOf } from '../test-support/table-builders';
import { countProfileLanes, prepareProfileLanes, profileTableInWorkers } from './profile-in-workers';

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
