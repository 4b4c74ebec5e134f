import 'fake-indexeddb/auto';
import { serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatasetId } from '../core/notebook/types';
import { StudioError } from '../core/errors';
import { createTextColumn, readTexts } from '../core/table/text-column';
import { openStudioDb, type StudioDb } from './db';
import type { DatasetMeta } from '../core/ingest/dataset-meta';
import { deleteDataset, findDatasetsByHash, listDatasets, loadDataset, renameDataset, saveDataset } from './datasets';
import { buildImportResult, buildSampleTable, createTestDbName } from './test-fixtures';

const IMPORTED_AT = Date.UTC(2026, 10, 22, 9, 30);
let db: StudioDb;

beforeEach(async () => {
  db = await openStudioDb(createTestDbName());
  vi.spyOn(Date, 'now').mockReturnValue(IMPORTED_AT);
});

afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

function saveSample(name: string, rowCount: number, contentHash?: string): Promise<DatasetMeta> {
  const table = buildSampleTable(rowCount);
  return saveDataset(db, { name, sourceFileName: `${name}.csv`, table, result: buildImportResult(table, contentHash) });
}

describe('saveDataset / loadDataset', () => {
  it('round-trips every column kind, missing values included, across chunk boundaries (70,000 rows)', async () => {
    const table = buildSampleTable(70_000);
    const result = buildImportResult(table);
    const saved = await saveDataset(db, { name: 'penguins', sourceFileName: 'penguins.csv', table, result });

    const loaded = await loadDataset(db, saved.id);

    expect(loaded.table).toEqual(table);
    expect(loaded.meta).toEqual(saved);
    expect(saved).toEqual({
      id: saved.id,
      name: 'penguins',
      sourceFileName: 'penguins.csv',
      format: 'csv',
      rowCount: 70_000,
      columnCount: 5,
      columns: [
        { name: 'price', kind: 'numeric', integer: false },
        { name: 'species', kind: 'categorical', levels: ['Adelie', 'Chinstrap', 'Gentoo'] },
        { name: 'seen_at', kind: 'datetime' },
        { name: 'adult', kind: 'boolean' },
        { name: 'note', kind: 'text', idLike: false },
      ],
      // 560,000 + 280,000 + 560,000 + 70,000 typed bytes + the text column's 530,477 UTF-8 bytes,
      // (65,537 + 4,465) × 4 offset bytes (one extra offset per chunk) and 70,000 missing flags.
      storedBytes: 2_350_485,
      sourceBytes: 1234,
      contentHash: 'ab'.repeat(32),
      importedAt: IMPORTED_AT,
      inference: result.inference,
      warnings: [{ code: 'blank-lines', message: '2 blank lines were skipped.', lines: [4, 9] }],
      encoding: 'utf-8',
      delimiter: ',',
    });
    expect(saved.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps missing markers exactly: NaN, −1 codes, boolean 255 and null text', async () => {
    const saved = await saveSample('tiny', 4);
    const { table } = await loadDataset(db, saved.id);
    expect(table.columns.map((column) => (column.kind === 'categorical' ? [...column.codes] : column.kind === 'text' ? readTexts(column) : [...column.values]))).toEqual([
      [-10, -9.5, -9, NaN],
      [0, 1, 2, -1],
      [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1) + 60_000, Date.UTC(2024, 0, 1) + 120_000, NaN],
      [0, 1, 0, 255],
      ['row 0', 'row 1', 'row 2', null],
    ]);
  });

  it('round-trips a table larger than one put batch (8 MB), saved over several awaited batches', async () => {
    const values = Float64Array.from({ length: 1_200_000 }, (_, i) => (i % 97 === 0 ? NaN : i * 0.5));
    const table = { rowCount: values.length, columns: [{ kind: 'numeric' as const, name: 'x', values }] };
    const saved = await saveDataset(db, { name: 'big', sourceFileName: 'big.csv', table, result: buildImportResult(table) });
    expect(saved.storedBytes).toBe(9_600_000);
    const loaded = (await loadDataset(db, saved.id)).table.columns[0];
    expect(loaded.kind).toBe('numeric');
    // Byte-for-byte (NaN included): cheaper than a deep equal over 1.2M elements.
    expect(Buffer.from((loaded as typeof table.columns[0]).values.buffer).equals(Buffer.from(values.buffer))).toBe(true);
  });

  it('round-trips an empty table', async () => {
    const saved = await saveSample('empty', 0);
    expect((await loadDataset(db, saved.id)).table).toEqual(buildSampleTable(0));
  });

  it('stores each chunk on its own buffer, at most 1.5× the typed-array size once serialized', async () => {
    const table = buildSampleTable(70_000);
    const typed = { rowCount: table.rowCount, columns: table.columns.filter((column) => column.kind !== 'text') };
    const saved = await saveDataset(db, { name: 'typed', sourceFileName: 'typed.csv', table: typed, result: buildImportResult(typed) });

    const chunks = await db.getAll('datasetChunks');
    const layout = chunks.map((chunk) => {
      const values = chunk.values as Float64Array;
      return [chunk.columnIndex, chunk.chunkIndex, values.length, values.buffer.byteLength === values.byteLength];
    });
    expect(layout).toEqual([
      [0, 0, 65_536, true], [0, 1, 4464, true],
      [1, 0, 65_536, true], [1, 1, 4464, true],
      [2, 0, 65_536, true], [2, 1, 4464, true],
      [3, 0, 65_536, true], [3, 1, 4464, true],
    ]);
    const typedBytes = 560_000 + 280_000 + 560_000 + 70_000;
    expect(saved.storedBytes).toBe(typedBytes);
    // V8's serializer is what Chromium's IndexedDB writes; the ratio is measured, not assumed.
    const serializedBytes = chunks.reduce((sum, chunk) => sum + serialize(chunk).byteLength, 0);
    expect(serializedBytes / typedBytes).toBeLessThanOrEqual(1.5);
  });

  it('still loads text chunks stored as string arrays before text was packed', async () => {
    const saved = await saveSample('legacy', 3);
    const textIndex = saved.columns.findIndex((column) => column.kind === 'text');
    await db.delete('datasetChunks', [saved.id, textIndex, 0]);
    await db.put('datasetChunks', { datasetId: saved.id, columnIndex: textIndex, chunkIndex: 0, values: ['café', null] });
    await db.put('datasetChunks', { datasetId: saved.id, columnIndex: textIndex, chunkIndex: 1, values: ['東京'] });
    const { table } = await loadDataset(db, saved.id);
    expect(table.columns[textIndex]).toEqual(createTextColumn('note', ['café', null, '東京'], false));
  });

  it('rejects an unknown id with a StorageError naming it', async () => {
    await expect(loadDataset(db, 'nope' as DatasetId)).rejects.toEqual(
      new StudioError('StorageError', 'No stored dataset has id "nope". It may have been deleted; import the file again.'),
    );
    await expect(loadDataset(db, 'nope' as DatasetId)).rejects.toMatchObject({ name: 'StorageError' });
  });
});

