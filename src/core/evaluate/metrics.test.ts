// Every metric against scikit-learn 1.2 on the literal cases in fixtures/metrics.json
// (made by scripts/reference/metrics_reference.py), to 1e-9.

import { describe, expect, it } from 'vitest';
import fixture from './fixtures/metrics.json';
import {
  computeAccuracy, computeAveragePrecision, computeBalancedAccuracy, computeBrierScore, computeExplainedVariance, computeLogLoss,
  computeMae, computeMape, computeMedianAbsoluteError, computeMse, computePrecisionRecallF1, computeR2, computeRmse, computeRocAuc,
  computeRocAucOneVsRest, type MetricValue,
} from './index';

const f64 = (values: number[]): Float64Array => Float64Array.from(values);

/** Pairs of [label, actual, expected] whose values differ by more than 1e-9 (expected: none). */
function findMismatches(pairs: [string, MetricValue, number | null][]): [string, number | null, number | null][] {
  return pairs
    .filter(([, actual, expected]) => (expected === null ? actual.value !== null : actual.value === null || Math.abs(actual.value - expected) > 1e-9))
    .map(([label, actual, expected]) => [label, actual.value, expected]);
}

describe('metrics match scikit-learn', () => {
  it('label metrics', () => {
    const pairs: [string, MetricValue, number | null][] = fixture.labels.flatMap((c) => {
      const t = f64(c.yTrue);
      const p = f64(c.yPred);
      const averaged = (['macro', 'weighted', 'binary'] as const).flatMap((avg) => {
        const expected = (c as Record<string, unknown>)[avg] as { precision: number; recall: number; f1: number } | undefined;
        if (expected === undefined) return [];
        const actual = computePrecisionRecallF1(t, p, avg);
        return (['precision', 'recall', 'f1'] as const).map((k): [string, MetricValue, number] => [`${c.name} ${avg} ${k}`, actual[k], expected[k]]);
      });
      return [[`${c.name} accuracy`, computeAccuracy(t, p), c.accuracy], [`${c.name} balanced`, computeBalancedAccuracy(t, p), c.balancedAccuracy], ...averaged];
    });
    expect(pairs.length).toBe(5 * 2 + 5 * 6 + 2 * 3);
    expect(findMismatches(pairs)).toEqual([]);
  });

  it('binary score metrics', () => {
    const pairs = fixture.binaryScores.flatMap((c): [string, MetricValue, number][] => {
      const t = f64(c.yTrue);
      const s = f64(c.yScore);
      const proba = f64(c.yScore.flatMap((v) => [1 - v, v]));
      return [
        [`${c.name} auc`, computeRocAuc(t, s), c.rocAuc],
        [`${c.name} ap`, computeAveragePrecision(t, s), c.averagePrecision],
        [`${c.name} logloss`, computeLogLoss(t, proba, 2), c.logLoss],
        [`${c.name} brier`, computeBrierScore(t, s), c.brier],
      ];
    });
    expect(findMismatches(pairs)).toEqual([]);
  });

  it('multiclass score metrics', () => {
    const pairs = fixture.multiclassScores.flatMap((c): [string, MetricValue, number | null][] => [
      [`${c.name} auc`, computeRocAucOneVsRest(f64(c.yTrue), f64(c.proba), c.classCount), c.rocAucOvr],
      [`${c.name} logloss`, computeLogLoss(f64(c.yTrue), f64(c.proba), c.classCount), c.logLoss],
    ]);
    expect(findMismatches(pairs)).toEqual([]);
  });

  it('regression metrics', () => {
    const pairs = fixture.regression.flatMap((c): [string, MetricValue, number][] => {
      const t = f64(c.yTrue);
      const p = f64(c.yPred);
      return [
        [`${c.name} mae`, computeMae(t, p), c.mae], [`${c.name} mse`, computeMse(t, p), c.mse], [`${c.name} rmse`, computeRmse(t, p), c.rmse],
        [`${c.name} r2`, computeR2(t, p), c.r2], [`${c.name} ev`, computeExplainedVariance(t, p), c.explainedVariance],
        [`${c.name} medae`, computeMedianAbsoluteError(t, p), c.medianAbsoluteError], [`${c.name} mape`, computeMape(t, p), c.mape],
      ];
    });
    expect(findMismatches(pairs)).toEqual([]);
  });
});

describe('undefined metrics are null with a reason, never NaN', () => {
  it('ROC-AUC with one class present', () => {
    expect(computeRocAuc(f64([1, 1, 1]), f64([0.2, 0.5, 0.9]))).toEqual({ value: null, reason: 'only one class is present in yTrue; ROC-AUC needs both' });
    expect(computeRocAucOneVsRest(f64([0, 1, 0]), f64([0.5, 0.3, 0.2, 0.1, 0.8, 0.1, 0.6, 0.2, 0.2]), 3)).toEqual({
      value: null,
      reason: 'class 2 is absent from yTrue or is all of it; one-vs-rest ROC-AUC needs every class present',
    });
  });

  it('average precision with no positives and empty inputs', () => {
    expect(computeAveragePrecision(f64([0, 0]), f64([0.1, 0.9]))).toEqual({ value: null, reason: 'no positive rows in yTrue; average precision needs at least one' });
    expect([computeAccuracy(f64([]), f64([])), computeR2(f64([]), f64([]))]).toEqual([
      { value: null, reason: 'no rows to score' },
      { value: null, reason: 'no rows to score' },
    ]);
  });

  it('throws a DataError when lengths differ', () => {
    expect(() => computeMae(f64([1, 2]), f64([1]))).toThrow('yTrue has 2 rows but yPred has 1; pass one value per row.');
  });
});
