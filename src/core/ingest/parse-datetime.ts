// Recognizes and parses the date and date-time spellings common in data files, as UTC epoch ms.
// ISO 8601 is read by hand (it is by far the most common and the hot path); the rest by regex.
// Day/month order of n/n/yyyy dates is decided per column by the caller (see inferColumn).

/** A recognized spelling; 'slash' is n/n/yyyy whose day/month order the column decides. */
export type DateSpelling = 'iso-date' | 'iso-datetime' | 'yyyy/mm/dd' | 'slash' | 'mon d yyyy' | 'd mon yyyy';

/** The column-level format: 'slash' resolved into one of the two orders. */
export type DateFormat = Exclude<DateSpelling, 'slash'> | 'mm/dd/yyyy' | 'dd/mm/yyyy';

/** Filled by matchDate: the spelling found and, except for 'slash', its epoch ms. */
export interface DateMatch {
  spelling: DateSpelling | null;
  ms: number;
}

const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const MON_D_Y = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/;
const D_MON_Y = /^(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})$/;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Recognizes a trimmed value; true (and `hit` filled) when it is a valid date in a known spelling. */
export function matchDate(s: string, hit: DateMatch): boolean {
  hit.spelling = null;
  if (s.length < 8 || s.length > 35) return false;
  const c = s.charCodeAt(0);
  let ms = NaN;
  let spelling: DateSpelling | null = null;
  if (c >= 48 && c <= 57) {
    const c4 = s.charCodeAt(4);
    if (c4 === 45) {
      ms = parseIso(s);
      spelling = s.length > 10 ? 'iso-datetime' : 'iso-date';
    } else if (c4 === 47) {
      ms = parseDate(s, 'yyyy/mm/dd');
      spelling = 'yyyy/mm/dd';
    } else if (SLASH.test(s)) {
      ms = slashIsValid(s) ? 0 : NaN;
      spelling = 'slash';
    } else {
      ms = parseDate(s, 'd mon yyyy');
      spelling = 'd mon yyyy';
    }
  } else {
    ms = parseDate(s, 'mon d yyyy');
    spelling = 'mon d yyyy';
  }
  if (ms !== ms) return false;
  hit.spelling = spelling;
  hit.ms = spelling === 'slash' ? NaN : ms;
  return true;
}

/** Epoch ms (UTC; an explicit offset is honoured) of a trimmed value in `format`; NaN when it does not fit. */
export function parseDate(s: string, format: DateFormat): number {
  let m: RegExpExecArray | null;
  switch (format) {
    case 'iso-date':
    case 'iso-datetime':
      return parseIso(s);
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

/** matchDate of text[from, to), reading ISO spellings without making that string. */
export function matchDateIn(text: string, from: number, to: number, hit: DateMatch): boolean {
  const n = to - from;
  const c = text.charCodeAt(from);
  if (n < 8 || n > 35 || !(c >= 48 && c <= 57) || text.charCodeAt(from + 4) !== 45) return matchDate(text.slice(from, to), hit);
  hit.spelling = null;
  const ms = parseIso(text, from, to);
  if (ms !== ms) return false;
  hit.spelling = n > 10 ? 'iso-datetime' : 'iso-date';
  hit.ms = ms;
  return true;
}

function slashIsValid(s: string): boolean {
  return parseDate(s, 'mm/dd/yyyy') === parseDate(s, 'mm/dd/yyyy') || parseDate(s, 'dd/mm/yyyy') === parseDate(s, 'dd/mm/yyyy');
}

/** yyyy-mm-dd, optionally followed by [T ]hh:mm[:ss[.fff…]] and Z or ±hh[:mm], read from s[o, end); NaN otherwise. */
function parseIso(s: string, o = 0, end = s.length): number {
  const n = end - o;
  if (n < 10 || s.charCodeAt(o + 7) !== 45) return NaN;
  const year = twoDigits(s, o) * 100 + twoDigits(s, o + 2);
  const month = twoDigits(s, o + 5);
  const day = twoDigits(s, o + 8);
  if (n === 10) return toEpochMs(year, month, day);
  const sep = s.charCodeAt(o + 10);
  if ((sep !== 84 && sep !== 32) || n < 16 || s.charCodeAt(o + 13) !== 58) return NaN;
  const hour = twoDigits(s, o + 11);
  const minute = twoDigits(s, o + 14);
  let i = 16;
  let second = 0;
  let fraction = 0;
  if (i < n && s.charCodeAt(o + i) === 58) {
    second = twoDigits(s, o + 17);
    i = 19;
    if (i < n && s.charCodeAt(o + i) === 46) {
      const start = ++i;
      while (i < n && s.charCodeAt(o + i) >= 48 && s.charCodeAt(o + i) <= 57) i++;
      if (i === start) return NaN;
      fraction = Math.floor(Number(`0.${s.slice(o + start, o + i)}`) * 1000);
    }
  }
  const base = toEpochMs(year, month, day, hour, minute, second) + fraction;
  if (i === n) return base;
  const z = s.charCodeAt(o + i);
  if (z === 90 && i + 1 === n) return base;
  if (z !== 43 && z !== 45) return NaN;
  const offsetHours = twoDigits(s, o + i + 1);
  let j = i + 3;
  if (s.charCodeAt(o + j) === 58) j++;
  const offsetMinutes = j === n ? 0 : twoDigits(s, o + j);
  if (j !== n && j + 2 !== n) return NaN;
  const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
  return z === 45 ? base + offset : base - offset;
}

/** The value of the two ASCII digits at `start`; NaN when either is not a digit (or is past the end). */
function twoDigits(s: string, start: number): number {
  const a = s.charCodeAt(start) - 48;
  const b = s.charCodeAt(start + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/** 1–12 for "Jun", "june", "Sept."-style names; 0 when unknown. */
function monthOf(name: string): number {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((month) => month.startsWith(lower.slice(0, 3)) && (lower.length === 3 || month.startsWith(lower) || lower === 'sept'));
  return index + 1;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The month toEpochMs last met: consecutive cells of a column mostly share it. */
const lastMonth = { year: NaN, month: NaN, firstDay: 0, length: 0 };

/** UTC epoch ms with range checks (31 Feb is NaN, not 3 March); pure arithmetic, no Date objects. */
function toEpochMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  if (!(month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 59)) return NaN;
  if (year !== lastMonth.year || month !== lastMonth.month) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    lastMonth.year = year;
    lastMonth.month = month;
    lastMonth.length = DAYS_IN_MONTH[month - 1] + (month === 2 && leap ? 1 : 0);
    lastMonth.firstDay = daysFromCivil(year, month, 1);
  }
  if (day > lastMonth.length) return NaN;
  return (lastMonth.firstDay + day - 1) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000;
}

/** Days from 1970-01-01 (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}
