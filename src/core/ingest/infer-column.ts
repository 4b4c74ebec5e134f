// Decides a column's kind from its scan and builds the typed column, with the evidence a user can check.
// Rules: all numbers → numeric; all booleans → boolean; all dates → datetime; otherwise categorical when
// distinct ≤ max(2, min(1000, ½·present)) and values are short, else text (id-like when unique).

import { countDistinctNumbers } from '../table/count-distinct';
import { sortLevels } from '../table/sort-levels';
import type { Column } from '../table/types';
import { buildTextColumn } from './build-text-column';
import { countDistinctTexts } from './count-distinct-texts';
import { buildPackedTextColumn, countDistinctPackedTexts, isEveryPackedTextShortWithoutSpace } from './packed-texts';
import type { ColumnInference, ImportWarning } from './types';
import { describeEvidence, formatCount } from './describe-evidence';
import { describeNumberOverflows, dropNumberOverflows, type NumberOverflows } from './drop-number-overflows';
import { matchDate, parseDate, type DateFormat, type DateMatch } from './parse-datetime';
import { parseBoolean } from './parse-boolean';
import { parseNumber } from './parse-number';
import { ColumnScanner, scanColumn, MAX_LEVELS, type ColumnScan } from './scan-column';

/** A column is "mostly" one type (and gets a mixed-types warning) from this share of its present values. */
const MIXED_SHARE = 0.8;
const MAX_CATEGORY_LENGTH = 100;
const ID_NAME = /(^|[_\s.-])(id|key|uuid|guid)$|[a-z](Id|ID|Key)$|^(id|key|uuid|guid)$/i;

export interface InferredColumn {
  column: Column;
  inference: ColumnInference;
  warning: ImportWarning | null;
}

/** Types one column of raw cells; `rowLines` (1-based file lines per row) names lines in warnings. */
export function inferColumn(
  name: string,
  originalName: string,
  raw: readonly (string | null)[],
  missingTokens: ReadonlySet<string>,
  rowLines: ArrayLike<number> | null,
): InferredColumn {
  return finishColumn(name, originalName, scanColumn(raw, missingTokens, true), rowLines);
}

/**
 * A scanner for a column streamed in chunks; it keeps cell texts from the start when the name looks like an id,
 * packed (`packed`, not `texts`) with `packTexts`.
 */
export function startColumn(name: string, missingTokens: ReadonlySet<string>, packTexts = false): ColumnScanner {
  return new ColumnScanner(missingTokens, ID_NAME.test(name), Infinity, packTexts);
}

/**
 * Decides the column's kind from its finished scan and builds it. Where the result needs cell texts the scan
 * must hold them all (`textsFrom` 0) or still have its codes; the importer re-reads missing ones first.
 * `distinct`, when given, is the count describeDistinctJob asked for, made elsewhere (distinct-jobs.ts).
 */
export function finishColumn(name: string, originalName: string, scan: ColumnScan, rowLines: ArrayLike<number> | null, distinct?: number): InferredColumn {
  const present = scan.rowCount - scan.missing;
  const built = buildColumn(name, scan, present, distinct);
  // scan.missing now counts the overflows buildNumeric made missing too.
  const inference: ColumnInference = {
    name,
    originalName,
    kind: built.column.kind,
    detail: built.detail,
    evidence: describeEvidence(built.column.kind, built.detail, scan, built.distinct),
    missing: scan.missing,
    distinct: built.distinct,
    examples: scan.examples,
  };
  const kind = built.column.kind;
  const warning = built.overflows
    ? describeNumberOverflows(name, built.overflows.found, built.overflows.firstText, rowLines)
    : kind === 'categorical' || kind === 'text' ? describeMixedTypes(name, kind, scan, rowLines) : null;
  return { column: built.column, inference, warning };
}

interface BuiltColumn {
  column: Column;
  detail: string;
  distinct: number;
  /** Numbers beyond float64's range, made missing (see drop-number-overflows.ts), with the first as written where known. */
  overflows?: { found: NumberOverflows; firstText: string | null };
}

