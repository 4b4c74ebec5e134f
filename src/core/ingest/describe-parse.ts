// Turns what the CSV parser noticed (renamed headers, ragged rows, blank lines, lone carriage returns, quoting that
// needed the fallback tokenizer, bad UTF-8) into the import warnings a user reads, with the lines to look at.

import type { CsvParseOutput } from '../csv/parse-csv';
import type { ImportWarning } from './types';

/** The parse's warnings for columns `names` (made unique; `renamed` says which), in a fixed order. */
export function describeParse(
  out: CsvParseOutput,
  names: string[],
  renamed: { index: number; from: string; to: string }[],
  delimiter: string,
  replaced: { lines: number[]; count: number },
): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  if (renamed.length > 0) {
    const list = renamed.slice(0, 5).map((r) => `column ${r.index + 1} "${r.from}" → "${r.to}"`).join(', ');
    warnings.push({ code: 'renamed-header', message: `${renamed.length} header names were empty, repeated or padded with spaces and were renamed: ${list}.`, lines: [1] });
  }
  if (out.shortRows.count > 0) {
    warnings.push({ code: 'ragged-rows', message: `${out.shortRows.count} rows have fewer fields than the ${names.length} header columns (lines ${out.shortRows.lines.join(', ')}); their missing fields were left empty.`, lines: out.shortRows.lines });
  }
  if (out.longRows.count > 0) {
    warnings.push({ code: 'ragged-rows', message: `${out.longRows.count} rows have more fields than the ${names.length} header columns (lines ${out.longRows.lines.join(', ')}); the extra fields were dropped. Check the delimiter ("${printable(delimiter)}") and quoting.`, lines: out.longRows.lines });
  }
  if (out.blankLines.count > 0) {
    warnings.push({ code: 'blank-lines', message: `${out.blankLines.count} blank lines between rows were skipped (lines ${out.blankLines.lines.join(', ')}).`, lines: out.blankLines.lines });
  }
  if (out.loneCrs.count > 0) {
    warnings.push({
      code: 'lone-carriage-returns',
      message: `${out.loneCrs.count} carriage returns (CR) without a line feed ended rows, as spreadsheets read them (lines ${out.loneCrs.lines.join(', ')}; line numbers count them as line breaks). If a CR belongs inside a value, quote that value.`,
      lines: out.loneCrs.lines,
    });
  }
  if (out.fallback !== null) warnings.push(describeFallback(out.fallback));
  if (replaced.count > 0) {
    warnings.push({ code: 'replacement-characters', message: `${replaced.count} characters could not be read as UTF-8 and show as "\uFFFD" (lines ${replaced.lines.join(', ')}). If the text looks wrong, import again with the encoding set to windows-1252.`, lines: replaced.lines });
  }
  return warnings;
}

/** The warning for text the hand-written tokenizer read: what in the quoting sent it there, and from which line. */
function describeFallback(fallback: NonNullable<CsvParseOutput['fallback']>): ImportWarning {
  const { textAfterQuote, quotedEmptyRows } = fallback;
  const reasons: string[] = [];
  if (textAfterQuote.count > 0) {
    reasons.push(`${textAfterQuote.count} fields have text after their closing quote (lines ${textAfterQuote.lines.join(', ')}); it was kept, so "a"b reads as ab, as spreadsheets read it`);
  }
  if (quotedEmptyRows.count > 0) reasons.push(`${quotedEmptyRows.count} rows hold only "" (lines ${quotedEmptyRows.lines.join(', ')}), read as an empty value, not a blank line`);
  const lines = [...new Set([...textAfterQuote.lines, ...quotedEmptyRows.lines])].sort((a, b) => a - b).slice(0, 20);
  const from = lines[0] ?? fallback.fromLine;
  return {
    code: 'malformed-quotes',
    message:
      `From line ${from}, quoting that the fast CSV reader does not take sent the file to the slower fallback reader: ` +
      `${reasons.length > 0 ? reasons.join('; ') : 'no field was read differently'}. Other programs may read those lines otherwise: check them, ` +
      'and quote fields whole ("a b", a quote inside doubled as "").',
    lines: lines.length > 0 ? lines : [from],
  };
}

function printable(delimiter: string): string {
  return delimiter === '\t' ? '\\t' : delimiter;
}
