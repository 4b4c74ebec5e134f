import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, tableOf } from '../../test-support/table-builders';
import { describeColumns } from './describe-columns';

describe('describeColumns with known counts', () => {
  const x = numericColumn('x', [1, 2, null, 2]);
  const c = categoricalColumn('c', ['a', null, 'a', 'b']);

  it('reuses known missing and distinct counts for a column of the same name and kind, and counts the rest', () => {
    // The known counts are deliberately not the data's, to show they are taken as given.
    const known = [
      { name: 'x', kind: 'numeric' as const, missing: 2, distinct: 7 },
      { name: 'c', kind: 'text' as const, missing: 0, distinct: 0 },
    ];
    expect(describeColumns(tableOf(x, c), known)).toEqual([
      { name: 'x', kind: 'numeric', missing: 2, missingPct: 50, distinct: 7, examples: ['1', '2'] },
      { name: 'c', kind: 'categorical', missing: 1, missingPct: 25, distinct: 2, examples: ['a', 'b'] },
    ]);
  });

  it('gives the same summaries when asked again for the same column objects', () => {
    const first = describeColumns(tableOf(x, c));
    expect([first, describeColumns(tableOf(x, c))]).toEqual([
      [
        { name: 'x', kind: 'numeric', missing: 1, missingPct: 25, distinct: 2, examples: ['1', '2'] },
        { name: 'c', kind: 'categorical', missing: 1, missingPct: 25, distinct: 2, examples: ['a', 'b'] },
      ],
      first,
    ]);
  });
});
