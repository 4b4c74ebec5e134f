import { describe, expect, it } from 'vitest';
import { blobOf } from '../../test-support/table-builders';
import { writeCsv } from '../csv/write-csv';
import { importFile } from '../ingest/import-file';
import { DEFAULT_IMPORT_OPTIONS } from '../notebook/types';
import { inferReturnedTable } from './infer-returned-table';
import { normalizeReturn } from './normalize-return';

async function inferRows(rows: unknown[]) {
  const sorted = normalizeReturn(rows);
  if (sorted.kind !== 'table') throw new Error('not a table');
  return inferReturnedTable(sorted.columns, sorted.rowCount);
}

describe('inferReturnedTable', () => {
  it('types columns as an import does: numbers, categories, true/false, dates, the import tokens as missing', async () => {
    const rows = [
      { n: 1, s: 'a', b: true, d: new Date(Date.UTC(2024, 0, 1)), m: 'NA' },
      { n: 2, s: 'b', b: false, d: new Date(Date.UTC(2024, 0, 2)), m: 3 },
      { n: null, s: 'a', b: true, d: null, m: 4 },
    ];
    const { table } = await inferRows(rows);
    expect(table.columns.map((c) => [c.name, c.kind])).toEqual([['n', 'numeric'], ['s', 'categorical'], ['b', 'boolean'], ['d', 'datetime'], ['m', 'numeric']]);
    expect(Array.from((table.columns[4] as { values: Float64Array }).values)).toEqual([Number.NaN, 3, 4]);
  });

  it("gives the content hash an import of the table's CSV gives (so runs trained on it record their data)", async () => {
    const outcome = await inferRows([{ a: 1, b: 'x' }, { a: 2, b: 'y' }]);
    const imported = await importFile(blobOf(writeCsv(outcome.table)), 'out.csv', DEFAULT_IMPORT_OPTIONS);
    expect(outcome.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(outcome.contentHash).toBe(imported.contentHash);
  });
});
