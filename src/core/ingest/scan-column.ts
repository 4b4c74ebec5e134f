// One streaming pass over a column's raw cells that gathers everything type inference needs: missing count,
// parsed numbers, booleans and date spellings (each only while it can still win), category codes.
// Cells arrive chunk by chunk and are turned into typed arrays at once, so their strings die young; a cell's
// text is kept only where the column may end up as text and the codes cannot give it back (see `texts`).

import { parseBoolean, describeBooleanStyle, type BooleanStyle } from './parse-boolean';
import { matchDate, matchDateIn, parseDate, type DateMatch, type DateSpelling } from './parse-datetime';
import { MissingTokens } from './missing-tokens';
import { parseNumber, parseNumberIn } from './parse-number';
import { PackedTextsBuilder } from './pack-texts-in-place';
import type { CsvCellBlock } from '../csv/split-plain-rows';
import type { PackedTexts } from './packed-texts';
import { TextDictionary } from './text-dictionary';

/** Up to this many distinct values are tracked as category levels. */
export const MAX_LEVELS = 1000;
/** A type stays a candidate while at most this share of the rows contradict it (see MIXED_SHARE). */
const CONTRADICTION_LIMIT = 0.2;

/** What one pass over a column found; arrays are indexed by row (length rowCount), null once their type lost. */
export interface ColumnScan {
  rowCount: number;
  missing: number;
  /** Parsed numbers, NaN for missing. */
  numbers: Float64Array | null;
  numberCount: number;
  /** Numbers among numberCount that overflowed to ±Infinity ("1e999"); finishColumn makes them missing. */
  infinities: number;
  allIntegers: boolean;
  /** 1/0 for booleans, 255 for missing. */
  booleans: Uint8Array | null;
  booleanCount: number;
  booleanStyle: BooleanStyle | null;
  dateCount: number;
  /** Epoch ms of dates read so far (NaN for missing and for n/n/yyyy, whose order is decided later). */
  dates: Float64Array | null;
  dateSpellings: Map<DateSpelling, number>;
  /** The n/n/yyyy cells: their rows and epoch ms read month-first and day-first (NaN where invalid). */
  slashDates: { rows: number[]; monthFirst: number[]; dayFirst: number[] };
  /** Largest first and second part seen in n/n/yyyy dates (decides dd/mm versus mm/dd). */
  slashFirstMax: number;
  slashSecondMax: number;
  /** Distinct raw values in order of first appearance (index = code); null when there were more than MAX_LEVELS. */
  levels: string[] | null;
  /** Level codes per row, −1 for missing; null with `levels`, and in a merged scan of a typed column (see mergeLevels). */
  codes: Int32Array | null;
  maxLength: number;
  /** Up to 5 distinct raw values in order of appearance. */
  examples: string[];
  /** Raw cells (null = missing) from row `textsFrom` on, or null when not kept; rows before must be re-read. */
  texts: (string | null)[] | null;
  textsFrom: number;
  /** All cells' texts packed, standing in for `texts` (set on range parts and their merge; see packed-texts.ts). */
  packed?: PackedTexts;
}

/** Scans raw cells (null = absent) in one go; a cell is missing when its trimmed text is in `missingTokens`. */
export function scanColumn(raw: readonly (string | null)[], missingTokens: ReadonlySet<string>, keepTexts = false): ColumnScan {
  const scanner = new ColumnScanner(missingTokens, keepTexts, raw.length);
  scanner.addColumn(raw);
  return scanner.finish();
}

/** True when a raw cell (null/undefined = absent) is missing: its trimmed text is one of `missingTokens`. */
export function isMissingCell(v: string | null | undefined, missingTokens: ReadonlySet<string>): boolean {
  if (v == null) return true;
  const t = v.length > 0 && (v.charCodeAt(0) <= 32 || v.charCodeAt(v.length - 1) <= 32) ? v.trim() : v;
  return missingTokens.has(t);
}

/** Per-level parse results, so a repeated value is parsed once. */
interface LevelCache {
  number: number[];
  boolean: number[];
  spelling: (DateSpelling | null)[];
  ms: number[];
}

