import { describe, expect, it } from 'vitest';
import { chunkSourceFromTable } from './chunk-source';
import { numericColumn, tableOf } from '../../test-support/table-builders';

describe('chunkSourceFromTable', () => {
  it('serves the rows in order, the last chunk short', async () => {
    const source = chunkSourceFromTable(tableOf(numericColumn('x', [1, 2, 3, 4, 5])), 2);
    const chunks = await Promise.all([0, 1, 2].map((i) => source.readChunk(i)));
    expect({ rows: source.rowCount, chunks: source.chunkCount, values: chunks.map((c) => Array.from((c.columns[0] as { values: Float64Array }).values)) })
      .toEqual({ rows: 5, chunks: 3, values: [[1, 2], [3, 4], [5]] });
  });

  it('refuses a chunk outside the table and a chunk size below 1', async () => {
    const source = chunkSourceFromTable(tableOf(numericColumn('x', [1])), 4);
    await expect(source.readChunk(1)).rejects.toThrow('chunk 1 is outside 0..0');
    expect(() => chunkSourceFromTable(tableOf(numericColumn('x', [1])), 0)).toThrow('chunkRows must be a whole number');
  });
});
