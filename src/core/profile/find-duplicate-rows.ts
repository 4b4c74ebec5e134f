// Exact duplicate rows over all columns, as pandas `DataFrame.duplicated(keep='first')`: a row counts
// when an earlier row equals it in every column (missing equals missing). Hash first, then confirm.

import type { Table } from '../table/types';
import { areRowsEqual, hashRows } from './hash-rows';
import { percent } from './json-numbers';
import type { DuplicateRows } from './types';

/** How many duplicate-row examples a profile keeps. */
export const DUPLICATE_EXAMPLES = 10;

/** Counts rows that repeat an earlier row; keeps the first `DUPLICATE_EXAMPLES` with the row they repeat. */
export function findDuplicateRows(table: Table): DuplicateRows {
  const keys = hashRows(table);
  const firstRow = new Map<number, number>();
  // Rows whose hash collided with a different row: rare, so a plain list per key is enough.
  const otherRows = new Map<number, number[]>();
  const examples: DuplicateRows['examples'] = [];
  let count = 0;
  for (let row = 0; row < table.rowCount; row++) {
    const key = keys[row];
    const first = firstRow.get(key);
    if (first === undefined) {
      firstRow.set(key, row);
      continue;
    }
    const candidates = [first, ...(otherRows.get(key) ?? [])];
    const earlier = candidates.find((candidate) => areRowsEqual(table, candidate, row));
    if (earlier === undefined) {
      otherRows.set(key, [...(otherRows.get(key) ?? []), row]);
      continue;
    }
    count++;
    if (examples.length < DUPLICATE_EXAMPLES) examples.push({ row, duplicateOf: earlier });
  }
  return { count, pct: percent(count, table.rowCount), examples };
}
