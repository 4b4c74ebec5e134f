import { describe, expect, it } from 'vitest';
import type { Table } from './types';
import { copyTable } from './copy-table';

describe('copyTable', () => {
  it('copies every column onto its own buffers (a view into a larger buffer gets one of its own size)', () => {
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
    const copy = copyTable(table);
    const arrays = (t: Table): ArrayBufferView[] => t.columns.flatMap((c): ArrayBufferView[] => (c.kind === 'categorical' ? [c.codes] : c.kind === 'text' ? [c.bytes, c.offsets, c.missing] : [c.values]));
    const shares = arrays(copy).map((array, i) => array.buffer === arrays(table)[i].buffer);
    expect({ copy, shares, ownBuffer: copy.columns[0].kind === 'numeric' && copy.columns[0].values.buffer.byteLength }).toEqual({
      copy: table,
      shares: [false, false, false, false, false, false, false],
      ownBuffer: 16,
    });
  });
});
