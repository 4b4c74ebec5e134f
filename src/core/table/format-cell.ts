// Display text for one cell of a Table: what the data grid, the schema view and previews show.
// Pure and allocation-light: the grid calls it for every visible cell on every scroll frame.

import { textAt } from './text-column';
import { BOOLEAN_MISSING, type Column } from './types';

/** Text columns longer than this are cut and end in "…". */
export const MAX_TEXT_CHARS = 200;

const MS_PER_DAY = 86_400_000;
/** Outside ±8.64e15 ms a Date is invalid (ECMAScript's time range). */
const MAX_EPOCH_MS = 8.64e15;

/** True when the cell holds no value: NaN (numeric, datetime), code −1 (categorical), 255 (boolean), null (text). */
export function isMissing(column: Column, row: number): boolean {
  switch (column.kind) {
    case 'numeric':
    case 'datetime':
      return Number.isNaN(column.values[row]);
    case 'categorical': {
      const code = column.codes[row];
      return code < 0 || code >= column.levels.length;
    }
    case 'boolean':
      // BOOLEAN_MISSING (255) is the marker; any other stray byte is treated the same way.
      return column.values[row] === BOOLEAN_MISSING || column.values[row] > 1;
    case 'text':
      return column.missing[row] === 1;
  }
}

/** The display text of `column` at 0-based `row`; "" for a missing value in every kind. */
export function formatCell(column: Column, row: number): string {
  switch (column.kind) {
    case 'numeric':
      return formatNumber(column.values[row]);
    case 'datetime':
      return formatDatetime(column.values[row]);
    case 'categorical': {
      const code = column.codes[row];
      return code >= 0 && code < column.levels.length ? column.levels[code] : '';
    }
    case 'boolean':
      return column.values[row] === 1 ? 'true' : column.values[row] === 0 ? 'false' : '';
    case 'text':
      return truncateText(textAt(column, row));
  }
}

/**
 * A number for display: integers without decimals, others to at most 6 significant digits with no trailing
 * zeros, |x| ≥ 1e15 or < 1e-4 in exponent form ("1.5e+21"); NaN (missing) is "".
 */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return '';
  if (value === 0) return '0'; // also −0
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e15 || magnitude < 1e-4) return stripExponentZeros(value.toExponential(5));
  if (Number.isInteger(value)) return String(value);
  const text = value.toPrecision(6);
  // 999999.7 rounds up to "1.00000e+6"; values with ≥ 6 integer digits keep their integer part instead.
  if (magnitude >= 1e5 || text.includes('e')) return value.toFixed(0);
  return stripTrailingZeros(text);
}

/** Epoch ms (UTC) as "2012-01-01" at midnight, else "2012-01-01 13:45:00" (".250" when ms are set); NaN is "". */
export function formatDatetime(epochMs: number): string {
  if (Number.isNaN(epochMs)) return '';
  if (!Number.isFinite(epochMs) || Math.abs(epochMs) > MAX_EPOCH_MS) return String(epochMs);
  const iso = new Date(epochMs).toISOString(); // e.g. 2012-01-01T13:45:00.000Z
  const separator = iso.indexOf('T');
  const date = iso.slice(0, separator);
  if (epochMs % MS_PER_DAY === 0) return date;
  const time = iso.slice(separator + 1, -1);
  return `${date} ${time.endsWith('.000') ? time.slice(0, -4) : time}`;
}

function truncateText(value: string | null): string {
  if (value === null) return '';
  if (value.length <= MAX_TEXT_CHARS) return value;
  let end = MAX_TEXT_CHARS;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // do not split a surrogate pair
  return `${value.slice(0, end)}…`;
}

function stripTrailingZeros(text: string): string {
  if (!text.includes('.')) return text;
  return text.replace(/0+$/, '').replace(/\.$/, '');
}

function stripExponentZeros(text: string): string {
  const [mantissa, exponent] = text.split('e');
  return `${stripTrailingZeros(mantissa)}e${exponent}`;
}
