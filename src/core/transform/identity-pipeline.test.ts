import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn, tableOf } from '../../test-support/table-builders';
import { createIdentityPipeline } from './identity-pipeline';
import { fitPipeline, transformTable } from './pipeline';

describe('createIdentityPipeline', () => {
  it('equals fitting no steps, and transforms a table to itself', () => {
    const table = tableOf(numericColumn('x', [1, 2, 3]), categoricalColumn('c', ['a', 'b', 'a']));
    const identity = createIdentityPipeline(table.columns, 2);
    expect(identity).toEqual(fitPipeline([], table, Uint32Array.of(0, 2)));
    expect(transformTable(identity, table).table).toEqual(table);
  });
});
