import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_OPTIONS } from '../core/notebook/types';
import { blobOf, numericColumn, tableOf } from '../test-support/table-builders';
import { computeApi } from './compute-api';

describe('computeApi', () => {
  it('imports a file, reporting progress through the callback', async () => {
    const progress: unknown[] = [];
    const result = await computeApi.importFile(blobOf('x\n1\n2\n'), 'x.csv', DEFAULT_IMPORT_OPTIONS, (p) => progress.push(p));
    expect([result.table, progress]).toEqual([tableOf(numericColumn('x', [1, 2], true)), [{ bytesRead: 6, bytesTotal: 6, rows: 2 }]]);
  });

  it('exposes the table verbs as they are', () => {
    const table = tableOf(numericColumn('x', [1, null]));
    expect(computeApi.describeColumns(table)).toEqual([{ name: 'x', kind: 'numeric', missing: 1, missingPct: 50, distinct: 1, examples: ['1'] }]);
    expect(computeApi.applyColumnOverrides(table, { x: 'excluded' })).toEqual({ table: { rowCount: 2, columns: [] }, problems: [] });
  });
});
