// Property tests (fast-check): splits partition the rows, respect classes, groups and time; folds partition training.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Table } from '../table/types';
import { makeFolds } from './make-folds';
import { splitHoldout } from './split-holdout';

const rowsArb = fc.array(fc.record({ cls: fc.integer({ min: 0, max: 3 }), group: fc.integer({ min: 0, max: 9 }), t: fc.integer({ min: 0, max: 50 }) }), { minLength: 3, maxLength: 80 });
const fractionsArb = fc.constantFrom({ train: 0.7, validation: 0.15, test: 0.15 }, { train: 0.5, validation: 0, test: 0.5 }, { train: 0.6, validation: 0.2, test: 0.2 });

function tableOf(rows: { cls: number; group: number; t: number }[]): Table {
  return {
    rowCount: rows.length,
    columns: [
      { kind: 'categorical', name: 'y', codes: Int32Array.from(rows.map((r) => r.cls)), levels: ['a', 'b', 'c', 'd'] },
      { kind: 'numeric', name: 'g', values: Float64Array.from(rows.map((r) => r.group)) },
      { kind: 'datetime', name: 't', values: Float64Array.from(rows.map((r) => r.t * 1000)) },
    ],
  };
}

const sortedAll = (s: { train: Uint32Array; validation: Uint32Array; test: Uint32Array }) => [...s.train, ...s.validation, ...s.test].sort((a, b) => a - b);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('splitHoldout properties', () => {
  it('every kind puts every row in exactly one part', () => {
    fc.assert(
      fc.property(rowsArb, fractionsArb, fc.integer(), fc.constantFrom('random', 'stratified', 'temporal', 'grouped') as fc.Arbitrary<'random'>, (rows, fractions, seed, kind) => {
        const s = splitHoldout(tableOf(rows), { kind, fractions, seed, target: 'y', timeColumn: 't', groupColumn: 'g' });
        expect(sortedAll(s)).toEqual(range(rows.length));
      }),
    );
  });

  it('every kind given a subset of rows puts each of those rows, and no other, in exactly one part', () => {
    fc.assert(
      fc.property(rowsArb, fractionsArb, fc.integer(), fc.constantFrom('random', 'stratified', 'temporal', 'grouped') as fc.Arbitrary<'random'>, (rows, fractions, seed, kind) => {
        const subset = range(rows.length).filter((row) => rows[row].t % 3 !== 0);
        const s = splitHoldout(tableOf(rows), { kind, fractions, seed, target: 'y', timeColumn: 't', groupColumn: 'g' }, Uint32Array.from(subset));
        expect(sortedAll(s)).toEqual(subset);
      }),
    );
  });

  it('stratified keeps each class share within one row per part', () => {
    fc.assert(
      fc.property(rowsArb, fractionsArb, fc.integer(), (rows, fractions, seed) => {
        const s = splitHoldout(tableOf(rows), { kind: 'stratified', fractions, seed, target: 'y' });
        const shares = [fractions.train, fractions.validation, fractions.test];
        [s.train, s.validation, s.test].forEach((part, p) => {
          for (let c = 0; c < 4; c++) {
            const total = rows.filter((r) => r.cls === c).length;
            const inPart = Array.from(part).filter((r) => rows[r].cls === c).length;
            expect(Math.abs(inPart - total * shares[p])).toBeLessThan(1 + 1e-9);
          }
        });
      }),
    );
  });

  it('grouped never splits a group; temporal keeps train ≤ validation ≤ test in time', () => {
    fc.assert(
      fc.property(rowsArb, fractionsArb, fc.integer(), (rows, fractions, seed) => {
        const g = splitHoldout(tableOf(rows), { kind: 'grouped', fractions, seed, groupColumn: 'g' });
        const partsOfGroup = new Map<number, Set<number>>();
        [g.train, g.validation, g.test].forEach((part, p) => part.forEach((r) => partsOfGroup.set(rows[r].group, (partsOfGroup.get(rows[r].group) ?? new Set()).add(p))));
        expect([...partsOfGroup.values()].every((set) => set.size === 1)).toBe(true);
        const t = splitHoldout(tableOf(rows), { kind: 'temporal', fractions, seed, timeColumn: 't' });
        const times = [t.train, t.validation, t.test].filter((p) => p.length > 0).map((p) => Array.from(p).map((r) => rows[r].t));
        for (let p = 1; p < times.length; p++) expect(Math.max(...times[p - 1])).toBeLessThanOrEqual(Math.min(...times[p]));
      }),
    );
  });
});

describe('makeFolds properties', () => {
  it('validation folds partition the training rows and never overlap their own training part', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 2, max: 5 }), fc.integer(), fc.constantFrom('kfold', 'stratified') as fc.Arbitrary<'kfold'>, (rows, k, seed, kind) => {
        fc.pre(rows.length >= k);
        const train = Uint32Array.from(range(rows.length).filter((r) => r % 4 !== 3));
        fc.pre(train.length >= k);
        const folds = makeFolds(tableOf(rows), train, { kind, k, seed, target: 'y' });
        expect(folds.flatMap((f) => Array.from(f.validation)).sort((a, b) => a - b)).toEqual(Array.from(train));
        for (const f of folds) {
          expect([...f.train, ...f.validation].sort((a, b) => a - b)).toEqual(Array.from(train));
        }
      }),
    );
  });

  it('group folds keep each group in one validation fold', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 2, max: 4 }), fc.integer(), (rows, k, seed) => {
        fc.pre(new Set(rows.map((r) => r.group)).size >= k);
        const folds = makeFolds(tableOf(rows), Uint32Array.from(range(rows.length)), { kind: 'group', k, seed, groupColumn: 'g' });
        const foldOfGroup = new Map<number, Set<number>>();
        folds.forEach((f, i) => f.validation.forEach((r) => foldOfGroup.set(rows[r].group, (foldOfGroup.get(rows[r].group) ?? new Set()).add(i))));
        expect([...foldOfGroup.values()].every((s) => s.size === 1)).toBe(true);
        expect(folds.reduce((n, f) => n + f.validation.length, 0)).toBe(rows.length);
      }),
    );
  });
});
