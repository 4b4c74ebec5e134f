import { describe, expect, it } from 'vitest';
import type { DatasetId } from '../core/notebook/types';
import { createTextColumn } from '../core/table/text-column';
import { assembleColumn, CHUNK_ROWS, countChunkRows, measureChunkBytes, sliceColumnIntoChunks } from './chunks';
import type { TextChunk } from './records';

const ID = 'd1' as DatasetId;
const META = { name: 'note', kind: 'text' as const };

/** CHUNK_ROWS + 2 rows: every third missing, the rest non-ASCII ("é" is 2 UTF-8 bytes). */
function buildNotes(): (string | null)[] {
  return Array.from({ length: CHUNK_ROWS + 2 }, (_, row) => (row % 3 === 0 ? null : `é${row}`));
}

describe('text chunks', () => {
  it('cuts packed text at the chunk boundary with offsets rebased to 0, each chunk on its own buffers', () => {
    const column = createTextColumn('note', buildNotes());
    const chunks = sliceColumnIntoChunks(ID, 4, column);
    expect(chunks.length).toBe(2);
    expect(chunks[1]).toEqual({
      datasetId: ID,
      columnIndex: 4,
      chunkIndex: 1,
      values: { bytes: new TextEncoder().encode('é65536é65537'), offsets: new Uint32Array([0, 7, 14]), missing: new Uint8Array([0, 0]) },
    });
    const first = chunks[0].values as TextChunk;
    expect([first.offsets[0], first.offsets.length, first.missing.length, countChunkRows(first)]).toEqual([0, CHUNK_ROWS + 1, CHUNK_ROWS, CHUNK_ROWS]);
    const ownsBuffers = chunks.every(({ values }) => Object.values(values as TextChunk).every((array: Uint8Array | Uint32Array) => array.buffer.byteLength === array.byteLength));
    expect(ownsBuffers).toBe(true);
    expect(measureChunkBytes(chunks[1].values)).toBe(14 + 12 + 2);
  });

  it('reassembles packed chunks into the original column', () => {
    const column = createTextColumn('note', buildNotes(), true);
    const chunks = sliceColumnIntoChunks(ID, 0, column).map((chunk) => chunk.values);
    expect(assembleColumn({ ...META, idLike: true }, chunks, CHUNK_ROWS + 2, 'ds')).toEqual(column);
  });

  it('reads string-array chunks written before packed text, also mixed with packed ones', () => {
    const packed = sliceColumnIntoChunks(ID, 0, createTextColumn('note', ['b', null, 'ü']))[0].values;
    expect(assembleColumn(META, [['a', null], packed, ['東京']], 6, 'ds')).toEqual(createTextColumn('note', ['a', null, 'b', null, 'ü', '東京']));
    // Legacy chunks keep their old size measure (8 per value + 2 per UTF-16 unit), so old storedBytes stay consistent.
    expect(measureChunkBytes(['a', null, 'bc'])).toBe(8 + 2 + 8 + 8 + 4);
  });

  it('refuses a text column whose chunks hold too few rows, naming the dataset and column', () => {
    expect(() => assembleColumn(META, [['a']], 2, 'penguins')).toThrow(
      'Dataset "penguins" is damaged: column "note" has 1 of 2 rows stored. Delete it and import the file again.',
    );
  });
});
