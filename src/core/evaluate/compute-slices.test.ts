// Row groups (quantile bins as pandas.qcut on fixtures/evaluate.json; categories pooled past a cap), slices with
// intervals and far-worse flags, and fairness rates / differences against fairlearn's formulas in numpy.
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/evaluate.json';
import type { CategoricalColumn, NumericColumn } from '../table/types';
import { computeAccuracy, computeFairness, computeSlices, groupRows, MISSING_GROUP, type RowGroups } from './index';

const f64 = (values: number[]): Float64Array => Float64Array.from(values);
const allRows = (n: number): Uint32Array => Uint32Array.from({ length: n }, (_, i) => i);
const categorical = (name: string, values: string[]): CategoricalColumn => {
  const levels = [...new Set(values)];
  return { kind: 'categorical', name, codes: Int32Array.from(values, (v) => levels.indexOf(v)), levels };
};

describe('groupRows', () => {
  it('quantile bins match pandas.qcut(q=4), missing values in their own group', () => {
    const values = f64(fixture.quantileGroups.values.map((v) => v ?? Number.NaN));
    const column: NumericColumn = { kind: 'numeric', name: 'x', values };
    const groups = groupRows(column, allRows(values.length));
    expect(Array.from(groups.codes, (c) => (groups.labels[c] === MISSING_GROUP ? -1 : c))).toEqual(fixture.quantileGroups.codes);
    expect([groups.labels.length, groups.note]).toEqual([5, 'x is cut into 4 quantile bins']);
  });

  it('labels bins by their edges and keeps only the evaluated rows', () => {
    const column: NumericColumn = { kind: 'numeric', name: 'age', values: f64([10, 20, 30, 40, 50]) };
    expect(groupRows(column, Uint32Array.from([4, 0, 1, 2]), { binCount: 2 })).toEqual({
      column: 'age', labels: ['[10, 25]', '(25, 50]'], codes: Int32Array.from([1, 0, 0, 1]), note: 'age is cut into 2 quantile bins',
    });
  });

  it('a sensitive column with hundreds of values keeps the 49 largest and pools the rest as "other"', () => {
    const values = Array.from({ length: 600 }, (_, i) => (i < 100 ? 'big' : `v${i % 300}`));
    const groups = groupRows(categorical('city', values), allRows(600));
    expect([groups.labels.length, groups.labels[0], groups.labels[49], groups.note]).toEqual([50, 'big', 'other', 'city has 301 values; the 252 smallest are pooled as "other"']);
  });
});

describe('computeSlices', () => {
  it('gives counts, intervals, flags far-worse slices and says why an empty slice has no value', () => {
    const n = 120;
    const yTrue = f64(Array.from({ length: n }, (_, i) => i % 2));
    // group A (rows 0–89) right 9 times in 10, group B (rows 90–119) right 3 times in 10
    const yPred = yTrue.map((t, i) => ((i < 90 ? i % 10 === 0 : i % 10 < 7) ? 1 - t : t));
    const groups: RowGroups = { column: 'g', labels: ['A', 'B', 'C'], codes: Int32Array.from({ length: n }, (_, i) => (i < 90 ? 0 : 1)) };
    const report = computeSlices(groups, yTrue, yPred, computeAccuracy, { higherIsBetter: true, seed: 5, repeats: 300, stratify: true });
    expect(report.overall.value).toBe(0.75);
    expect(report.slices.map((s) => [s.label, s.count, s.value, s.flagged])).toEqual([['A', 90, 0.9, false], ['B', 30, 0.3, true], ['C', 0, null, false]]);
    expect(report.slices[2]).toEqual({ label: 'C', count: 0, value: null, low: null, high: null, repeats: 0, reason: 'empty slice: no evaluated rows', flagged: false });
    expect(report.rule).toBe('flagged when the slice interval lies entirely below the overall value');
  });
});

describe('computeFairness', () => {
  it('rates and differences match fairlearn definitions computed in numpy', () => {
    const f = fixture.fairness;
    const groups: RowGroups = { column: 'g', labels: ['0', '1', '2'], codes: Int32Array.from(f.group) };
    const report = computeFairness(groups, f.yTrue, f.yPred);
    const near = (a: number | null, b: number): boolean => a !== null && Math.abs(a - b) <= 1e-9;
    expect({
      selection: report.groups.every((g, i) => near(g.selectionRate, f.selectionRate[i])),
      tpr: report.groups.every((g, i) => near(g.truePositiveRate, f.truePositiveRate[i])),
      fpr: report.groups.every((g, i) => near(g.falsePositiveRate, f.falsePositiveRate[i])),
      dpd: near(report.demographicParityDifference.value, f.demographicParityDifference),
      dpr: near(report.demographicParityRatio.value, f.demographicParityRatio),
      eod: near(report.equalOpportunityDifference.value, f.equalOpportunityDifference),
      eqodds: near(report.equalizedOddsDifference.value, f.equalizedOddsDifference),
    }).toEqual({ selection: true, tpr: true, fpr: true, dpd: true, dpr: true, eod: true, eqodds: true });
  });

  it('groups with an undefined rate are named and left out; too few groups give null with a reason', () => {
    const groups: RowGroups = { column: 'sex', labels: ['f', 'm', 'x'], codes: Int32Array.from([0, 0, 0, 1, 1, 1, 2]) };
    expect(computeFairness(groups, [1, 0, 1, 1, 0, 0, 0], [1, 0, 0, 1, 1, 0, 1])).toEqual({
      column: 'sex',
      groups: [
        { label: 'f', count: 3, selectionRate: 1 / 3, truePositiveRate: 0.5, falsePositiveRate: 0 },
        { label: 'm', count: 3, selectionRate: 2 / 3, truePositiveRate: 1, falsePositiveRate: 0.5 },
        { label: 'x', count: 1, selectionRate: 1, truePositiveRate: null, falsePositiveRate: 1 },
      ],
      demographicParityDifference: { value: 1 - 1 / 3 },
      demographicParityRatio: { value: 1 / 3 },
      equalOpportunityDifference: { value: 0.5 },
      equalizedOddsDifference: { value: 1 },
      notes: ['true-positive rate is undefined for x; left out of its difference'],
    });
    const one: RowGroups = { column: 'sex', labels: ['f'], codes: Int32Array.from([0, 0]) };
    expect(computeFairness(one, [1, 0], [1, 1]).demographicParityDifference).toEqual({ value: null, reason: 'selection rate is defined for 1 group(s); a difference needs at least 2' });
  });
});
