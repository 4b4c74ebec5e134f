import { describe, expect, it } from 'vitest';
import { blobOf } from '../../test-support/table-builders';
import { DEFAULT_IMPORT_OPTIONS } from '../notebook/types';
import { createRandom } from '../random/prng';
import { readTexts } from '../table/text-column';
import type { Column, Table } from '../table/types';
import { estimateDistinct } from '../stats/sketches/hyper-log-log';
import { estimateQuantile } from '../stats/sketches/kll-sketch';
import { parseColumnSketch } from '../stats/sketches/column-sketch';
import { importFile } from './import-file';
import { importCsvStreamed, type StreamChunkSink, type StreamImportSettings } from './stream-import';
import { chooseSampleRows } from './stream-import-schema';

/** A seeded CSV of `rows` rows: ids, decimals with gaps, integers, categories, flags, dates and quoted text (commas, newlines, quotes). */
function makeCsv(rows: number, seed = 3): string {
  const random = createRandom(seed);
  const lines = ['row_id,x,n,cat,flag,day,note'];
  for (let i = 0; i < rows; i++) {
    const x = random() < 0.05 ? 'NA' : (random() * 200 - 100).toFixed(3);
    const cat = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'][Math.floor(random() * 5)];
    const day = `20${10 + Math.floor(random() * 10)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`;
    const note = i % 97 === 0 ? `"said ""hi"", then\nleft ${i}"` : `"note ${i % 3000}, ok"`;
    lines.push(`${i},${x},${Math.floor(random() * 50)},${cat},${random() < 0.5 ? 'yes' : 'no'},${day},${note}`);
  }
  return lines.join('\n') + '\n';
}

/** A sink keeping chunks in memory. */
function createMemorySink() {
  const chunks: Table[] = [];
  let discarded = false;
  const sink: StreamChunkSink = {
    write: async (index, chunk) => { chunks[index] = chunk; },
    discard: async () => { discarded = true; chunks.length = 0; },
  };
  return { sink, chunks, wasDiscarded: () => discarded };
}

/** A column's values as plain JS values (codes as their level texts, given the final `levels`). */
function readValues(column: Column, levels?: readonly string[]): unknown[] {
  if (column.kind === 'text') return readTexts(column);
  if (column.kind === 'categorical') return Array.from(column.codes, (code) => (code < 0 ? null : (levels ?? column.levels)[code]));
  return Array.from(column.values);
}

const SMALL: Omit<StreamImportSettings, 'sink'> = { chunkRows: 1_000, headBytes: 64 * 1024, pieceBytes: 100_000, sampleRows: 2_000 };

