// Residual histogram against numpy.histogram(residuals, bins='auto') on fixtures/evaluate.json, and the
// worst predictions for regression and classification.
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/evaluate.json';
import { diagnoseRegression, findWorstPredictions } from './index';

const f64 = (values: number[]): Float64Array => Float64Array.from(values);

describe('diagnoseRegression', () => {
  it('residual histogram edges and counts match numpy bins="auto"', () => {
    const mismatches = fixture.residuals.filter((c) => {
      const { histogram } = diagnoseRegression(f64(c.yTrue), f64(c.yPred));
      return !(histogram && histogram.counts.join() === c.counts.join() && histogram.edges.every((e, i) => Math.abs(e - c.edges[i]) <= 1e-9));
    });
    expect(mismatches.map((c) => c.name)).toEqual([]);
  });

  it('returns residuals and the shared range, skipping missing rows; nothing finite gives a reason', () => {
    expect(diagnoseRegression(f64([3, 1, Number.NaN]), f64([2, 1.5, 9]))).toEqual({
      residuals: f64([1, -0.5, Number.NaN]),
      histogram: { edges: [-0.5, 0.25, 1], counts: [1, 1] },
      range: { min: 1, max: 3 },
    });
    expect(diagnoseRegression(f64([Number.NaN]), f64([1]))).toEqual({
      residuals: f64([Number.NaN]), histogram: null, range: null, reason: 'no row has both a finite actual and predicted value',
    });
  });
});

describe('findWorstPredictions', () => {
  it('regression: largest absolute residual first, ties by row, missing rows skipped', () => {
    expect(findWorstPredictions(f64([1, 5, 3, Number.NaN, 0]), f64([1.5, 2, 1, 0, 2]), 3)).toEqual([
      { row: 1, actual: 5, predicted: 2, trueClassProbability: null, error: 3 },
      { row: 2, actual: 3, predicted: 1, trueClassProbability: null, error: 2 },
      { row: 4, actual: 0, predicted: 2, trueClassProbability: null, error: 2 },
    ]);
  });

  it('classification: lowest probability of the true class first', () => {
    const proba = f64([0.9, 0.1, 0.0, 0.2, 0.3, 0.5, 0.6, 0.3, 0.1]);
    expect(findWorstPredictions(f64([0, 1, 2]), proba, 2, 3)).toEqual([
      { row: 2, actual: 2, predicted: 0, trueClassProbability: 0.1, error: 0.9 },
      { row: 1, actual: 1, predicted: 2, trueClassProbability: 0.3, error: 0.7 },
    ]);
    expect(findWorstPredictions(f64([]), f64([]), 5, 2)).toEqual([]);
  });
});
