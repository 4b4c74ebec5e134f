import { describe, expect, it } from 'vitest';
import reference from './fixtures/auc-reference.json';
import { measureRankAuc } from './measure-rank-auc';
import { rankColumn } from '../stats/rank-column';

const ranked = (values: (number | null)[]) => rankColumn(Float64Array.from(values, (v) => (v === null ? Number.NaN : v)));

describe('measureRankAuc', () => {
  it('equals sklearn roc_auc_score folded to max(AUC, 1 − AUC), ties and missing rows included (scripts/reference/alerts_reference.py)', () => {
    const cases = Object.entries(reference.cases);
    const ours = cases.map(([name, c]) => [name, Number(measureRankAuc(ranked(c.feature), Int32Array.from(c.classes)).toPrecision(12))]);
    expect(ours).toEqual(cases.map(([name, c]) => [name, Number(c.auc.toPrecision(12))]));
  });

  it('is NaN when only one class has a value', () => {
    expect(measureRankAuc(ranked([1, 2, null]), Int32Array.from([0, 0, 1]))).toBeNaN();
  });
});
