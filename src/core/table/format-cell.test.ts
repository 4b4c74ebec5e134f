import { describe, expect, it } from 'vitest';
import { formatCell, formatDatetime, formatNumber, isMissing, MAX_TEXT_CHARS } from './format-cell';
import type { Column } from './types';
import { textColumn } from '../../test-support/table-builders';

function formatAll(column: Column, rowCount: number): string[] {
  return Array.from({ length: rowCount }, (_, row) => formatCell(column, row));
}

function missingAll(column: Column, rowCount: number): boolean[] {
  return Array.from({ length: rowCount }, (_, row) => isMissing(column, row));
}

describe('formatCell', () => {
  it('formats numbers: integers plain, decimals to 6 significant digits, extremes in exponent form', () => {
    const values = [0, -0, 42, -7, 1234567, 3.14159265, 0.1 + 0.2, 2.5, -0.000123456789, 123456.7, 999999.7,
      1e21, -1.5e-7, 12345678901234567, NaN, Infinity, -Infinity];
    const column: Column = { kind: 'numeric', name: 'x', values: new Float64Array(values) };
    expect(formatAll(column, values.length)).toEqual(['0', '0', '42', '-7', '1234567', '3.14159', '0.3', '2.5',
      '-0.000123457', '123457', '1000000', '1e+21', '-1.5e-7', '1.23457e+16', '', 'Infinity', '-Infinity']);
    expect(missingAll(column, values.length)).toEqual([false, false, false, false, false, false, false, false,
      false, false, false, false, false, false, true, false, false]);
  });

  it('formats datetimes as a date at UTC midnight and as date + time otherwise', () => {
    const values = [Date.UTC(2012, 0, 1), Date.UTC(2012, 0, 1, 13, 45), Date.UTC(1969, 11, 31, 23, 59, 59, 250),
      Date.UTC(1960, 5, 15), NaN];
    const column: Column = { kind: 'datetime', name: 'when', values: new Float64Array(values) };
    expect(formatAll(column, values.length)).toEqual(['2012-01-01', '2012-01-01 13:45:00',
      '1969-12-31 23:59:59.250', '1960-06-15', '']);
    expect(missingAll(column, values.length)).toEqual([false, false, false, false, true]);
  });

  it('formats booleans as true/false and the 255 marker as missing', () => {
    const column: Column = { kind: 'boolean', name: 'ok', values: new Uint8Array([1, 0, 255]) };
    expect(formatAll(column, 3)).toEqual(['true', 'false', '']);
    expect(missingAll(column, 3)).toEqual([false, false, true]);
  });

  it('formats categories as their level and code −1 as missing', () => {
    const column: Column = { kind: 'categorical', name: 'species', codes: new Int32Array([1, 0, -1, 1]),
      levels: ['Adelie', 'Gentoo'] };
    expect(formatAll(column, 4)).toEqual(['Gentoo', 'Adelie', '', 'Gentoo']);
    expect(missingAll(column, 4)).toEqual([false, false, true, false]);
  });

  it('formats text as itself, cuts long text to 200 characters + "…", and null as missing', () => {
    const long = 'a'.repeat(250);
    const emojiAtCut = `${'b'.repeat(MAX_TEXT_CHARS - 1)}😀tail`;
    const column: Column = textColumn('note', ['hello', '', null, long, emojiAtCut]);
    expect(formatAll(column, 5)).toEqual(['hello', '', '', `${'a'.repeat(200)}…`,
      `${'b'.repeat(MAX_TEXT_CHARS - 1)}…`]);
    expect(missingAll(column, 5)).toEqual([false, false, true, false, false]);
  });
});

describe('formatNumber and formatDatetime', () => {
  it('round-trip the edges of their ranges', () => {
    expect([formatNumber(0.0001), formatNumber(0.00009999), formatNumber(1e15), formatNumber(999999999999999)])
      .toEqual(['0.0001', '9.999e-5', '1e+15', '999999999999999']);
    expect([formatDatetime(0), formatDatetime(8.64e15 + 1), formatDatetime(-86_400_000)])
      .toEqual(['1970-01-01', '8640000000000001', '1969-12-31']);
  });
});
