import { describe, expect, it } from 'vitest';
import type { Table } from '../table/types';
import { findDuplicateRows, findDuplicatesFromProfiles } from './find-duplicate-rows';
import { profileCategory } from './profile-category';
import { textColumn } from '../../test-support/table-builders';

describe('findDuplicateRows', () => {
  it('compares every kind of column, missing equal to missing', () => {
    const table: Table = {
      rowCount: 5,
      columns: [
        textColumn('t', ['a', null, 'a', null, 'a']),
        { kind: 'boolean', name: 'b', values: Uint8Array.from([1, 255, 1, 255, 0]) },
        { kind: 'datetime', name: 'd', values: Float64Array.from([5, Number.NaN, 5, Number.NaN, 5]) },
      ],
    };
    expect(findDuplicateRows(table)).toEqual({ count: 2, pct: 40, examples: [{ row: 2, duplicateOf: 0 }, { row: 3, duplicateOf: 1 }] });
  });

  it('compares packed text byte by byte: same length is not same text, empty is not missing', () => {
    const table: Table = { rowCount: 7, columns: [textColumn('t', ['ab', 'ba', 'ab', 'é', '', null, 'é'])] };
    expect(findDuplicateRows(table)).toEqual({ count: 2, pct: (100 * 2) / 7, examples: [{ row: 2, duplicateOf: 0 }, { row: 6, duplicateOf: 3 }] });
  });

  it('finds none in a table of distinct rows and none in an empty table', () => {
    const distinct: Table = { rowCount: 3, columns: [{ kind: 'numeric', name: 'x', values: Float64Array.from([1, 2, 3]) }] };
    expect([findDuplicateRows(distinct), findDuplicateRows({ rowCount: 0, columns: [] })]).toEqual([
      { count: 0, pct: 0, examples: [] },
      { count: 0, pct: 0, examples: [] },
    ]);
  });
});

describe('findDuplicatesFromProfiles', () => {
  it('rules duplicates out only when some column is present and distinct in every row', () => {
    const id = textColumn('id', ['a', 'b', 'c']);
    const repeated = textColumn('x', ['a', 'a', 'c']);
    const gap = textColumn('y', ['a', null, 'c']);
    const profiles = [repeated, gap, id].map((column) => profileCategory(column, 3));
    expect([findDuplicatesFromProfiles(profiles, 3), findDuplicatesFromProfiles(profiles.slice(0, 2), 3)]).toEqual([{ count: 0, pct: 0, examples: [] }, undefined]);
  });
});
