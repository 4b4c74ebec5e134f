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

/** Writes the fields of text[from, to) (split at `delimiter`, a char code) as the block's next row; returns how many there were. */
export function splitPlainRow(text: string, from: number, to: number, delimiter: number, block: CsvCellBlock): number {
  const { starts, ends, columns } = block;
  const base = block.rows++ * columns;
  let field = 0;
  let start = from;
  for (let p = from; p < to; p++) {
    if (text.charCodeAt(p) !== delimiter) continue;
    if (field < columns) {
      starts[base + field] = start;
      ends[base + field] = p;
    }
    field++;
    start = p + 1;
  }
  if (field < columns) {
    starts[base + field] = start;
    ends[base + field] = to;
  }
  field++;
  for (let c = field; c < columns; c++) starts[base + c] = -1;
  return field;
}