/** Scans a column fed in pieces: `addRows` takes field `column` of each row (absent field = missing). */
export class ColumnScanner {
  private readonly s: ColumnScan;
  private readonly tokens: MissingTokens;
  private capacity = 0;
  private present = 0;
  private numberAlive = true;
  private booleanAlive = true;
  private dateAlive = true;
  private dictionary: TextDictionary | null = new TextDictionary();
  private readonly cache: LevelCache = { number: [], boolean: [], spelling: [], ms: [] };
  private readonly hit: DateMatch = { spelling: null, ms: NaN };
  /** Level texts at the moment the levels were dropped, to give back earlier cells' texts once. */
  private dropped: string[] | null = null;
  /** Contradictions past which a type is ruled out: a share of the column's rows when known in advance. */
  private readonly limit: number;
  /** Texts kept from row 0 are packed as they come (see `packTexts`), standing in for `texts`. */
  private readonly packs: boolean;
  private packer: PackedTextsBuilder | null = null;

  /**
   * `keepTexts`: keep every cell's text from the start (for columns that may become id text). `rowCount`, when
   * known in advance, lets a type be ruled out as soon as it cannot reach MIXED_SHARE of the column. `packTexts`:
   * texts kept from row 0 end up in `packed`, not `texts` (for a range part, whose texts travel packed).
   */
  constructor(missingTokens: ReadonlySet<string>, keepTexts: boolean, rowCount = Infinity, packTexts = false) {
    this.tokens = new MissingTokens(missingTokens);
    this.packs = packTexts;
    if (keepTexts && packTexts) this.packer = new PackedTextsBuilder();
    this.limit = CONTRADICTION_LIMIT * rowCount;
    this.s = {
      rowCount: 0, missing: 0, numbers: new Float64Array(0), numberCount: 0, infinities: 0, allIntegers: true, booleans: new Uint8Array(0),
      booleanCount: 0, booleanStyle: null, dateCount: 0, dates: new Float64Array(0), dateSpellings: new Map(),
      slashDates: { rows: [], monthFirst: [], dayFirst: [] }, slashFirstMax: 0, slashSecondMax: 0, levels: [],
      codes: new Int32Array(0), maxLength: 0, examples: [], texts: keepTexts && !packTexts ? [] : null, textsFrom: 0,
    };
  }

  /** Adds field `column` of each of `rows`. */
  addRows(rows: readonly (readonly string[])[], column: number): void {
    this.reserve(rows.length);
    for (let r = 0; r < rows.length; r++) this.add(rows[r][column]);
  }

  /** Adds field `column` of each row of `block` (see CsvCellBlock), as addRows would with the fields' strings. */
  addBlock(block: CsvCellBlock, column: number): void {
    this.reserve(block.rows);
    const { text, starts, ends, columns } = block;
    for (let r = 0, at = column; r < block.rows; r++, at += columns) this.addIn(text, starts[at], ends[at]);
  }

  /** Adds whole cells (null = absent). */
  addColumn(values: readonly (string | null)[]): void {
    this.reserve(values.length);
    for (let r = 0; r < values.length; r++) this.add(values[r]);
  }

  /**
   * The scan, with arrays cut to the row count: copied (`copy`, the default), or views of the grown buffers for
   * a scan that is merged into new arrays anyway (a range part; the copies took ~60 ms per 50 MB range).
   */
  finish(copy = true): ColumnScan {
    const s = this.s;
    const n = s.rowCount;
    if (s.numbers) s.numbers = copy ? s.numbers.slice(0, n) : s.numbers.subarray(0, n);
    if (s.booleans) s.booleans = copy ? s.booleans.slice(0, n) : s.booleans.subarray(0, n);
    if (s.dates) s.dates = copy ? s.dates.slice(0, n) : s.dates.subarray(0, n);
    if (s.codes) s.codes = copy ? s.codes.slice(0, n) : s.codes.subarray(0, n);
    if (this.dictionary !== null) s.levels = this.dictionary.texts;
    if (this.packer !== null) s.packed = this.packer.finish();
    return s;
  }

  /** Makes room for `rows` rows in all, so a column whose length is foreseen is not grown by doubling copies. */
  reserveRows(rows: number): void {
    if (rows > this.capacity) this.reserve(rows - this.s.rowCount);
  }

  private reserve(more: number): void {
    const s = this.s;
    const needed = s.rowCount + more;
    if (needed <= this.capacity) return;
    // A small floor: a wide file (100,000 columns of a few rows) must not reserve 1,024 rows × 21 bytes per column.
    const capacity = Math.max(needed, this.capacity * 2, 16);
    if (s.numbers) s.numbers = grow(s.numbers, new Float64Array(capacity));
    if (s.booleans) s.booleans = grow(s.booleans, new Uint8Array(capacity));
    if (s.dates) s.dates = grow(s.dates, new Float64Array(capacity));
    if (s.codes) s.codes = grow(s.codes, new Int32Array(capacity));
    this.capacity = capacity;
  }

