import { describe, expect, it } from 'vitest';
import type { Table } from '../core/table/types';
import { copyTableForTransfer } from './copy-table-for-transfer';

describe('copyTableForTransfer', () => {
  it('copies every column onto its own buffers, pausing between columns once a slice is used up', async () => {
    const shared = new Float64Array([9, 1, 2, 9]);
    const table: Table = {
      rowCount: 2,
      columns: [
        { kind: 'numeric', name: 'n', values: shared.subarray(1, 3), integer: true },
        { kind: 'categorical', name: 'c', codes: Int32Array.from([0, -1]), levels: ['a'] },
        { kind: 'datetime', name: 'd', values: Float64Array.from([0, NaN]) },
        { kind: 'boolean', name: 'b', values: Uint8Array.from([1, 255]) },
        { kind: 'text', name: 't', bytes: Uint8Array.from([104, 105]), offsets: Uint32Array.from([0, 2, 2]), missing: Uint8Array.from([0, 1]) },
      ],
    };
    let pauses = 0;
    const copy = await copyTableForTransfer(table, async () => void pauses++, 0);
    const arrays = (t: Table): ArrayBufferView[] => t.columns.flatMap((c): ArrayBufferView[] => (c.kind === 'categorical' ? [c.codes] : c.kind === 'text' ? [c.bytes, c.offsets, c.missing] : [c.values]));
    const shares = arrays(copy).map((array, i) => array.buffer === arrays(table)[i].buffer);
    let pausesWithLongSlices = 0;
    await copyTableForTransfer(table, async () => void pausesWithLongSlices++, 60_000);
    expect({ copy, pauses, pausesWithLongSlices, shares, ownBuffer: copy.columns[0].kind === 'numeric' && copy.columns[0].values.buffer.byteLength }).toEqual({
      copy: table,
      pauses: 5,
      pausesWithLongSlices: 0,
      shares: [false, false, false, false, false, false, false],
      ownBuffer: 16,
    });
  });
});
