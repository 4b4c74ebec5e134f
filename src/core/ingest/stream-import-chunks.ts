// Turns parsed rows into typed column chunks of the schema the file's head was inferred with (a streamed import
// types every later row the same way). A value that does not fit its column's type becomes missing and is counted
// per column (count and first row) for a warning; categorical columns append levels first seen later, so codes
// already stored stay valid. Buffers are kept per kind (numbers, codes, flags, texts) so every store is monomorphic:
// one array of mixed typed arrays made Chromium's stores megamorphic and the import ~6× slower.

import { isTokenIn, parseBooleanIn, TextChunkPacker } from './stream-import-text-cells';
import { matchDate, matchDateIn, parseDate, type DateFormat, type DateMatch } from './parse-datetime';
import { TextDictionary } from './text-dictionary';
import { parseBoolean } from './parse-boolean';
import { parseNumber, parseNumberIn } from './parse-number';
import type { CsvCellBlock } from '../csv/split-plain-rows';
import { BOOLEAN_MISSING, type Column, type ColumnKind, type Table } from '../table/types';

/** A column as the head typed it; `dateFormat` for datetime, `levels` (grown here) for categorical. */
export interface StreamColumnSchema {
  name: string;
  kind: ColumnKind;
  dateFormat?: DateFormat;
  levels?: string[];
  idLike?: boolean;
}

/** Values of a column that did not fit its type: how many, and the first (1-based data row, text). */
export interface Misfits {
  count: number;
  firstRow: number;
  firstText: string;
}

/** New levels a categorical column may take after the head's; later ones are read as missing (misfits). */
export const MAX_STREAM_LEVELS = 65_536;

const NUMERIC = 0;
const DATETIME = 1;
const BOOLEAN = 2;
const CATEGORICAL = 3;
const TEXT = 4;
const KIND_CODES: Record<ColumnKind, number> = { numeric: NUMERIC, datetime: DATETIME, boolean: BOOLEAN, categorical: CATEGORICAL, text: TEXT };

/** Fills chunks of `chunkRows` rows; `addRows`/`addBlock` return the chunks they completed (`flush` the last, partial one). */
export class StreamChunkBuilder {
  readonly misfits: (Misfits | null)[];
  /** Numeric columns: every present value so far is an integer. */
  readonly integers: boolean[];
  private readonly kinds: Uint8Array;
  private numbers: Float64Array[] = [];
  private codes: Int32Array[] = [];
  private flags: Uint8Array[] = [];
  private texts: (TextChunkPacker | null)[] = [];
  private readonly tokenList: string[];
  private rows = 0;
  private rowsBefore = 0;
  private readonly levelIndex: (TextDictionary | null)[];
  private readonly hit: DateMatch = { spelling: null, ms: NaN };
  /** Numeric columns whose finite numbers addBlock may store without the cell path. */
  private readonly readsNumbers: boolean[];

  constructor(readonly schema: readonly StreamColumnSchema[], readonly chunkRows: number, private readonly tokens: ReadonlySet<string>) {
    this.kinds = Uint8Array.from(schema, (column) => KIND_CODES[column.kind]);
    this.tokenList = [...tokens];
    this.misfits = schema.map(() => null);
    this.integers = schema.map(() => true);
    this.levelIndex = schema.map((column) => (column.kind === 'categorical' ? createDictionary(column.levels ?? []) : null));
    this.allocate();
    // A finite number is never a missing token unless the user made one a token ("-999"): then every cell is checked.
    const numericToken = [...tokens].some((token) => parseNumber(token) === parseNumber(token));
    this.readsNumbers = schema.map((column) => column.kind === 'numeric' && !numericToken);
  }

  /** Adds parsed rows (a short row's absent fields are missing; fields past the schema are ignored). */
  addRows(rows: readonly (readonly string[])[]): Table[] {
    const done: Table[] = [];
    const n = this.schema.length;
    for (const row of rows) {
      const r = this.rows++;
      for (let c = 0; c < n; c++) this.addCell(c, r, row[c]);
      if (this.rows === this.chunkRows) done.push(this.flush()!);
    }
    return done;
  }

  /**
   * Adds quote-free rows given as field bounds (parse-csv.ts onCells): a number is read straight from the text, any
   * other cell (or a number column meeting something else) goes through the cell path with its string.
   */
  addBlock(block: CsvCellBlock): Table[] {
    const done: Table[] = [];
    const { text, starts, ends, columns } = block;
    const n = this.schema.length;
    for (let k = 0, base = 0; k < block.rows; k++, base += columns) {
      const r = this.rows++;
      for (let c = 0; c < n; c++) {
        const from = c < columns ? starts[base + c] : -1;
        if (from < 0) {
          this.addCell(c, r, undefined);
          continue;
        }
        const to = ends[base + c];
        const kind = this.kinds[c];
        // Known levels, numbers and ISO dates are read from the text without making the cell's string (as the
        // ordinary import's scanner does); anything else takes the cell path.
        if (kind === CATEGORICAL) {
          const code = this.levelIndex[c]!.codeOfIn(text, from, to);
          if (code >= 0) {
            this.codes[c][r] = code;
            continue;
          }
        } else if (kind === NUMERIC && this.readsNumbers[c]) {
          const x = parseNumberIn(text, from, to);
          if (x - x === 0) {
            this.numbers[c][r] = x;
            if (this.integers[c] && !Number.isInteger(x)) this.integers[c] = false;
            continue;
          }
        } else if (kind === DATETIME && matchDateIn(text, from, to, this.hit) && this.hit.spelling !== 'slash') {
          this.numbers[c][r] = this.hit.ms;
          continue;
        } else if ((kind === TEXT || kind === BOOLEAN) && !isPadded(text, from, to)) {
          if (isTokenIn(this.tokenList, text, from, to)) this.addCell(c, r, undefined);
          else if (kind === TEXT) this.texts[c]!.addRange(r, text, from, to);
          else {
            const b = parseBooleanIn(text, from, to);
            if (b < 0) this.addCell(c, r, text.slice(from, to));
            else this.flags[c][r] = b;
          }
          continue;
        }
        this.addCell(c, r, text.slice(from, to));
      }
      if (this.rows === this.chunkRows) done.push(this.flush()!);
    }
    return done;
  }