/** `given`: the distinct count describeDistinctJob asked for, already made (else counted here). */
function buildColumn(name: string, scan: ColumnScan, present: number, given?: number): BuiltColumn {
  if (present > 0 && scan.numbers !== null && scan.numberCount === present) return buildNumeric(name, scan, given);
  if (present > 0 && scan.booleans !== null && scan.booleanCount === present) {
    const distinct = new Set(scan.booleans).size - (scan.missing > 0 ? 1 : 0);
    return { column: { kind: 'boolean', name, values: scan.booleans }, detail: scan.booleanStyle ?? 'true/false', distinct };
  }
  const dateFormat = present > 0 && scan.dates !== null && scan.dateCount === present ? chooseDateFormat(scan) : null;
  if (dateFormat !== null) {
    const values = scan.dates!;
    // n/n/yyyy cells were read both ways; the column's order picks one.
    const { rows, monthFirst, dayFirst } = scan.slashDates;
    const chosen = dateFormat === 'dd/mm/yyyy' ? dayFirst : monthFirst;
    for (let k = 0; k < rows.length; k++) values[rows[k]] = chosen[k];
    return { column: { kind: 'datetime', name, values }, detail: dateFormat, distinct: rows.length === 0 && given !== undefined ? given : countDistinctNumbers(values) };
  }
  if (isCategoricalScan(scan, present)) {
    const { codes, levels } = sortLevels(scan.codes!, scan.levels!);
    return { column: { kind: 'categorical', name, codes, levels }, detail: 'categories', distinct: levels.length };
  }
  const distinct = scan.levels?.length ?? (scan.packed ? (given ?? countDistinctPackedTexts(scan.packed)) : countDistinctTexts(readScanTexts(scan)));
  return buildText(name, scan, present === 0 ? 'empty' : 'free text', distinct);
}

/** A numeric column (or id text); ±Infinity from overflowing numbers becomes missing, and the scan's counts follow. */
function buildNumeric(name: string, scan: ColumnScan, given?: number): BuiltColumn {
  const values = scan.numbers!;
  const found = scan.infinities > 0 ? dropNumberOverflows(values) : null;
  let overflows: BuiltColumn['overflows'];
  if (found !== null) {
    const code = scan.codes?.[found.firstRow] ?? -1;
    overflows = { found, firstText: scan.levels !== null && code >= 0 ? scan.levels[code] : null };
    scan.missing += found.count;
    scan.numberCount -= found.count;
    scan.infinities = 0;
    scan.allIntegers = values.every((v) => v !== v || Number.isInteger(v));
  }
  const present = scan.rowCount - scan.missing;
  // With overflows the level count and a count made elsewhere include them: count again.
  const distinct = found === null && usesLevelCount(scan) ? scan.levels!.length : found === null && given !== undefined ? given : countDistinctNumbers(values);
  if (scan.allIntegers && distinct === present && ID_NAME.test(name)) return buildText(name, scan, 'id', distinct);
  return { column: { kind: 'numeric', name, values, integer: scan.allIntegers }, detail: scan.allIntegers ? 'integer' : 'decimal', distinct, ...(overflows ? { overflows } : {}) };
}

/** True when a numeric column's distinct count is its level count: distinct texts equal distinct numbers unless one number is spelled two ways ("1", "1.0"). */
export function usesLevelCount(scan: ColumnScan): boolean {
  return scan.levels !== null && scan.allIntegers && !hasAlternateSpellings(scan.levels);
}

/** True when a column that is not numeric, boolean or datetime becomes categorical: few, short levels. */
export function isCategoricalScan(scan: ColumnScan, present: number): boolean {
  const limit = Math.max(2, Math.min(MAX_LEVELS, 0.5 * present));
  return scan.levels !== null && scan.codes !== null && scan.levels.length <= limit && scan.maxLength <= MAX_CATEGORY_LENGTH && present > 0;
}

function buildText(name: string, scan: ColumnScan, detail: string, distinct: number) {
  const present = scan.rowCount - scan.missing;
  const unique = present >= 2 && distinct === present;
  if (scan.packed) {
    const idLike = unique && (detail === 'id' || ID_NAME.test(name) || isEveryPackedTextShortWithoutSpace(scan.packed, 64));
    return { column: buildPackedTextColumn(name, scan.packed, idLike), detail: idLike ? 'id' : detail, distinct };
  }
  const values = readScanTexts(scan);
  const idLike = unique && (detail === 'id' || ID_NAME.test(name) || values.every((v) => v === null || (v.length <= 64 && !hasWhitespace(v))));
  return { column: buildTextColumn(name, values, idLike), detail: idLike ? 'id' : detail, distinct };
}

