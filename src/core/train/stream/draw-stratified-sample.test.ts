import { describe, expect, it } from 'vitest';
import { chunkSourceFromTable } from '../../table/chunk-source';
import type { CategoricalColumn, NumericColumn, Table } from '../../table/types';
import { allocateStrata } from './allocate-strata';
import { drawStratifiedSample } from './draw-stratified-sample';

/** 1,000 rows: "id" = row index, "kind" = 'rare' on every 100th row (10 rows), else 'common'. */
function createTable(): Table {
  const rows = 1000;
  return {
    rowCount: rows,
    columns: [
      { kind: 'numeric', name: 'id', values: Float64Array.from({ length: rows }, (_, i) => i) },
      { kind: 'categorical', name: 'kind', codes: Int32Array.from({ length: rows }, (_, i) => (i % 100 === 0 ? 1 : 0)), levels: ['common', 'rare'] },
    ],
  };
}

const ids = (table: Table): number[] => Array.from((table.columns[0] as NumericColumn).values);

describe('allocateStrata', () => {
  it('gives each class its floor, the rest in proportion, never more rows than a class has', () => {
    expect(allocateStrata([990, 10], 100)).toEqual([94, 6]);
    expect(allocateStrata([99_000, 1000], 10_000)).toEqual([9851, 149]);
    expect(allocateStrata([600, 300, 100], 100)).toEqual([58, 30, 12]);
    expect(allocateStrata([5, 3], 100)).toEqual([5, 3]);
  });
});

describe('drawStratifiedSample', () => {
  const target = { column: 'kind', task: 'classification' } as const;

  it('keeps a rare class at its floor and samples the rest in proportion, in source order', async () => {
    const sample = await drawStratifiedSample(chunkSourceFromTable(createTable(), 64), target, 100, 7);
    expect(sample.strata).toEqual([{ label: 'rare', seenRows: 10, sampledRows: 6 }, { label: 'common', seenRows: 990, sampledRows: 94 }]);
    expect(sample.table.rowCount).toBe(100);
    const kinds = (sample.table.columns[1] as CategoricalColumn).codes;
    expect(kinds.filter((c) => c === 1).length).toBe(6);
    expect(ids(sample.table)).toEqual([...ids(sample.table)].sort((a, b) => a - b));
    expect(Array.from(sample.rows)).toEqual(ids(sample.table));
  });

  it('is the same sample for a seed whatever the chunk size, and another for another seed', async () => {
    const a = await drawStratifiedSample(chunkSourceFromTable(createTable(), 64), target, 100, 7);
    const b = await drawStratifiedSample(chunkSourceFromTable(createTable(), 1000), target, 100, 7);
    const c = await drawStratifiedSample(chunkSourceFromTable(createTable(), 64), target, 100, 8);
    expect(ids(b.table)).toEqual(ids(a.table));
    expect(ids(c.table)).not.toEqual(ids(a.table));
  });

  it('draws a uniform sample for a regression target, spread over the whole source', async () => {
    const sample = await drawStratifiedSample(chunkSourceFromTable(createTable(), 50), { column: 'id', task: 'regression' }, 200, 3);
    expect(sample.strata).toBeNull();
    expect(sample.table.rowCount).toBe(200);
    const values = ids(sample.table);
    expect(values.filter((v) => v < 500).length).toBeGreaterThan(80);
    expect(values.filter((v) => v >= 500).length).toBeGreaterThan(80);
  });

  it('returns every row when the source has fewer than asked', async () => {
    const sample = await drawStratifiedSample(chunkSourceFromTable(createTable(), 300), null, 5000, 1);
    expect(ids(sample.table)).toEqual(ids(createTable()));
  });

  it('names a missing target column', async () => {
    await expect(drawStratifiedSample(chunkSourceFromTable(createTable(), 300), { column: 'nope', task: 'classification' }, 10, 1)).rejects.toThrow(/"nope".*id, kind/);
  });
});
