import { describe, expect, it } from 'vitest';
import type { Table } from '../table/types';
import { splitHoldout } from './split-holdout';
import { textColumn } from '../../test-support/table-builders';

const parts = (s: { train: Uint32Array; validation: Uint32Array; test: Uint32Array }) => [Array.from(s.train), Array.from(s.validation), Array.from(s.test)];

describe('splitHoldout', () => {
  it('random: sizes follow the fractions and the seed fixes the rows', () => {
    const table: Table = { rowCount: 20, columns: [] };
    const a = splitHoldout(table, { kind: 'random', seed: 5 });
    expect([a.train.length, a.validation.length, a.test.length]).toEqual([14, 3, 3]);
    expect(parts(splitHoldout(table, { kind: 'random', seed: 5 }))).toEqual(parts(a));
    expect(parts(splitHoldout(table, { kind: 'random', seed: 6 }))).not.toEqual(parts(a));
  });

  it('stratified: leaves out rows with a missing target, with a warning', () => {
    const table: Table = {
      rowCount: 10,
      columns: [{ kind: 'categorical', name: 'y', codes: Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, -1, -1]), levels: ['no', 'yes'] }],
    };
    const s = splitHoldout(table, { kind: 'stratified', seed: 1, target: 'y', fractions: { train: 0.5, validation: 0, test: 0.5 } });
    expect([s.train.length, s.validation.length, s.test.length]).toEqual([4, 0, 4]);
    expect(s.warnings).toEqual(["2 rows with a missing 'y' were left out of every part."]);
    expect(Array.from(s.train).filter((r) => r < 4).length).toBe(2);
  });

  it('temporal: earliest rows train, latest test, the gap and missing times removed', () => {
    const day = 86_400_000;
    const times = [9, 0, 1, 2, 3, 4, 5, 6, 7, 8, NaN].map((d) => d * day);
    const table: Table = { rowCount: 11, columns: [{ kind: 'datetime', name: 'when', values: Float64Array.from(times) }] };
    const s = splitHoldout(table, { kind: 'temporal', seed: 0, timeColumn: 'when', gapMs: 1.5 * day, fractions: { train: 0.6, validation: 0.2, test: 0.2 } });
    // by day: rows 1–6 (days 0–5) train, 7–8 (days 6–7) validation, 9 and 0 (days 8–9) test; the gap drops days 6 and 8
    expect(parts(s)).toEqual([[1, 2, 3, 4, 5, 6], [8], [0]]);
    expect(s.warnings).toEqual([
      "1 rows with a missing 'when' were left out of every part.",
      '2 rows inside the 129600000 ms gap between parts were left out.',
    ]);
  });

  it('grouped: a group lands in one part only', () => {
    const table: Table = { rowCount: 8, columns: [textColumn('patient', ['a', 'a', 'b', 'b', 'c', 'c', 'd', null])] };
    const s = splitHoldout(table, { kind: 'grouped', seed: 2, groupColumn: 'patient' });
    const partOf = new Map<string, number>();
    parts(s).forEach((rows, p) => rows.forEach((r) => partOf.set(`${r}`, p)));
    expect([partOf.get('0') === partOf.get('1'), partOf.get('2') === partOf.get('3'), partOf.get('4') === partOf.get('5')]).toEqual([true, true, true]);
    expect(s.warnings).toEqual(["1 rows with a missing 'patient' were each treated as their own group."]);
  });

  it('names the bad fractions and the missing column', () => {
    const table: Table = { rowCount: 3, columns: [{ kind: 'numeric', name: 'x', values: Float64Array.from([1, 2, 3]) }] };
    expect(() => splitHoldout(table, { kind: 'random', seed: 0, fractions: { train: 0.5, validation: 0.1, test: 0.1 } })).toThrow(
      'Split fractions train 0.5, validation 0.1, test 0.1 must be ≥ 0, train > 0, and add up to 1.',
    );
    expect(() => splitHoldout(table, { kind: 'stratified', seed: 0, target: 'y' })).toThrow("The target column 'y' is not in the table. Choose one of: 'x'.");
  });

  it('splits a class or a group of 300,000 rows (a spread of that many rows overflowed the call stack)', () => {
    const n = 300_000;
    const big: Table = { rowCount: n, columns: [{ kind: 'numeric', name: 'y', values: Float64Array.from({ length: n }, (_, i) => (i < 1000 ? 1 : 0)) }] };
    const sizes = (kind: 'stratified' | 'grouped') => {
      const s = splitHoldout(big, { kind, seed: 1, target: 'y', groupColumn: 'y' });
      return [s.train.length, s.validation.length, s.test.length];
    };
    // Stratified: 70/15/15 of each class (299,000 and 1,000 rows); grouped: the big group lands whole in one part.
    expect([sizes('stratified'), sizes('grouped').sort((a, b) => b - a)]).toEqual([[210_000, 45_000, 45_000], [299_000, 1_000, 0]]);
  });
});

