// A seeded uniform sample of a streamed table's rows (reservoir sampling, Vitter's Algorithm R): every row is kept
// with the same probability, whatever the file's length, in memory for `capacity` rows. The sample comes back in
// file order.

import { createRandom } from '../random/prng';
import { textAt } from '../table/text-column';
import { buildTextColumn } from './build-text-column';
import type { Column, Table, TextColumn } from '../table/types';
import type { StreamColumnSchema } from './stream-import-chunks';

type Slots = Float64Array | Uint8Array | Int32Array | (string | null)[];

/** Keeps up to `capacity` rows drawn uniformly from every chunk offered. */
export class RowReservoir {
  private seen = 0;
  private readonly rowOf: Float64Array;
  private readonly slots: Slots[];
  private readonly random: () => number;

  constructor(readonly schema: readonly StreamColumnSchema[], readonly capacity: number, seed: number) {
    this.random = createRandom(seed);
    this.rowOf = new Float64Array(capacity);
    this.slots = schema.map((column) => {
      if (column.kind === 'numeric' || column.kind === 'datetime') return new Float64Array(capacity);
      if (column.kind === 'boolean') return new Uint8Array(capacity);
      if (column.kind === 'categorical') return new Int32Array(capacity);
      return new Array<string | null>(capacity).fill(null);
    });
  }

  /** Offers the chunk's rows, which follow every row offered before. */
  offer(chunk: Table): void {
    for (let r = 0; r < chunk.rowCount; r++) {
      const g = this.seen++;
      const slot = g < this.capacity ? g : Math.floor(this.random() * (g + 1));
      if (slot >= this.capacity) continue;
      this.rowOf[slot] = g;
      for (let c = 0; c < chunk.columns.length; c++) copyCell(chunk.columns[c], r, this.slots[c], slot);
    }
  }

  /** The sample in file order; categorical columns take `schema`'s levels as they are now. */
  finish(): { table: Table; rowIndices: Float64Array } {
    const n = Math.min(this.seen, this.capacity);
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => this.rowOf[a] - this.rowOf[b]);
    const columns = this.schema.map((column, c) => gatherColumn(column, this.slots[c], order));
    return { table: { rowCount: n, columns }, rowIndices: Float64Array.from(order, (i) => this.rowOf[i]) };
  }
}

function copyCell(column: Column, r: number, slots: Slots, slot: number): void {
  if (column.kind === 'text') (slots as (string | null)[])[slot] = readTextCell(column, r);
  else if (column.kind === 'categorical') (slots as Int32Array)[slot] = column.codes[r];
  else (slots as Float64Array | Uint8Array)[slot] = column.values[r];
}

function gatherColumn(column: StreamColumnSchema, slots: Slots, order: readonly number[]): Column {
  const { name } = column;
  if (column.kind === 'text') {
    const texts = slots as (string | null)[];
    return buildTextColumn(name, order.map((i) => texts[i]), column.idLike ?? false);
  }
  if (column.kind === 'categorical') return { kind: 'categorical', name, codes: gather(slots as Int32Array, new Int32Array(order.length), order), levels: column.levels!.slice() };
  if (column.kind === 'boolean') return { kind: 'boolean', name, values: gather(slots as Uint8Array, new Uint8Array(order.length), order) };
  return { kind: column.kind, name, values: gather(slots as Float64Array, new Float64Array(order.length), order) };
}

/** target[k] = slots[order[k]] (a loop: TypedArray.from with a map function was ~10× slower). */
function gather<T extends Float64Array | Int32Array | Uint8Array>(slots: T, target: T, order: readonly number[]): T {
  for (let k = 0; k < order.length; k++) target[k] = slots[order[k]];
  return target;
}

/** textAt, with short ASCII cells made by String.fromCharCode (TextDecoder per cell cost ~1 µs in Chromium). */
function readTextCell(column: TextColumn, r: number): string | null {
  if (column.missing[r] === 1) return null;
  const from = column.offsets[r];
  const to = column.offsets[r + 1];
  if (to - from > 64) return textAt(column, r);
  let ascii = true;
  for (let i = from; i < to && ascii; i++) ascii = column.bytes[i] < 128;
  return ascii ? String.fromCharCode.apply(null, column.bytes.subarray(from, to) as unknown as number[]) : textAt(column, r);
}