/** Every cell's text (null = missing): the kept texts, or given back from the category codes. */
function readScanTexts(scan: ColumnScan): readonly (string | null)[] {
  if (scan.texts !== null && scan.textsFrom === 0) return scan.texts;
  if (scan.levels !== null && scan.codes !== null) {
    const levels = scan.levels;
    const codes = scan.codes;
    return Array.from(codes, (code) => (code < 0 ? null : levels[code]));
  }
  if (scan.missing === scan.rowCount) return new Array<null>(scan.rowCount).fill(null);
  throw new Error(`inferColumn: the texts of rows before ${scan.textsFrom} were not re-read`);
}

function hasAlternateSpellings(levels: readonly string[]): boolean {
  for (const text of levels) if (!/^-?[1-9]?\d*$/.test(text)) return true;
  return false;
}

/** The date format a date column is read in, or null when its n/n/yyyy parts fit neither order. */
export function chooseDateFormat(scan: ColumnScan): DateFormat | null {
  let best: DateFormat | null = null;
  let bestCount = 0;
  for (const [spelling, count] of scan.dateSpellings) {
    if (spelling === 'slash' && scan.slashFirstMax > 12 && scan.slashSecondMax > 12) return null;
    const format: DateFormat = spelling !== 'slash' ? spelling : scan.slashFirstMax > 12 ? 'dd/mm/yyyy' : 'mm/dd/yyyy';
    if (count > bestCount) { best = format; bestCount = count; }
  }
  return best;
}

/** Parses a date cell; n/n/yyyy in the column's order, other spellings as they are. */
function parseCell(v: string | null, format: DateFormat): number {
  if (v === null) return NaN;
  const t = v.trim();
  const hit: DateMatch = { spelling: null, ms: NaN };
  if (!matchDate(t, hit)) return NaN;
  return hit.spelling === 'slash' ? parseDate(t, format === 'dd/mm/yyyy' ? 'dd/mm/yyyy' : 'mm/dd/yyyy') : hit.ms;
}

function describeMixedTypes(name: string, kind: string, scan: ColumnScan, rowLines: ArrayLike<number> | null): ImportWarning | null {
  const present = scan.rowCount - scan.missing;
  const kinds = [
    { label: 'numbers', count: scan.numberCount, fits: (t: string) => parseNumber(t) === parseNumber(t) },
    { label: 'true/false values', count: scan.booleanCount, fits: (t: string) => parseBoolean(t) !== -1 },
    { label: 'dates', count: scan.dateCount, fits: (t: string) => parseCell(t, 'mm/dd/yyyy') === parseCell(t, 'mm/dd/yyyy') },
  ];
  const top = kinds.reduce((a, b) => (b.count > a.count ? b : a));
  if (present === 0 || top.count < MIXED_SHARE * present || top.count === present) return null;
  const raw = readScanTexts(scan);
  const offenders: { value: string; line: number }[] = [];
  for (let i = 0; i < raw.length && offenders.length < 20; i++) {
    const v = raw[i];
    if (v === null || top.fits(v.trim())) continue;
    offenders.push({ value: v, line: rowLines ? rowLines[i] : i + 1 });
  }
  const where = rowLines ? 'line' : 'row';
  const examples = offenders.slice(0, 3).map((o) => `"${o.value}" on ${where} ${o.line}`).join(', ');
  return {
    code: 'mixed-types',
    message:
      `Column "${name}" is mostly ${top.label}, but ${formatCount(present - top.count)} of ${formatCount(present)} values are not ` +
      `(e.g. ${examples}); it was kept as ${kind === 'text' ? 'text' : 'categories'} so nothing is lost. ` +
      `Add such values to the missing-value tokens, or change the column's type to convert them to missing.`,
    ...(rowLines ? { lines: offenders.map((o) => o.line) } : {}),
  };
}

/** True when `v` has a /\s/ character; ASCII checked by code (a regex per cell cost ~40 ms on 1 M ids). */
function hasWhitespace(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const code = v.charCodeAt(i);
    if (code >= 128) return /\s/.test(v);
    if (code === 32 || (code >= 9 && code <= 13)) return true;
  }
  return false;
}
