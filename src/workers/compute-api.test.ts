import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_OPTIONS, type DatasetId } from '../core/notebook/types';
import { saveDataset } from '../storage/datasets';
import { openStudioDb } from '../storage/db';
import { blobOf, numericColumn, tableOf } from '../test-support/table-builders';
import { computeApi } from './compute-api';
import { requireTable, type TableRef } from './dataset-tables';

describe('computeApi', () => {
  it('imports a file, reporting progress through the callback', async () => {
    const progress: unknown[] = [];
    const result = await computeApi.importFile(blobOf('x\n1\n2\n'), 'x.csv', DEFAULT_IMPORT_OPTIONS, (p) => progress.push(p));
    expect([result.table, progress]).toEqual([tableOf(numericColumn('x', [1, 2], true)), [{ bytesRead: 6, bytesTotal: 6, rows: 2 }]]);
  });

  it('opens a stored dataset itself (IndexedDB read here, overrides applied, columns described), keeps it for jobs named by key, and sends the page a copy', async () => {
    const dbName = `compute-api-test-${crypto.randomUUID()}`;
    const imported = await computeApi.importFile(blobOf('x,y\n1,a\n,b\n3,a\n'), 'xy.csv', DEFAULT_IMPORT_OPTIONS);
    const db = await openStudioDb(dbName);
    const meta = await saveDataset(db, { name: 'xy', sourceFileName: 'xy.csv', table: imported.table, result: imported });
    db.close();
    const ref: TableRef = { key: 'xy|excluded-y', source: { dbName, datasetId: meta.id, overrides: { y: 'excluded' } } };
    const opened = await computeApi.openDataset(ref);
    const held = await requireTable(ref);
    const split = await computeApi.splitTable(ref, { holdout: { kind: 'random', seed: 1, fractions: { train: 2 / 3, validation: 1 / 3, test: 0 } }, folds: null, summarize: {} });
    expect({
      name: opened.meta.name,
      columns: opened.table.columns.map((c) => c.name),
      summaries: opened.summaries.map((c) => [c.name, c.missing]),
      problems: opened.problems,
      sameData: held.columns[0].kind === 'numeric' && opened.table.columns[0].kind === 'numeric' && [...held.columns[0].values].join() === [...opened.table.columns[0].values].join(),
      copied: held.columns[0] !== opened.table.columns[0],
      splitRows: split.train.length + split.validation.length,
    }).toEqual({ name: 'xy', columns: ['x'], summaries: [['x', 1]], problems: [], sameData: true, copied: true, splitRows: 3 });
    const gone: TableRef = { key: 'gone', source: { dbName, datasetId: 'no-such' as DatasetId, overrides: {} } };
    await expect(computeApi.splitTable(gone, { holdout: { kind: 'random', seed: 1, fractions: { train: 1, validation: 0, test: 0 } }, folds: null, summarize: {} })).rejects.toThrow('No stored dataset has id "no-such"');
  });
});