describe('listDatasets / findDatasetsByHash / renameDataset / deleteDataset', () => {
  it('lists newest first and finds by content hash', async () => {
    vi.mocked(Date.now).mockReturnValueOnce(1000);
    const older = await saveSample('older', 3, 'aa');
    vi.mocked(Date.now).mockReturnValueOnce(3000);
    const newer = await saveSample('newer', 3, 'bb');
    vi.mocked(Date.now).mockReturnValueOnce(2000);
    const middle = await saveSample('middle', 3, 'aa');

    expect((await listDatasets(db)).map((meta) => meta.name)).toEqual(['newer', 'middle', 'older']);
    expect(await findDatasetsByHash(db, 'aa')).toEqual([middle, older]);
    expect(await findDatasetsByHash(db, 'bb')).toEqual([newer]);
    expect(await findDatasetsByHash(db, 'cc')).toEqual([]);
  });

  it('renames, trimming the name, and refuses empty names and unknown ids', async () => {
    const saved = await saveSample('draft', 3);
    expect(await renameDataset(db, saved.id, '  Penguins 2024 ')).toEqual({ ...saved, name: 'Penguins 2024' });
    expect(await listDatasets(db)).toEqual([{ ...saved, name: 'Penguins 2024' }]);
    await expect(renameDataset(db, saved.id, '   ')).rejects.toMatchObject({
      name: 'DataError',
      message: 'A dataset name cannot be empty (got "   "). Type a name with at least one letter.',
    });
    await expect(renameDataset(db, 'gone' as DatasetId, 'x')).rejects.toMatchObject({
      name: 'StorageError',
      message: 'No stored dataset has id "gone". It may have been deleted; import the file again.',
    });
  });

  it('deletes the meta and every chunk of one dataset, leaving the others whole', async () => {
    const kept = await saveSample('kept', 70_000);
    const doomed = await saveSample('doomed', 70_000);
    expect(await db.count('datasetChunks')).toBe(20);

    await deleteDataset(db, doomed.id);

    expect(await db.count('datasetChunks')).toBe(10);
    expect(await listDatasets(db)).toEqual([kept]);
    expect((await loadDataset(db, kept.id)).table).toEqual(buildSampleTable(70_000));
    await expect(deleteDataset(db, doomed.id)).resolves.toBeUndefined();
  });
});
