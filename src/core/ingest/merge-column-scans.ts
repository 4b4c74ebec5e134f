// Merges the scans of one column read in consecutive row ranges into the scan a single pass would have made,
// or says it cannot: a scanner's choices depend on the rows before (a type is dropped after 1,000 values when
// it fits fewer than half), so the merge is exact only where no range depended on that — see mergeColumnScans.

import { chooseDateFormat } from './infer-column';
import { MAX_LEVELS, type ColumnScan } from './scan-column';
import { concatPackedTexts, unpackTexts } from './packed-texts';
import { TextDictionary } from './text-dictionary';

/**
 * The single-pass scan of the ranges' rows back to back, or null when it cannot be rebuilt exactly: some type
 * fits some but not all present cells of the ranges (its count in one pass would depend on where it was dropped),
 * or the cell texts a text-like result needs were not kept by every range. Null means: read the file in one pass.
 */
export function mergeColumnScans(scans: readonly ColumnScan[]): ColumnScan | null {
  const allPacked = scans.every((s) => s.packed !== undefined);
  if (!allPacked) for (const s of scans) if (s.packed !== undefined) unpackScan(s);
  const counts = (pick: (s: ColumnScan) => number) => scans.map(pick);
  const presents = scans.map((s) => s.rowCount - s.missing);
  for (const typeCounts of [counts((s) => s.numberCount), counts((s) => s.booleanCount), counts((s) => s.dateCount)]) {
    const none = typeCounts.every((c) => c === 0);
    const all = typeCounts.every((c, k) => c === presents[k]);
    if (!none && !all) return null;
  }
  const rowStarts: number[] = [];
  let rowCount = 0;
  for (const s of scans) {
    rowStarts.push(rowCount);
    rowCount += s.rowCount;
  }
  const missing = sum(scans, (s) => s.missing);
  const numberCount = sum(scans, (s) => s.numberCount);
  const booleanCount = sum(scans, (s) => s.booleanCount);
  const dateCount = sum(scans, (s) => s.dateCount);
  const wanted = pickTypedArray(rowCount - missing, [numberCount, booleanCount, dateCount], scans);
  const merged: ColumnScan = {
    rowCount,
    missing,
    numbers: wanted === 'numbers' ? concatOrNull(scans.map((s) => s.numbers), Float64Array) : null,
    numberCount,
    infinities: sum(scans, (s) => s.infinities),
    allIntegers: scans.every((s) => s.allIntegers),
    booleans: wanted === 'booleans' ? concatOrNull(scans.map((s) => s.booleans), Uint8Array) : null,
    booleanCount,
    booleanStyle: scans.find((s) => s.booleanStyle !== null)?.booleanStyle ?? null,
    dateCount,
    dates: wanted === 'dates' ? concatOrNull(scans.map((s) => s.dates), Float64Array) : null,
    dateSpellings: mergeSpellings(scans),
    slashDates: { rows: [], monthFirst: [], dayFirst: [] },
    slashFirstMax: Math.max(...scans.map((s) => s.slashFirstMax)),
    slashSecondMax: Math.max(...scans.map((s) => s.slashSecondMax)),
    levels: null,
    codes: null,
    maxLength: Math.max(...scans.map((s) => s.maxLength)),
    examples: mergeExamples(scans),
    texts: null,
    textsFrom: 0,
  };
  // Element by element: a spread of a range's 300,000 slash dates overflowed the call stack.
  scans.forEach((s, k) => {
    for (const r of s.slashDates.rows) merged.slashDates.rows.push(r + rowStarts[k]);
    for (const t of s.slashDates.monthFirst) merged.slashDates.monthFirst.push(t);
    for (const t of s.slashDates.dayFirst) merged.slashDates.dayFirst.push(t);
  });
  mergeLevels(scans, merged, wanted === null);
  // Texts are needed only where codes cannot give them back and the column may end up categorical or text.
  const allKept = scans.every((s) => s.texts !== null && s.textsFrom === 0);
  if (allPacked) merged.packed = concatPackedTexts(scans.map((s) => s.packed!));
  else if (allKept) merged.texts = concatTexts(scans.map((s) => s.texts!));
  else if (merged.levels === null && !isTypedWithoutTexts(merged)) {
    if (!scans.every((s) => (s.texts !== null && s.textsFrom === 0) || (s.levels !== null && s.codes !== null) || s.missing === s.rowCount)) return null;
    merged.texts = concatTexts(scans.map((s) => readTexts(s)));
  }
  return merged;
}