  private add(v: string | null | undefined): void {
    const s = this.s;
    const i = s.rowCount++;
    let t = v ?? '';
    if (t.length > 0 && (t.charCodeAt(0) <= 32 || t.charCodeAt(t.length - 1) <= 32)) t = t.trim();
    if (v == null || this.tokens.has(t)) {
      this.addMissing(i);
      return;
    }
    this.present++;
    if (v.length > s.maxLength) s.maxLength = v.length;
    let code = -1;
    const dictionary = this.dictionary;
    if (dictionary !== null) {
      code = dictionary.codeOf(v);
      if (code >= 0) s.codes![i] = code;
      else if (dictionary.size === MAX_LEVELS) this.dropLevels();
      else {
        code = dictionary.add(v);
        if (code < 5) s.examples.push(v);
        this.cacheLevel(t);
        s.codes![i] = code;
      }
    } else if (s.examples.length < 5 && !s.examples.includes(v)) s.examples.push(v);
    this.addTyped(i, t, 0, t.length, code);
    if (this.packer !== null || s.texts !== null || (s.levels === null && !this.isPure())) this.keepText(i, v, 0, v.length);
    if (this.dropped !== null) this.releaseCodes();
  }

  /**
   * add(text.slice(from, to)) (from −1 = absent) without making the string for the common cell: present, not
   * padded with spaces and, while levels are kept, a level seen before. Anything else takes add's path.
   */
  private addIn(text: string, from: number, to: number): void {
    const len = to - from;
    if (from < 0) return this.add(undefined);
    const first = text.charCodeAt(from);
    if (len === 0 || first <= 32 || text.charCodeAt(to - 1) <= 32) return this.add(text.slice(from, to));
    if (this.tokens.hasIn(text, from, to)) return this.add(text.slice(from, to));
    const dictionary = this.dictionary;
    const code = dictionary === null ? -1 : dictionary.codeOfIn(text, from, to);
    if (dictionary !== null && code < 0) return this.add(text.slice(from, to));
    const s = this.s;
    const i = s.rowCount++;
    this.present++;
    if (len > s.maxLength) s.maxLength = len;
    if (code >= 0) s.codes![i] = code;
    else if (s.examples.length < 5) this.addExample(text.slice(from, to));
    this.addTyped(i, text, from, to, code);
    if (this.packer !== null || s.texts !== null || (s.levels === null && !this.isPure())) this.keepText(i, text, from, to);
    if (this.dropped !== null) this.releaseCodes();
  }

  private addExample(v: string): void {
    if (!this.s.examples.includes(v)) this.s.examples.push(v);
  }

  /** Counts cell i, trimmed text[from, to), as a number, boolean or date, trying each type while it can still win (old order). */
  private addTyped(i: number, text: string, from: number, to: number, code: number): void {
    const s = this.s;
    const present = this.present;
    const cache = this.cache;
    if (this.numberAlive) {
      const x = code >= 0 ? cache.number[code] : parseNumberIn(text, from, to);
      if (x === x) {
        s.numbers![i] = x;
        s.numberCount++;
        if (s.allIntegers && !Number.isInteger(x)) s.allIntegers = false;
        if (x - x !== 0) s.infinities++; // ±Infinity: written beyond float64's range
        return;
      }
      if (isRuledOut(present, s.numberCount, this.limit)) {
        this.numberAlive = false;
        s.numbers = null;
      }
    }
    if (this.booleanAlive) {
      const b = code >= 0 ? cache.boolean[code] : parseBoolean(text.slice(from, to));
      if (b !== -1) {
        s.booleans![i] = b;
        if (s.booleanCount++ === 0) s.booleanStyle = describeBooleanStyle(text.slice(from, to));
        return;
      }
      if (isRuledOut(present, s.booleanCount, this.limit)) {
        this.booleanAlive = false;
        s.booleans = null;
      }
    }
    if (this.dateAlive && !this.addDate(i, text, from, to, code) && isRuledOut(present, s.dateCount, this.limit)) {
      this.dateAlive = false;
      s.dates = null;
    }
  }

