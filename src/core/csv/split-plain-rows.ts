// Field bounds of quote-free CSV rows, written into a reused block instead of strings, so a scanner can read a
// number or look up a category straight from the decoded text (parse-csv.ts fills it, import-csv.ts reads it).

/**
 * Rows of one text: field c of block row r is text[starts[r·columns + c], ends[…]), or absent (start −1) in a short
 * row; fields past `columns` are not kept.
 */
export interface CsvCellBlock {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
  /** Rows filled so far. */
  rows: number;
  /** Rows the arrays hold. */
  capacity: number;
  columns: number;
}

/** Rows per block: 4,096 × 14 columns of bounds is ~460 KB, reused for the whole file. */
const BLOCK_ROWS = 4096;

/** Creates an empty block for rows of `columns` fields. */
export function createCellBlock(columns: number, capacity = BLOCK_ROWS): CsvCellBlock {
  const size = Math.max(1, columns) * capacity;
  return { text: '', starts: new Int32Array(size), ends: new Int32Array(size), rows: 0, capacity, columns };
}

/**
 * Splits rows of one text at a one-character delimiter. String indexOf finds delimiters ~2× faster than a
 * charCodeAt loop; the next delimiter found past a row is remembered, so rows without one cost no rescans.
 */
export class PlainRowSplitter {
  /** The first delimiter at or after the last row split (text.length when none is left; −1 for a new text). */
  private next = -1;

  constructor(private readonly delimiter: string) {}

  /** Starts on a new text. */
  start(): void {
    this.next = -1;
  }

  /** Writes the fields of text[from, to) as the block's next row; returns how many there were. Rows of one text come in order. */
  split(text: string, from: number, to: number, block: CsvCellBlock): number {
    if (this.next < from) this.next = this.find(text, from);
    const { starts, ends, columns } = block;
    const base = block.rows++ * columns;
    let field = 0;
    let start = from;
    let q = this.next;
    for (; q < to; q = this.find(text, q + 1)) {
      if (field < columns) {
        starts[base + field] = start;
        ends[base + field] = q;
      }
      field++;
      start = q + 1;
    }
    this.next = q;
    if (field < columns) {
      starts[base + field] = start;
      ends[base + field] = to;
    }
    field++;
    for (let c = field; c < columns; c++) starts[base + c] = -1;
    return field;
  }

  private find(text: string, from: number): number {
    const at = text.indexOf(this.delimiter, from);
    return at === -1 ? text.length : at;
  }
}
