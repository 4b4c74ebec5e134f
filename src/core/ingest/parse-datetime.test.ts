import { describe, expect, it } from 'vitest';
import { matchDate, matchDateIn, parseDate, type DateMatch } from './parse-datetime';

describe('parseDate (ISO)', () => {
  it('equals Date.UTC on every day of 1899–2101 and on times, and refuses impossible days', () => {
    const wrong: string[] = [];
    for (let year = 1899; year <= 2101; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const utc = Date.UTC(year, month - 1, day);
          const expected = new Date(utc).getUTCDate() === day ? utc : NaN;
          if (!Object.is(parseDate(text, 'iso-date'), expected)) wrong.push(text);
        }
      }
    }
    const times = ['2020-02-29T23:59:59', '2021-02-29T00:00', '2020-01-01 10:10:10.25Z', '2020-01-01T10:10+02:00', '2020-01-01T24:00', '2020-1-01', '2020-01-0x'];
    expect([wrong, times.map((t) => parseDate(t, 'iso-datetime'))]).toEqual([
      [],
      [Date.UTC(2020, 1, 29, 23, 59, 59), NaN, Date.UTC(2020, 0, 1, 10, 10, 10, 250), Date.UTC(2020, 0, 1, 8, 10), NaN, NaN, NaN],
    ]);
  });
});

describe('matchDateIn', () => {
  it('matches a cell inside a larger text as matchDate matches the cell, never reading past its end', () => {
    const cells = ['2020-01-01', '2020-01-01T10:10:5', '2020-01-01T10:1', '2020-01-01T10:10:59.5', '2020-01-01T10:10+0', '12/31/2020', 'Jun 3 2021', '2020-02-30', '1234567'];
    const row = cells.join('9');
    const found: (DateMatch | false)[] = [];
    const expected: (DateMatch | false)[] = [];
    let at = 0;
    for (const cell of cells) {
      const hit: DateMatch = { spelling: null, ms: NaN };
      found.push(matchDateIn(row, at, at + cell.length, hit) && { ...hit });
      const alone: DateMatch = { spelling: null, ms: NaN };
      expected.push(matchDate(cell, alone) && { ...alone });
      at += cell.length + 1;
    }
    expect(found).toEqual(expected);
  });
});
