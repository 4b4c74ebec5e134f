import { describe, expect, it } from 'vitest';
import type { RunPredictions } from './run-predictions';
import { readPositiveScore } from './run-predictions';
import { bootstrapPrimaryMetric, buildBinaryMatrix, computeMetricRows, describeEvaluationKey, normalizeRows } from './score-held-out';

// Four rows, one false positive (row 1); the positive-class probabilities rank every positive above every negative.
const BINARY: RunPredictions = {
  rows: Uint32Array.of(0, 1, 2, 3),
  yTrue: Float64Array.of(0, 0, 1, 1),
  yPred: Float64Array.of(0, 1, 1, 1),
  proba: Float64Array.of(0.9, 0.1, 0.4, 0.6, 0.35, 0.65, 0.2, 0.8),
  classes: ['benign', 'malignant'],
};

const close = (value: number) => ({ value: expect.closeTo(value, 12) });

describe('computeMetricRows', () => {
  it('binary: the classification table (every registry metric of the task), checked by hand (TP 2, TN 1, FP 1, FN 0)', () => {
    const rows = computeMetricRows(BINARY, 'binary', 1);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.value]))).toEqual({
      accuracy: close(0.75),
      'balanced-accuracy': close(0.75), // (1/2 + 2/2) / 2
      f1: close(0.8), // of the positive class: precision 2/3, recall 1
      precision: close(2 / 3),
      recall: close(1),
      'macro-f1': close((2 / 3 + 0.8) / 2),
      'precision-macro': close((1 + 2 / 3) / 2),
      'recall-macro': close(0.75),
      'precision-weighted': close((1 + 2 / 3) / 2), // equal supports: weighted = macro
      'recall-weighted': close(0.75),
      'f1-weighted': close((2 / 3 + 0.8) / 2),
      'roc-auc': close(1),
      'pr-auc': close(1),
      'log-loss': close(-(Math.log(0.9) + Math.log(0.4) + Math.log(0.65) + Math.log(0.8)) / 4),
      brier: close((0.01 + 0.36 + 0.1225 + 0.04) / 4),
      mcc: close(2 / Math.sqrt(12)), // (TP·TN − FP·FN) / √((TP+FP)(TP+FN)(TN+FP)(TN+FN))
      kappa: close(0.5), // (0.75 − 0.5) / (1 − 0.5)
    });
  });

  it('one class present: undefined metrics carry their reason, never NaN', () => {
    const oneClass: RunPredictions = { rows: Uint32Array.of(0, 1), yTrue: Float64Array.of(0, 0), yPred: Float64Array.of(0, 0), proba: Float64Array.of(0.7, 0.3, 0.6, 0.4), classes: ['a', 'b'] };
    const rows = computeMetricRows(oneClass, 'binary', 1);
    const bad = rows.filter((r) => r.value.value === null ? typeof r.value.reason !== 'string' || r.value.reason === '' : !Number.isFinite(r.value.value));
    expect({ bad, undefinedIds: rows.filter((r) => r.value.value === null).map((r) => r.id) })
      .toEqual({ bad: [], undefinedIds: ['roc-auc', 'pr-auc', 'mcc', 'kappa'] });
  });

  it('a classifier without probabilities: probability metrics say so', () => {
    const rows = computeMetricRows({ ...BINARY, proba: null }, 'binary', 1);
    expect(rows.filter((r) => r.value.value === null).map((r) => [r.id, r.value.reason])).toEqual([
      ['roc-auc', 'this model gives no probabilities'],
      ['pr-auc', 'this model gives no probabilities'],
      ['log-loss', 'this model gives no probabilities'],
      ['brier', 'this model gives no probabilities'],
    ]);
  });

  it('regression: errors in the target units, checked by hand', () => {
    const rows = computeMetricRows({ rows: Uint32Array.of(0, 1, 2), yTrue: Float64Array.of(1, 2, 4), yPred: Float64Array.of(2, 2, 2), proba: null, classes: null }, 'regression', 1);
    // residuals −1, 0, 2; mean of y 7/3, total sum of squares 14/3
    expect(Object.fromEntries(rows.map((r) => [r.id, r.value]))).toEqual({
      mae: close(1),
      mse: close(5 / 3),
      rmse: close(Math.sqrt(5 / 3)),
      r2: close(1 - 5 / (14 / 3)),
      mape: close((1 + 0 + 0.5) / 3),
      'median-ae': close(1),
      'explained-variance': close(1 - (14 / 9) / (14 / 9)), // residual variance (mean 1/3) equals the target's
    });
  });

  it('constant predictions and a constant target: undefined metrics carry their reason, never NaN', () => {
    const cases = [
      computeMetricRows({ rows: Uint32Array.of(0, 1, 2), yTrue: Float64Array.of(0, 1, 1), yPred: Float64Array.of(1, 1, 1), proba: Float64Array.of(0.5, 0.5, 0.5, 0.5, 0.5, 0.5), classes: ['a', 'b'] }, 'binary', 1),
      computeMetricRows({ rows: Uint32Array.of(0, 1, 2), yTrue: Float64Array.of(2, 2, 2), yPred: Float64Array.of(1, 2, 3), proba: null, classes: null }, 'regression', 1),
    ];
    expect(cases.map((rows) => rows.filter((r) => r.value.value === null || !Number.isFinite(r.value.value)).map((r) => [r.id, typeof r.value.reason])))
      // kappa is 0 and R² / explained variance follow sklearn's force_finite (finite values), MCC has no value
      .toEqual([[['mcc', 'string']], []]);
  });
});

describe('bootstrapPrimaryMetric', () => {
  it('a perfectly ranked sample keeps ROC-AUC 1 in every stratified resample', () => {
    expect(bootstrapPrimaryMetric(BINARY, 'roc-auc', 'binary', 1, 7)).toEqual({ value: 1, low: 1, high: 1, repeats: 200 });
  });

  it('no probabilities: null with the reason', () => {
    expect(bootstrapPrimaryMetric({ ...BINARY, proba: null }, 'log-loss', 'binary', 1, 7))
      .toEqual({ value: null, low: null, high: null, repeats: 0, reason: 'this model gives no probabilities' });
  });
});

describe('binary helpers', () => {
  it('reads the positive column of the probabilities', () => {
    expect(readPositiveScore(BINARY, 0)).toEqual(Float64Array.of(0.9, 0.4, 0.35, 0.2));
  });

  it('lays an operating point out in class-index order for either positive class', () => {
    const point = { threshold: 0.5, truePositives: 5, falsePositives: 2, falseNegatives: 1, trueNegatives: 7, precision: null, recall: null, falsePositiveRate: null, f1: null, accuracy: null };
    expect([buildBinaryMatrix(point, 1), buildBinaryMatrix(point, 0)]).toEqual([[[7, 2], [1, 5]], [[5, 1], [2, 7]]]);
  });

  it('normalises rows by their sum; an empty row stays 0', () => {
    expect(normalizeRows([[3, 1], [0, 0]])).toEqual([[0.75, 0.25], [0, 0]]);
  });

  it('keys an evaluation by run and threshold', () => {
    expect(describeEvaluationKey('run-1', 0.35)).toBe('run-1|threshold=0.35');
  });
});
