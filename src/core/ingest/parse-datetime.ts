// Recognizes and parses the date and date-time spellings common in data files, as UTC epoch ms.
// Day/month order of d/m/y dates is decided per column by the caller (see inferColumn).

/** A recognized spelling; 'slash' is n/n/yyyy whose day/month order the column decides. */
export type DateSpelling = 'iso-date' | 'iso-datetime' | 'yyyy/mm/dd' | 'slash' | 'mon d yyyy' | 'd mon yyyy';

/** The column-level format: 'slash' resolved into one of the two orders. */
export type DateFormat = Exclude<DateSpelling, 'slash'> | 'mm/dd/yyyy' | 'dd/mm/yyyy';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const MON_D_Y = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/;
const D_MON_Y = /^(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})$/;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Which spelling a trimmed value uses, or null when it is not a valid date. */
export function classifyDate(s: string): DateSpelling | null {
  if (s.length < 8 || s.length > 35) return null;
  const c = s.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    if (s.charCodeAt(4) === 45) return isValid(parseDate(s, 'iso-date')) ? (s.length > 10 ? 'iso-datetime' : 'iso-date') : null;
    if (s.charCodeAt(4) === 47) return isValid(parseDate(s, 'yyyy/mm/dd')) ? 'yyyy/mm/dd' : null;
    const m = SLASH.exec(s);
    if (m === null) return D_MON_Y.test(s) && isValid(parseDate(s, 'd mon yyyy')) ? 'd mon yyyy' : null;
    const a = Number(m[1]);
    const b = Number(m[2]);
    return isValid(toEpochMs(+m[3], a, b)) || isValid(toEpochMs(+m[3], b, a)) ? 'slash' : null;
  }
  return MON_D_Y.test(s) && isValid(parseDate(s, 'mon d yyyy')) ? 'mon d yyyy' : null;
}

/** Epoch ms (UTC; an explicit offset is honoured) of a trimmed value in `format`; NaN when it does not fit. */
export function parseDate(s: string, format: DateFormat | 'iso-date'): number {
  let m: RegExpExecArray | null;
  switch (format) {
    case 'iso-date':
    case 'iso-datetime': {
      if ((m = ISO.exec(s)) === null) return NaN;
      const base = toEpochMs(+m[1], +m[2], +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0);
      const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
      return base + ms - offsetMinutes(m[8]) * 60_000;
    }
    case 'yyyy/mm/dd':
      return (m = YMD_SLASH.exec(s)) === null ? NaN : toEpochMs(+m[1], +m[2], +m[3]);
    case 'mm/dd/yyyy':
      return (m = SLASH.exec(s)) === null ? NaN : toEpochMs(+m[3], +m[1], +m[2]);
    case 'dd/mm/yyyy':
      return (m = SLASH.exec(s)) === null ? NaN : toEpochMs(+m[3], +m[2], +m[1]);
    case 'mon d yyyy':
      return (m = MON_D_Y.exec(s)) === null ? NaN : toEpochMs(+m[3], monthOf(m[1]), +m[2]);
    case 'd mon yyyy':
      return (m = D_MON_Y.exec(s)) === null ? NaN : toEpochMs(+m[3], monthOf(m[2]), +m[1]);
  }
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return zone[0] === '-' ? -minutes : minutes;
}

/** 1–12 for "Jun", "june", "Sept."-style names; 0 when unknown. */
function monthOf(name: string): number {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((month) => month.startsWith(lower.slice(0, 3)) && (lower.length === 3 || month.startsWith(lower) || lower === 'sept'));
  return index + 1;
}

/** Date.UTC with range checks (no rolling 31 Feb into March); NaN when out of range. */
function toEpochMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return NaN;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  return new Date(ms).getUTCDate() === day ? ms : NaN;
}

function isValid(ms: number): boolean {
  return ms === ms;
}