  /** The rows added since the last chunk, as a chunk (null when none). */
  flush(): Table | null {
    if (this.rows === 0) return null;
    const n = this.rows;
    const columns = this.schema.map((column, c) => this.buildColumn(column, c, n));
    this.rowsBefore += n;
    this.rows = 0;
    this.allocate();
    return { rowCount: n, columns };
  }

  private addCell(c: number, r: number, v: string | undefined): void {
    // As isMissingCell: the trimmed text is a missing token (trimmed once here, for the parsers below too).
    const t = v === undefined ? '' : v.length > 0 && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32) ? v.trim() : v;
    const missing = v === undefined || this.tokens.has(t);
    switch (this.kinds[c]) {
      case TEXT:
        if (missing) this.texts[c]!.addMissing(r);
        else this.texts[c]!.addRange(r, v, 0, v.length);
        return;
      case CATEGORICAL:
        this.codes[c][r] = missing ? -1 : this.codeOf(c, r, v);
        return;
      case BOOLEAN: {
        const b = missing ? -1 : parseBoolean(t);
        if (b < 0 && !missing) this.noteMisfit(c, r, v);
        this.flags[c][r] = b < 0 ? BOOLEAN_MISSING : b;
        return;
      }
      default: {
        let x = NaN;
        if (!missing) {
          x = this.kinds[c] === NUMERIC ? parseNumber(t) : this.parseDateCell(t, this.schema[c].dateFormat);
          // NaN (not a number or date) or ±Infinity (beyond float64's range; the ordinary import drops it too).
          if (x - x !== 0) {
            this.noteMisfit(c, r, v);
            x = NaN;
          } else if (this.integers[c] && !Number.isInteger(x)) this.integers[c] = false;
        }
        this.numbers[c][r] = x;
      }
    }
  }

  private codeOf(c: number, r: number, v: string): number {
    const index = this.levelIndex[c]!;
    const code = index.codeOf(v);
    if (code >= 0) return code;
    const levels = this.schema[c].levels!;
    if (levels.length >= MAX_STREAM_LEVELS) {
      this.noteMisfit(c, r, v);
      return -1;
    }
    levels.push(v);
    return index.add(v);
  }

  /** As infer-column's parseCell: n/n/yyyy in the column's order, other spellings as they are. */
  private parseDateCell(t: string, format: DateFormat | undefined): number {
    if (!matchDate(t, this.hit)) return NaN;
    return this.hit.spelling === 'slash' ? parseDate(t, format === 'dd/mm/yyyy' ? 'dd/mm/yyyy' : 'mm/dd/yyyy') : this.hit.ms;
  }

  private noteMisfit(c: number, r: number, v: string): void {
    const seen = this.misfits[c];
    if (seen) seen.count++;
    else this.misfits[c] = { count: 1, firstRow: this.rowsBefore + r + 1, firstText: v };
  }

  private buildColumn(column: StreamColumnSchema, c: number, n: number): Column {
    const { name } = column;
    switch (column.kind) {
      case 'numeric':
      case 'datetime':
        return { kind: column.kind, name, values: fit(this.numbers[c], n) };
      case 'boolean':
        return { kind: 'boolean', name, values: fit(this.flags[c], n) };
      case 'categorical':
        return { kind: 'categorical', name, codes: fit(this.codes[c], n), levels: column.levels!.slice() };
      case 'text':
        return this.texts[c]!.finish(name, n, column.idLike ?? false);
    }
  }

  /** Fresh buffers for the next chunk (a full chunk's arrays went into its columns); unused kinds get empty ones. */
  private allocate(): void {
    const n = this.chunkRows;
    const has = (c: number, ...kinds: number[]) => kinds.includes(this.kinds[c]);
    this.numbers = this.schema.map((_, c) => new Float64Array(has(c, NUMERIC, DATETIME) ? n : 0));
    this.codes = this.schema.map((_, c) => new Int32Array(has(c, CATEGORICAL) ? n : 0));
    this.flags = this.schema.map((_, c) => new Uint8Array(has(c, BOOLEAN) ? n : 0));
    this.texts = this.schema.map((_, c) => (has(c, TEXT) ? new TextChunkPacker(n) : null));
  }
}

/** The buffer itself when full (a new one is allocated after each chunk), else a copy of its first `n` values. */
function fit<T extends Float64Array | Uint8Array | Int32Array>(buffer: T, n: number): T {
  return (n === buffer.length ? buffer : buffer.slice(0, n)) as T;
}

/** A dictionary holding `levels` as codes 0, 1, 2… */
function createDictionary(levels: readonly string[]): TextDictionary {
  const dictionary = new TextDictionary(16);
  for (const level of levels) dictionary.add(level);
  return dictionary;
}

/** True when a cell starts or ends with whitespace (≤ U+0020): it is trimmed on the cell path first. */
function isPadded(text: string, from: number, to: number): boolean {
  return from < to && (text.charCodeAt(from) <= 32 || text.charCodeAt(to - 1) <= 32);
}