/**
 * The one typed array finishColumn can read: that of the first type (numbers, booleans, dates) every present cell
 * has, when each range kept it. The others are not concatenated: a numeric column's untouched date and boolean
 * arrays were two thirds of the merge's copying.
 */
function pickTypedArray(present: number, counts: readonly number[], scans: readonly ColumnScan[]): 'numbers' | 'booleans' | 'dates' | null {
  const kinds = ['numbers', 'booleans', 'dates'] as const;
  if (present === 0) return null;
  for (let t = 0; t < kinds.length; t++) {
    if (counts[t] === present && scans.every((s) => s[kinds[t]] !== null)) return kinds[t];
  }
  return null;
}

/** True when the column will be numeric, boolean or datetime, so no cell texts are needed. */
function isTypedWithoutTexts(merged: ColumnScan): boolean {
  const present = merged.rowCount - merged.missing;
  if (present === 0) return true;
  // Numeric (an id-named whole-number column may become text, but such columns keep their texts in every range).
  if (merged.numberCount === present) return true;
  if (merged.booleanCount === present) return true;
  return merged.dateCount === present && merged.dates !== null && chooseDateFormat(merged) !== null;
}

/**
 * Levels in order of first appearance across the ranges; none past MAX_LEVELS (as one pass). Codes are remapped
 * only `withCodes` (a numeric, boolean or date column reads just the levels' count): ~40 ms a merge otherwise.
 */
function mergeLevels(scans: readonly ColumnScan[], merged: ColumnScan, withCodes: boolean): void {
  if (scans.some((s) => s.levels === null || s.codes === null)) return;
  const dictionary = new TextDictionary();
  const maps = scans.map((s) => Int32Array.from(s.levels!, (text) => {
    const code = dictionary.codeOf(text);
    return code >= 0 ? code : dictionary.add(text);
  }));
  if (dictionary.size > MAX_LEVELS) return;
  merged.levels = dictionary.texts;
  if (!withCodes) return;
  const codes = new Int32Array(merged.rowCount);
  let at = 0;
  scans.forEach((s, k) => {
    const map = maps[k];
    const from = s.codes!;
    // A range whose levels keep their codes (always the first) is copied as a block.
    if (map.every((code, i) => code === i)) codes.set(from, at);
    else for (let r = 0; r < from.length; r++) codes[at + r] = from[r] < 0 ? -1 : map[from[r]];
    at += from.length;
  });
  merged.codes = codes;
}

/** Gives a scan its texts back from the packed form (a merge of packed with unpacked scans). */
function unpackScan(s: ColumnScan): void {
  s.texts = unpackTexts(s.packed!);
  s.textsFrom = 0;
  delete s.packed;
}

/** The lists back to back; a preallocated loop (flatMap took ~170 ms for 970k ids in V8). */
function concatTexts(lists: readonly (readonly (string | null)[])[]): (string | null)[] {
  const out = new Array<string | null>(lists.reduce((n, list) => n + list.length, 0));
  let at = 0;
  for (const list of lists) for (let i = 0; i < list.length; i++) out[at++] = list[i];
  return out;
}

function readTexts(s: ColumnScan): (string | null)[] {
  if (s.texts !== null && s.textsFrom === 0) return s.texts;
  if (s.levels !== null && s.codes !== null) return Array.from(s.codes, (code) => (code < 0 ? null : s.levels![code]));
  return new Array<null>(s.rowCount).fill(null);
}

/** The first five distinct values overall: each range's list is its own first five distinct. */
function mergeExamples(scans: readonly ColumnScan[]): string[] {
  const out: string[] = [];
  for (const s of scans) for (const v of s.examples) if (out.length < 5 && !out.includes(v)) out.push(v);
  return out;
}

function mergeSpellings(scans: readonly ColumnScan[]): ColumnScan['dateSpellings'] {
  const out: ColumnScan['dateSpellings'] = new Map();
  for (const s of scans) for (const [spelling, n] of s.dateSpellings) out.set(spelling, (out.get(spelling) ?? 0) + n);
  return out;
}

function sum(scans: readonly ColumnScan[], pick: (s: ColumnScan) => number): number {
  let total = 0;
  for (const s of scans) total += pick(s);
  return total;
}

function concatOrNull<T extends Float64Array | Uint8Array>(parts: (T | null)[], make: { new (n: number): T }): T | null {
  if (parts.some((p) => p === null)) return null;
  const out = new make(parts.reduce((n, p) => n + p!.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p!, at);
    at += p!.length;
  }
  return out;
}
