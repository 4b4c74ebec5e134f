// One pass over a column's raw cells that gathers everything type inference needs: missing count,
// parsed numbers, booleans and date spellings (each only while it can still win), category codes.

import { parseBoolean, describeBooleanStyle, type BooleanStyle } from './parse-boolean';
import { matchDate, type DateMatch, type DateSpelling } from './parse-datetime';
import { parseNumber } from './parse-number';

/** Up to this many distinct values are tracked as category levels. */
export const MAX_LEVELS = 1000;
/** A type stays a candidate while at most this share of the rows contradict it (see MIXED_SHARE). */
const CONTRADICTION_LIMIT = 0.2;

/** What one pass over a column found; arrays are indexed by row, null once their type lost. */
export interface ColumnScan {
  rowCount: number;
  missing: number;
  /** 1 where the cell is missing. */
  missingMask: Uint8Array;
  /** Parsed numbers, NaN for missing. */
  numbers: Float64Array | null;
  numberCount: number;
  allIntegers: boolean;
  booleans: Uint8Array | null;
  booleanCount: number;
  booleanStyle: BooleanStyle | null;
  dateCount: number;
  /** Epoch ms of dates read so far (NaN for missing and for n/n/yyyy, whose order is decided later). */
  dates: Float64Array | null;
  dateSpellings: Map<DateSpelling, number>;
  /** Largest first and second part seen in n/n/yyyy dates (decides dd/mm versus mm/dd). */
  slashFirstMax: number;
  slashSecondMax: number;
  /** Distinct raw values in order of first appearance → code; null when there were more than MAX_LEVELS. */
  levels: Map<string, number> | null;
  codes: Int32Array | null;
  maxLength: number;
  /** Up to 5 distinct raw values in order of appearance. */
  examples: string[];
}

/** Scans raw cells (null = absent); a cell is missing when its trimmed text is in `missingTokens`. */
export function scanColumn(raw: readonly (string | null)[], missingTokens: ReadonlySet<string>): ColumnScan {
  const n = raw.length;
  const limit = CONTRADICTION_LIMIT * n;
  const scan: ColumnScan = {
    rowCount: n, missing: 0, missingMask: new Uint8Array(n), numbers: new Float64Array(n), numberCount: 0, allIntegers: true,
    booleans: new Uint8Array(n), booleanCount: 0, booleanStyle: null, dateCount: 0, dates: new Float64Array(n), dateSpellings: new Map(),
    slashFirstMax: 0, slashSecondMax: 0, levels: new Map(), codes: new Int32Array(n), maxLength: 0, examples: [],
  };
  const { numbers, booleans, codes, dates } = scan;
  const hit: DateMatch = { spelling: null, ms: NaN };
  let levels = scan.levels;
  let numberAlive = true;
  let booleanAlive = true;
  let dateAlive = true;
  let present = 0;
  // Most cells cannot be a missing token by length alone: skip the set lookup for them.
  let tokenLengths = 0;
  for (const token of missingTokens) tokenLengths |= token.length < 31 ? 1 << token.length : 1 << 31;
  for (let i = 0; i < n; i++) {
    const v = raw[i];
    let t = v ?? '';
    if (t.length > 0 && (t.charCodeAt(0) <= 32 || t.charCodeAt(t.length - 1) <= 32)) t = t.trim();
    const len = t.length;
    if (v === null || ((len < 31 ? tokenLengths & (1 << len) : tokenLengths & (1 << 31)) !== 0 && missingTokens.has(t))) {
      scan.missing++;
      scan.missingMask[i] = 1;
      codes![i] = -1;
      numbers![i] = NaN;
      booleans![i] = 255;
      dates![i] = NaN;
      continue;
    }
    present++;
    if (v.length > scan.maxLength) scan.maxLength = v.length;
    if (levels !== null) {
      let code = levels.get(v);
      if (code === undefined) {
        code = levels.size;
        if (code < 5) scan.examples.push(v);
        if (code === MAX_LEVELS) levels = null;
        else levels.set(v, code);
      }
      codes![i] = code;
    } else if (scan.examples.length < 5 && !scan.examples.includes(v)) scan.examples.push(v);
    if (numberAlive) {
      const x = parseNumber(t);
      if (x === x) {
        numbers![i] = x;
        scan.numberCount++;
        if (scan.allIntegers && !Number.isInteger(x)) scan.allIntegers = false;
        continue;
      }
      if (isRuledOut(present, scan.numberCount, limit)) numberAlive = false;
    }
    if (booleanAlive) {
      const b = parseBoolean(t);
      if (b !== -1) {
        booleans![i] = b;
        if (scan.booleanCount++ === 0) scan.booleanStyle = describeBooleanStyle(t);
        continue;
      }
      if (isRuledOut(present, scan.booleanCount, limit)) booleanAlive = false;
    }
    if (dateAlive) {
      if (matchDate(t, hit)) {
        const spelling = hit.spelling!;
        dates![i] = hit.ms;
        scan.dateCount++;
        scan.dateSpellings.set(spelling, (scan.dateSpellings.get(spelling) ?? 0) + 1);
        if (spelling === 'slash') noteSlashParts(scan, t);
        continue;
      }
      if (isRuledOut(present, scan.dateCount, limit)) dateAlive = false;
    }
  }
  if (!numberAlive) scan.numbers = null;
  if (!booleanAlive) scan.booleans = null;
  if (!dateAlive) scan.dates = null;
  if (levels === null) scan.codes = null;
  scan.levels = levels;
  return scan;
}

/**
 * A type is ruled out once it cannot reach MIXED_SHARE of the column, or (to save time on text
 * columns) when fewer than half of the first thousand or more present values had it.
 */
function isRuledOut(present: number, count: number, limit: number): boolean {
  return present - count > limit || (present >= 1000 && count < 0.5 * present);
}

function noteSlashParts(scan: ColumnScan, t: string): void {
  const first = parseInt(t, 10);
  const second = parseInt(t.slice(t.indexOf('/') + 1), 10);
  if (first > scan.slashFirstMax) scan.slashFirstMax = first;
  if (second > scan.slashSecondMax) scan.slashSecondMax = second;
}
