import { describe, expect, it } from 'vitest';
import type { Table } from '../table/types';
import { profileMissing } from './profile-missing';
import { textColumn } from '../../test-support/table-builders';

const NaN_ = Number.NaN;

describe('profileMissing', () => {
  it('counts co-missing rows, their Jaccard index and the common patterns', () => {
    const table: Table = {
      rowCount: 6,
      columns: [
        { kind: 'numeric', name: 'a', values: Float64Array.from([NaN_, NaN_, 1, 2, NaN_, 3]) },
        textColumn('b', [null, null, 'x', null, 'y', 'z']),
        { kind: 'boolean', name: 'c', values: Uint8Array.from([1, 0, 1, 0, 1, 0]) },
        { kind: 'categorical', name: 'd', levels: ['p'], codes: Int32Array.from([0, 0, 0, 0, 0, -1]) },
      ],
    };
    const notes: string[] = [];
    expect(profileMissing(table, notes)).toEqual({
      columns: ['a', 'b', 'd'],
      coMissing: [
        [3, 2, 0],
        [2, 3, 0],
        [0, 0, 1],
      ],
      jaccard: [
        [1, 0.5, 0],
        [0.5, 1, 0],
        [0, 0, 1],
      ],
      patterns: [
        { columns: ['a', 'b'], count: 2, pct: (100 * 2) / 6 },
        { columns: [], count: 1, pct: 100 / 6 },
        { columns: ['b'], count: 1, pct: 100 / 6 },
        { columns: ['a'], count: 1, pct: 100 / 6 },
        { columns: ['d'], count: 1, pct: 100 / 6 },
      ],
    });
    expect(notes).toEqual([]);
  });

  it('keeps the 50 columns with most missing values and says so', () => {
    const columns = Array.from({ length: 52 }, (_, i) => ({
      kind: 'numeric' as const,
      name: `c${i}`,
      values: Float64Array.from({ length: 60 }, (_, row) => (row <= i ? NaN_ : row)),
    }));
    const notes: string[] = [];
    const result = profileMissing({ rowCount: 60, columns }, notes);
    expect([result.columns[0], result.columns[49], result.columns.length, notes]).toEqual([
      'c51',
      'c2',
      50,
      ['Missing-value patterns cover the 50 columns with most missing values of 52 with any.'],
    ]);
  });
});
