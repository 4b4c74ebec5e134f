import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatasetId } from '../core/notebook/types';
import { DEFAULT_IMPORT_OPTIONS } from '../core/notebook/types';
import { importFile } from '../core/ingest/import-file';
import { importCsvStreamed, STREAM_CHUNK_ROWS } from '../core/ingest/stream-import';
import { blobOf } from '../test-support/table-builders';
import { readTexts } from '../core/table/text-column';
import type { Column } from '../core/table/types';
import { openStoredChunkSource } from './chunk-source';
import { CHUNK_ROWS } from './chunks';
import { openStudioDb, type StudioDb } from './db';
import { deleteDataset, listDatasets, loadDataset } from './datasets';
import { createStoredChunkSink, saveStreamedDataset } from './streamed-datasets';
import { createTestDbName } from './test-fixtures';

let db: StudioDb;
beforeEach(async () => { db = await openStudioDb(createTestDbName()); });
afterEach(() => db.close());

const CSV = ['city,temp,dry', ...Array.from({ length: 2_500 }, (_, i) => `${['Oslo', 'Bergen', 'Tromsø'][i % 3]},${i % 11 === 0 ? '' : (i * 0.25).toFixed(2)},${i % 2 === 0 ? 'true' : 'false'}`)].join('\n');

function readValues(column: Column, levels?: readonly string[]): unknown[] {
  if (column.kind === 'text') return readTexts(column);
  if (column.kind === 'categorical') return Array.from(column.codes, (code) => (code < 0 ? null : (levels ?? column.levels)[code]));
  return Array.from(column.values);
}

async function importStreamed(id: DatasetId) {
  const sink = createStoredChunkSink(db, id);
  const result = await importCsvStreamed(blobOf(CSV), 'weather.csv', DEFAULT_IMPORT_OPTIONS, { sink, chunkRows: 1_000, headBytes: 2_048, pieceBytes: 4_096, sampleRows: 300 });
  return saveStreamedDataset(db, { id, name: 'weather', sourceFileName: 'weather.csv', result, storedBytes: sink.storedBytes });
}

async function countChunks(): Promise<number> {
  return db.count('datasetChunks');
}

describe('streamed datasets in IndexedDB', () => {
  it('stores chunks readable by a ChunkSource with the ordinary import\'s values; loadDataset gives the sample', async () => {
    expect(STREAM_CHUNK_ROWS).toBe(CHUNK_ROWS);
    const meta = await importStreamed('big-1' as DatasetId);
    expect(meta.rowCount).toBe(2_500);
    expect(meta.streamed).toMatchObject({ sampleRows: 300, chunkRows: 1_000, chunkCount: 3, sampleSeed: 1 });
    expect(meta.storedBytes).toBe(2_500 * (4 + 8 + 1));
    const source = await openStoredChunkSource(db, meta.id);
    expect([source.rowCount, source.chunkCount, source.chunkRows]).toEqual([2_500, 3, 1_000]);
    const chunks = await Promise.all([0, 1, 2].map((i) => source.readChunk(i)));
    expect(chunks.map((chunk) => chunk.rowCount)).toEqual([1_000, 1_000, 500]);
    const whole = await importFile(blobOf(CSV), 'weather.csv', DEFAULT_IMPORT_OPTIONS);
    whole.table.columns.forEach((column, c) => {
      expect(chunks.flatMap((chunk) => readValues(chunk.columns[c])), column.name).toEqual(readValues(column));
    });
    await expect(source.readChunk(3)).rejects.toThrow(/outside 0..2/);
    const loaded = await loadDataset(db, meta.id);
    expect(loaded.meta).toEqual(meta);
    expect(loaded.table.rowCount).toBe(300);
    expect((await listDatasets(db)).map((d) => d.name).sort()).toEqual(['weather', 'weather (sample)']);
  });

  it('deletes the chunks, the record and the sample together', async () => {
    const meta = await importStreamed('big-2' as DatasetId);
    expect(await countChunks()).toBe(3 * 3 + 3 * 1);
    await deleteDataset(db, meta.id);
    expect(await countChunks()).toBe(0);
    expect(await listDatasets(db)).toEqual([]);
    await expect(openStoredChunkSource(db, meta.id)).rejects.toThrow(/No stored dataset has id "big-2"/);
  });

  it('discards the chunks written when the import is cancelled', async () => {
    const sink = createStoredChunkSink(db, 'big-3' as DatasetId);
    const abort = new AbortController();
    const run = importCsvStreamed(blobOf(CSV), 'weather.csv', DEFAULT_IMPORT_OPTIONS, { sink, chunkRows: 500, headBytes: 2_048, pieceBytes: 4_096 }, (p) => { if (p.rows >= 1_000) abort.abort(); }, abort.signal);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(await countChunks()).toBe(0);
  });
});
