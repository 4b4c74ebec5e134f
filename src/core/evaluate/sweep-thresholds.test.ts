// Threshold sweep, ROC / PR curves, gain table and cost curve against scikit-learn 1.2 and numpy on
// fixtures/evaluate.json (scripts/reference/evaluate_reference.py), to 1e-9.
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/evaluate.json';
import { computeCostCurve, computeGainTable, computePrecisionRecallCurve, computeRocCurve, findOperatingPoint, sweepThresholds } from './index';

const closeAll = (a: readonly (number | null)[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((v, i) => v !== null && Math.abs(v - b[i]) <= 1e-9);

describe('sweepThresholds', () => {
  it('counts at every distinct threshold equal sklearn confusion counts', () => {
    const mismatches = fixture.scores.filter((c) => {
      const s = sweepThresholds(c.yTrue, c.score);
      return !(closeAll(s.thresholds, c.thresholds) && closeAll(s.truePositives, c.truePositives) && closeAll(s.falsePositives, c.falsePositives));
    });
    expect(mismatches.map((c) => c.name)).toEqual([]);
  });

  it('reads the operating point at any slider position, including above every score', () => {
    const sweep = sweepThresholds([0, 1, 1, 0, 1], [0.1, 0.8, 0.4, 0.4, 0.9]);
    expect(sweep).toEqual({ positives: 3, negatives: 2, thresholds: [0.9, 0.8, 0.4, 0.1], truePositives: [1, 2, 3, 3], falsePositives: [0, 0, 1, 2] });
    expect(findOperatingPoint(sweep, 0.5)).toEqual({
      threshold: 0.5, truePositives: 2, falsePositives: 0, falseNegatives: 1, trueNegatives: 2,
      precision: 1, recall: 2 / 3, falsePositiveRate: 0, f1: 0.8, accuracy: 0.8,
    });
    expect(findOperatingPoint(sweep, 0.4).falsePositives).toBe(1);
    expect(findOperatingPoint(sweep, 0.95)).toEqual({
      threshold: 0.95, truePositives: 0, falsePositives: 0, falseNegatives: 3, trueNegatives: 2,
      precision: null, recall: 0, falsePositiveRate: 0, f1: 0, accuracy: 0.4,
    });
  });

  it('one class present: rates over the missing class are null; NaN scores are refused', () => {
    expect(findOperatingPoint(sweepThresholds([1, 1], [0.2, 0.6]), 0.5)).toEqual({
      threshold: 0.5, truePositives: 1, falsePositives: 0, falseNegatives: 1, trueNegatives: 0,
      precision: 1, recall: 0.5, falsePositiveRate: null, f1: 2 / 3, accuracy: 0.5,
    });
    expect(() => sweepThresholds([1, 0], [0.2, Number.NaN])).toThrow('score[1] = NaN is not a finite number; drop or impute rows without a score.');
  });
});

describe('curves', () => {
  it('ROC (drop_intermediate) and precision-recall match sklearn', () => {
    const mismatches = fixture.scores.flatMap((c) => {
      const roc = computeRocCurve(c.yTrue, c.score).value!;
      const pr = computePrecisionRecallCurve(c.yTrue, c.score).value!;
      const bad: string[] = [];
      if (!(closeAll(roc.falsePositiveRate, c.roc.falsePositiveRate) && closeAll(roc.truePositiveRate, c.roc.truePositiveRate) && closeAll(roc.thresholds, c.roc.thresholds))) bad.push(`${c.name} roc`);
      if (!(closeAll(pr.precision, c.pr.precision) && closeAll(pr.recall, c.pr.recall) && closeAll(pr.thresholds, c.pr.thresholds))) bad.push(`${c.name} pr`);
      return bad;
    });
    expect(mismatches).toEqual([]);
  });

  it('one class present gives null with a reason', () => {
    expect(computeRocCurve([0, 0], [0.1, 0.2])).toEqual({ value: null, reason: 'no positive rows; the true-positive rate is undefined' });
    expect(computeRocCurve([1, 1], [0.1, 0.2])).toEqual({ value: null, reason: 'no negative rows; the false-positive rate is undefined' });
    expect(computePrecisionRecallCurve([0, 0], [0.1, 0.2])).toEqual({ value: null, reason: 'no positive rows; recall is undefined' });
  });
});

describe('gain table and cost curve', () => {
  it('decile gain and lift match numpy array_split on a stable ranking', () => {
    // with fewer rows than groups numpy leaves groups empty; we make one group per row instead (below)
    const cases = fixture.scores.filter((c) => c.yTrue.length >= 10);
    expect(cases.length).toBe(3);
    const mismatches = cases.filter((c) => {
      const rows = computeGainTable(c.yTrue, c.score).value!;
      return !(closeAll(rows.map((r) => r.positives), c.gain.positives) && closeAll(rows.map((r) => r.gain), c.gain.gain) && closeAll(rows.map((r) => r.lift), c.gain.lift));
    });
    expect(mismatches.map((c) => c.name)).toEqual([]);
    expect(computeGainTable([0, 0, 0], [0.3, 0.2, 0.1])).toEqual({ value: null, reason: 'no positive rows; gain and lift are undefined' });
    expect(computeGainTable([0, 1, 1], [0.3, 0.2, 0.1], 1, 10).value).toEqual([
      { depth: 1 / 3, rows: 1, positives: 0, cumulativeRows: 1, cumulativePositives: 0, gain: 0, lift: 0, minScore: 0.3 },
      { depth: 2 / 3, rows: 1, positives: 1, cumulativeRows: 2, cumulativePositives: 1, gain: 0.5, lift: 0.75, minScore: 0.2 },
      { depth: 1, rows: 1, positives: 1, cumulativeRows: 3, cumulativePositives: 2, gain: 1, lift: 1, minScore: 0.1 },
    ]);
  });

  it('mean cost per case at "none" and every threshold matches numpy; the best threshold is the cheapest', () => {
    const mismatches = fixture.scores.filter((c) => {
      const curve = computeCostCurve(c.yTrue, c.score, fixture.costs);
      return !(closeAll(curve.meanCost, c.meanCost) && curve.best?.meanCost === Math.min(...curve.meanCost));
    });
    expect(mismatches.map((c) => c.name)).toEqual([]);
    const costs = { truePositive: -10, falsePositive: 2, falseNegative: 0, trueNegative: 0 };
    expect(computeCostCurve([1, 0, 1, 0], [0.9, 0.7, 0.6, 0.2], costs)).toEqual({
      thresholds: [null, 0.9, 0.7, 0.6, 0.2],
      meanCost: [0, -2.5, -2, -4.5, -4],
      best: { threshold: 0.6, meanCost: -4.5, index: 3 },
    });
    expect(computeCostCurve([1, 0], [0.9, 0.1], { truePositive: 1, falsePositive: 1, falseNegative: 1, trueNegative: 1 }).best).toEqual({ threshold: null, meanCost: 1, index: 0 });
    expect(() => computeCostCurve([1], [0.5], { ...costs, falseNegative: Number.NaN })).toThrow('the falseNegative cost is NaN; enter a number (money per case, negative for a gain).');
  });
});