describe('importCsvStreamed', () => {
  const text = makeCsv(30_000);
  const file = blobOf(text);

  it('stores every row in chunks with the same values as the ordinary import, column by column', async () => {
    const whole = await importFile(file, 'big.csv', DEFAULT_IMPORT_OPTIONS);
    const memory = createMemorySink();
    const result = await importCsvStreamed(file, 'big.csv', DEFAULT_IMPORT_OPTIONS, { sink: memory.sink, ...SMALL });
    expect(text.length).toBeGreaterThan(1_500_000);
    expect(result.rowCount).toBe(30_000);
    expect(result.chunkCount).toBe(30);
    expect(memory.chunks.map((chunk) => chunk.rowCount)).toEqual(new Array(30).fill(1_000));
    expect(result.headRows).toBeLessThan(2_000);
    expect(result.columns.map((c) => c.kind)).toEqual(whole.table.columns.map((c) => c.kind));
    expect(result.columns.map((c) => c.kind)).toEqual(['text', 'numeric', 'numeric', 'categorical', 'boolean', 'datetime', 'text']);
    result.columns.forEach((meta, c) => {
      const streamed = memory.chunks.flatMap((chunk) => readValues(chunk.columns[c], meta.levels));
      expect(streamed, meta.name).toEqual(readValues(whole.table.columns[c]));
    });
    expect(result.sample.warnings.filter((w) => w.code === 'mixed-types')).toEqual([]);
    expect(result.sample.contentHash).toBe(whole.contentHash);
    expect(result.sample.inference.map((i) => i.missing)).toEqual(whole.inference.map((i) => i.missing));
  });

  it('sketches every row: exact count, missing, mean, min and max; quantiles and distinct counts within their bounds', async () => {
    const whole = await importFile(file, 'big.csv', DEFAULT_IMPORT_OPTIONS);
    const result = await importCsvStreamed(file, 'big.csv', DEFAULT_IMPORT_OPTIONS, { sink: createMemorySink().sink, ...SMALL });
    const x = whole.table.columns[1];
    if (x.kind !== 'numeric') throw new Error('x should be numeric');
    const present = Array.from(x.values).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    const sketch = parseColumnSketch(result.sketches[1]);
    if (sketch.kind !== 'numeric') throw new Error('sketch of x should be numeric');
    expect(sketch.moments.count).toBe(present.length);
    expect(sketch.moments.missing).toBe(30_000 - present.length);
    expect(sketch.moments.mean).toBeCloseTo(present.reduce((a, b) => a + b, 0) / present.length, 9);
    expect([sketch.moments.min, sketch.moments.max]).toEqual([present[0], present[present.length - 1]]);
    const median = estimateQuantile(sketch.quantiles, 0.5);
    const rank = present.filter((v) => v <= median).length / present.length;
    expect(Math.abs(rank - 0.5)).toBeLessThan(0.0133);
    const distinct = new Set(present).size;
    expect(Math.abs(estimateDistinct(sketch.distinct) / distinct - 1)).toBeLessThan(3 * 0.0081);
    const cat = parseColumnSketch(result.sketches[3]);
    expect(cat.kind === 'categorical' && cat.levelCounts.reduce((a, b) => a + b, 0)).toBe(30_000);
  });

  it('reads quote-free rows (numbers, levels, dates, flags and text read in place) the same as the ordinary import', async () => {
    const random = createRandom(9);
    const lines = ['code,flag,size,kind,when,label'];
    for (let i = 0; i < 6_000; i++) {
      const flag = ['Yes', 'no', 'NA', ' yes', 'Y'][i % 5];
      const label = i % 7 === 0 ? '' : i % 11 === 0 ? ' padded ' : i % 13 === 0 ? 'café' : `l${Math.floor(random() * 1e6)}`;
      lines.push(`K-${i * 37},${flag},${i % 17 === 0 ? 'NA' : (random() * 10).toFixed(2)},${['a', 'b', ' c'][i % 3]},2020-01-${String(1 + (i % 28)).padStart(2, '0')},${label}`);
    }
    const plain = blobOf(lines.join('\r\n'));
    const whole = await importFile(plain, 'plain.csv', DEFAULT_IMPORT_OPTIONS);
    const memory = createMemorySink();
    const result = await importCsvStreamed(plain, 'plain.csv', DEFAULT_IMPORT_OPTIONS, { sink: memory.sink, chunkRows: 700, headBytes: 30_000, pieceBytes: 20_000 });
    expect(result.columns.map((c) => c.kind)).toEqual(['text', 'boolean', 'numeric', 'categorical', 'datetime', 'text']);
    result.columns.forEach((meta, c) => {
      expect(memory.chunks.flatMap((chunk) => readValues(chunk.columns[c], meta.levels)), meta.name).toEqual(readValues(whole.table.columns[c]));
    });
    expect(readValues(result.sample.table.columns[5]).slice(0, 12)).toEqual(readValues(whole.table.columns[5]).slice(0, 12));
  });

  it('draws a seeded uniform sample in file order: same seed same rows, another seed other rows', async () => {
    const run = (seed: number) => importCsvStreamed(file, 'big.csv', DEFAULT_IMPORT_OPTIONS, { sink: createMemorySink().sink, ...SMALL, seed });
    const [a, b, c] = await Promise.all([run(5), run(5), run(6)]);
    const ids = (r: Awaited<ReturnType<typeof run>>) => readValues(r.sample.table.columns[0]).map(Number);
    expect(a.sample.table.rowCount).toBe(2_000);
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a)).not.toEqual(ids(c));
    expect(ids(a)).toEqual([...ids(a)].sort((p, q) => p - q));
    // Uniform: the sample's mean row id is near the file's (29,999 / 2), within 4 standard errors.
    const mean = ids(a).reduce((s, v) => s + v, 0) / 2_000;
    expect(Math.abs(mean - 14_999.5)).toBeLessThan(4 * (30_000 / Math.sqrt(12)) / Math.sqrt(2_000));
  });

  it('lowers the sample to a quarter of the memory budget, never below 1,000 rows', () => {
    const table: Table = { rowCount: 10, columns: [{ kind: 'numeric', name: 'a', values: new Float64Array(10) }, { kind: 'categorical', name: 'b', codes: new Int32Array(10), levels: ['x'] }] };
    expect(chooseSampleRows(table, 200_000, 4 * 1024 ** 3)).toBe(200_000);
    expect(chooseSampleRows(table, 200_000, 2_000_000)).toBe(25_000); // 500,000 bytes / 20 bytes per row
    expect(chooseSampleRows(table, 200_000, 1_000)).toBe(1_000);
  });

  it('reads values that do not fit the head\'s types as missing and warns with the column, count and first row', async () => {
    const rows = ['a,b,c', ...Array.from({ length: 3_000 }, (_, i) => `${i},${i % 2 === 0 ? 'x' : 'y'},${i > 2_500 && i % 100 === 0 ? 'oops' : i * 0.5}`)];
    rows.push('3000,new-level,1');
    const memory = createMemorySink();
    const result = await importCsvStreamed(blobOf(rows.join('\n')), 'mixed.csv', DEFAULT_IMPORT_OPTIONS, { sink: memory.sink, chunkRows: 500, headBytes: 4_096, pieceBytes: 8_192 });
    expect(result.rowCount).toBe(3_001);
    expect(result.columns[1].levels).toEqual(['x', 'y', 'new-level']);
    const c = memory.chunks.flatMap((chunk) => readValues(chunk.columns[2]));
    expect(c.filter((v) => Number.isNaN(v)).length).toBe(4);
    const warning = result.sample.warnings.find((w) => w.code === 'mixed-types');
    expect(warning?.message).toContain('Column "c" was typed numeric');
    expect(warning?.message).toContain('4 later values are not numbers (the first, "oops", on data row 2,601)');
  });

  it('discards what it stored and rejects with an AbortError when cancelled', async () => {
    const memory = createMemorySink();
    const abort = new AbortController();
    const run = importCsvStreamed(file, 'big.csv', DEFAULT_IMPORT_OPTIONS, { sink: memory.sink, ...SMALL }, (p) => { if (p.rows > 5_000) abort.abort(); }, abort.signal);
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(memory.wasDiscarded()).toBe(true);
    expect(memory.chunks).toEqual([]);
  });

  it('refuses a JSON file with a message saying what to do', async () => {
    await expect(importCsvStreamed(blobOf('[{"a":1}]'), 'x.json', DEFAULT_IMPORT_OPTIONS, { sink: createMemorySink().sink })).rejects.toThrow(/only CSV and TSV files can be imported streamed/);
  });
});
