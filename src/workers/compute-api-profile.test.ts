import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Table } from '../core/table/types';
import { holdTestTable } from '../test-support/held-table';
import { computeApi } from './compute-api';

const TABLE: Table = {
  rowCount: 4,
  columns: [
    { kind: 'numeric', name: 'x', values: Float64Array.from([1, 2, 3, 4]) },
    { kind: 'categorical', name: 'y', codes: Int32Array.from([0, 1, 0, 1]), levels: ['a', 'b'] },
  ],
};

describe('computeApi.profileTable', () => {
  afterEach(() => vi.useRealTimers());

  it('profiles with the target and reports the first and last step (others at most every 50 ms)', async () => {
    vi.useFakeTimers(); // the clock stands still, so only the first and last steps pass the 50 ms throttle
    const steps: string[] = [];
    const profile = await computeApi.profileTable(holdTestTable('profile-test', TABLE), { target: 'y' }, (done, total) => steps.push(`${done}/${total}`));
    expect({ steps, rows: profile.rowCount, target: profile.target?.name, task: profile.target?.task, columns: profile.columns.map((c) => c.kind) }).toEqual({
      steps: ['1/6', '6/6'],
      rows: 4,
      target: 'y',
      task: 'binary',
      columns: ['numeric', 'categorical'],
    });
  });
});
