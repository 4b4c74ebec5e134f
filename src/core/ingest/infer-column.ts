// Decides a column's kind from its scan and builds the typed column, with the evidence a user can check.
// Rules: all numbers → numeric; all booleans → boolean; all dates → datetime; otherwise categorical when
// distinct ≤ max(2, min(1000, ½·present)) and values are short, else text (id-like when unique).

import { countDistinctNumbers } from '../table/count-distinct';
import { createTextColumn } from '../table/text-column';
import type { Column } from '../table/types';
import type { ColumnInference, ImportWarning } from './types';
import { describeEvidence, formatCount } from './describe-evidence';
import { matchDate, parseDate, type DateFormat, type DateMatch } from './parse-datetime';
import { parseBoolean } from './parse-boolean';
import { parseNumber } from './parse-number';
import { scanColumn, MAX_LEVELS, type ColumnScan } from './scan-column';

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
  const scan = scanColumn(raw, missingTokens);
  const present = scan.rowCount - scan.missing;
  const built = buildColumn(name, raw, scan, present);
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
  const warning = kind === 'categorical' || kind === 'text' ? describeMixedTypes(name, kind, raw, scan, rowLines) : null;
  return { column: built.column, inference, warning };
}

function buildColumn(name: string, raw: readonly (string | null)[], scan: ColumnScan, present: number): { column: Column; detail: string; distinct: number } {
  if (present > 0 && scan.numbers !== null && scan.numberCount === present) {
    // Distinct texts equal distinct numbers unless one number is spelled two ways ("1", "1.0"): then count numbers.
    const distinct = scan.levels !== null && scan.allIntegers && !hasAlternateSpellings(scan.levels) ? scan.levels.size : countDistinctNumbers(scan.numbers);
    if (scan.allIntegers && distinct === present && ID_NAME.test(name)) return buildText(name, raw, scan, 'id', distinct);
    return { column: { kind: 'numeric', name, values: scan.numbers, integer: scan.allIntegers }, detail: scan.allIntegers ? 'integer' : 'decimal', distinct };
  }
  if (present > 0 && scan.booleans !== null && scan.booleanCount === present) {
    const distinct = new Set(scan.booleans).size - (scan.missing > 0 ? 1 : 0);
    return { column: { kind: 'boolean', name, values: scan.booleans }, detail: scan.booleanStyle ?? 'true/false', distinct };
  }
  const dateFormat = present > 0 && scan.dateCount === present ? chooseDateFormat(scan) : null;
  if (dateFormat !== null) {
    const values = scan.dates!;
    if (scan.dateSpellings.has('slash')) {
      for (let i = 0; i < raw.length; i++) if (values[i] !== values[i] && !isMissingAt(scan, i)) values[i] = parseCell(raw[i], dateFormat);
    }
    return { column: { kind: 'datetime', name, values }, detail: dateFormat, distinct: countDistinctNumbers(values) };
  }
  const limit = Math.max(2, Math.min(MAX_LEVELS, 0.5 * present));
  if (scan.levels !== null && scan.codes !== null && scan.levels.size <= limit && scan.maxLength <= MAX_CATEGORY_LENGTH && present > 0) {
    return { column: { kind: 'categorical', name, codes: scan.codes, levels: [...scan.levels.keys()] }, detail: 'categories', distinct: scan.levels.size };
  }
  const distinct = scan.levels?.size ?? new Set(raw.filter((v, i) => v !== null && !isMissingAt(scan, i))).size;
  return buildText(name, raw, scan, present === 0 ? 'empty' : 'free text', distinct);
}

function buildText(name: string, raw: readonly (string | null)[], scan: ColumnScan, detail: string, distinct: number) {
  const values = raw.map((v, i) => (v === null || isMissingAt(scan, i) ? null : v));
  const present = scan.rowCount - scan.missing;
  const unique = present >= 2 && distinct === present;
  const idLike = unique && (detail === 'id' || ID_NAME.test(name) || values.every((v) => v === null || (v.length <= 64 && !/\s/.test(v))));
  const column: Column = createTextColumn(name, values, idLike ? true : undefined);
  return { column, detail: idLike ? 'id' : detail, distinct };
}

function isMissingAt(scan: ColumnScan, i: number): boolean {
  return scan.missingMask[i] === 1;
}

function hasAlternateSpellings(levels: Map<string, number>): boolean {
  for (const text of levels.keys()) if (!/^-?[1-9]?\d*$/.test(text)) return true;
  return false;
}

function chooseDateFormat(scan: ColumnScan): DateFormat | null {
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

function describeMixedTypes(name: string, kind: string, raw: readonly (string | null)[], scan: ColumnScan, rowLines: ArrayLike<number> | null): ImportWarning | null {
  const present = scan.rowCount - scan.missing;
  const kinds = [
    { label: 'numbers', count: scan.numberCount, fits: (t: string) => parseNumber(t) === parseNumber(t) },
    { label: 'true/false values', count: scan.booleanCount, fits: (t: string) => parseBoolean(t) !== -1 },
    { label: 'dates', count: scan.dateCount, fits: (t: string) => parseCell(t, 'mm/dd/yyyy') === parseCell(t, 'mm/dd/yyyy') },
  ];
  const top = kinds.reduce((a, b) => (b.count > a.count ? b : a));
  if (present === 0 || top.count < MIXED_SHARE * present || top.count === present) return null;
  const offenders: { value: string; line: number }[] = [];
  for (let i = 0; i < raw.length && offenders.length < 20; i++) {
    const v = raw[i];
    if (v === null || isMissingAt(scan, i) || top.fits(v.trim())) continue;
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
