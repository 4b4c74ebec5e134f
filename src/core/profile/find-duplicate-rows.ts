// Exact duplicate rows over all columns, as pandas `DataFrame.duplicated(keep='first')`: a row counts
// when an earlier row equals it in every column (missing equals missing). Rows are hashed column by
// column, then placed in an open-addressing table of row indices; equal hashes are confirmed cell by cell.

import type { Table } from '../table/types';
import { areRowsEqual, hashRows } from './hash-rows';
import { percent } from './json-numbers';
import { mixHash, sizeTable } from '../stats/mix-hash';
import type { ColumnProfile, DuplicateRows } from './types';

/** How many duplicate-row examples a profile keeps. */
export const DUPLICATE_EXAMPLES = 10;

/** Counts rows that repeat an earlier row; keeps the first `DUPLICATE_EXAMPLES` with the row they repeat. */
export function findDuplicateRows(table: Table): DuplicateRows {
  const { h1, h2 } = hashRows(table);
  const size = sizeTable(table.rowCount);
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1); // first row of each distinct row seen so far
  const examples: DuplicateRows['examples'] = [];
  let count = 0;
  for (let row = 0; row < table.rowCount; row++) {
    let slot = mixHash(h1[row]) & mask;
    for (;;) {
      const earlier = slots[slot];
      if (earlier === -1) {
        slots[slot] = row;
        break;
      }
      if (h1[earlier] === h1[row] && h2[earlier] === h2[row] && areRowsEqual(table, earlier, row)) {
        count++;
        if (examples.length < DUPLICATE_EXAMPLES) examples.push({ row, duplicateOf: earlier });
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { count, pct: percent(count, table.rowCount), examples };
}

/**
 * The duplicate rows already known from the column profiles: none when some column holds a distinct present value
 * in every row (an id), since no two rows can then be equal; undefined when the rows must be compared.
 */
export function findDuplicatesFromProfiles(profiles: readonly ColumnProfile[], rowCount: number): DuplicateRows | undefined {
  const hasId = profiles.some((profile) => profile.count === rowCount && profile.distinct === rowCount);
  return hasId ? { count: 0, pct: percent(0, rowCount), examples: [] } : undefined;
}