  private addMissing(i: number): void {
    const s = this.s;
    s.missing++;
    if (s.codes) s.codes[i] = -1;
    if (s.numbers) s.numbers[i] = NaN;
    if (s.booleans) s.booleans[i] = 255;
    if (s.dates) s.dates[i] = NaN;
    if (this.packer !== null) this.packer.addMissing();
    else if (s.texts !== null) s.texts[i - s.textsFrom] = null;
  }

  /** Counts a date cell, text[from, to); false when it is not one. */
  private addDate(i: number, text: string, from: number, to: number, code: number): boolean {
    const s = this.s;
    let spelling: DateSpelling | null;
    let ms: number;
    if (code >= 0) {
      spelling = this.cache.spelling[code];
      ms = this.cache.ms[code];
    } else {
      spelling = matchDateIn(text, from, to, this.hit) ? this.hit.spelling : null;
      ms = this.hit.ms;
    }
    if (spelling === null) return false;
    s.dates![i] = ms;
    s.dateCount++;
    s.dateSpellings.set(spelling, (s.dateSpellings.get(spelling) ?? 0) + 1);
    if (spelling === 'slash') this.addSlashDate(i, text.slice(from, to));
    return true;
  }

  private addSlashDate(i: number, t: string): void {
    const s = this.s;
    s.slashDates.rows.push(i);
    s.slashDates.monthFirst.push(parseDate(t, 'mm/dd/yyyy'));
    s.slashDates.dayFirst.push(parseDate(t, 'dd/mm/yyyy'));
    const first = parseInt(t, 10);
    const second = parseInt(t.slice(t.indexOf('/') + 1), 10);
    if (first > s.slashFirstMax) s.slashFirstMax = first;
    if (second > s.slashSecondMax) s.slashSecondMax = second;
  }

  private cacheLevel(t: string): void {
    const cache = this.cache;
    cache.number.push(parseNumber(t));
    cache.boolean.push(parseBoolean(t));
    const isDate = matchDate(t, this.hit);
    cache.spelling.push(isDate ? this.hit.spelling : null);
    cache.ms.push(this.hit.ms);
  }

  /** Past MAX_LEVELS distinct values: stop coding, remembering the level texts for keepText. */
  private dropLevels(): void {
    this.dropped = this.dictionary!.texts;
    this.dictionary = null;
    this.s.levels = null;
  }

  /** True while every present cell so far is a number, a boolean or a date: such a column is not text. */
  private isPure(): boolean {
    const { numberCount, booleanCount, dateCount } = this.s;
    const present = this.present;
    return (this.numberAlive && numberCount === present) || (this.booleanAlive && booleanCount === present) || (this.dateAlive && dateCount === present);
  }

  /** Keeps cell i's text, text[from, to); the first time, gives back earlier texts from the codes or marks them for re-reading. */
  private keepText(i: number, text: string, from: number, to: number): void {
    const s = this.s;
    if (this.packer !== null) return this.packer.addIn(text, from, to);
    if (s.texts === null) {
      if (this.dropped !== null && s.codes !== null) {
        const levels = this.dropped;
        const codes = s.codes;
        if (this.packs) return this.startPacking(levels, codes, i, text, from, to);
        s.texts = Array.from({ length: i }, (_, r) => (codes[r] < 0 ? null : levels[codes[r]]));
      } else {
        s.texts = [];
        s.textsFrom = i;
      }
    }
    s.texts[i - s.textsFrom] = from === 0 && to === text.length ? text : text.slice(from, to);
  }

  /** Packs rows before i from their codes, then cell i, text[from, to); later texts are packed as they come. */
  private startPacking(levels: readonly string[], codes: Int32Array, i: number, text: string, from: number, to: number): void {
    const packer = (this.packer = new PackedTextsBuilder());
    for (let r = 0; r < i; r++) {
      if (codes[r] < 0) packer.addMissing();
      else packer.addIn(levels[codes[r]], 0, levels[codes[r]].length);
    }
    packer.addIn(text, from, to);
  }

  /** Codes stop with the levels: the kept texts (or a re-read) stand for the rows before. */
  private releaseCodes(): void {
    this.s.codes = null;
    this.dropped = null;
  }
}

/**
 * A type is ruled out once it cannot reach MIXED_SHARE of the column, or (to save time on text
 * columns) when fewer than half of the first thousand or more present values had it.
 */
function isRuledOut(present: number, count: number, limit: number): boolean {
  return present - count > limit || (present >= 1000 && count < 0.5 * present);
}

function grow<T extends Float64Array | Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
