// Calibration curve (sklearn calibration_curve), Platt scaling (sklearn _sigmoid_calibration's objective) and
// isotonic calibration (sklearn IsotonicRegression(out_of_bounds='clip')) on fixtures/evaluate.json.
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/evaluate.json';
import {
  applyIsotonicCalibrator, applyPlattCalibrator, computeCalibrationCurve, fitIsotonicCalibrator, fitPlattCalibrator, measurePlattLoss,
  poolAdjacentViolators, type CalibrationStrategy,
} from './index';

const round9 = (values: ArrayLike<number>): number[] => Array.from(values, (v) => Math.round(v * 1e9) / 1e9);
const closeAll = (a: ArrayLike<number>, b: readonly number[], tolerance = 1e-9): boolean =>
  a.length === b.length && Array.from(a).every((v, i) => Math.abs(v - b[i]) <= tolerance);

describe('computeCalibrationCurve', () => {
  it('uniform and quantile bins match sklearn', () => {
    const mismatches = fixture.scores.flatMap((c) =>
      Object.entries(c.calibration).filter(([key, expected]) => {
        const [strategy, bins] = key.split('-');
        const curve = computeCalibrationCurve(c.yTrue, c.score, { strategy: strategy as CalibrationStrategy, binCount: Number(bins) }).value!;
        return !(closeAll(curve.observedRate, expected.observedRate) && closeAll(curve.meanPredicted, expected.meanPredicted));
      }).map(([key]) => `${c.name} ${key}`),
    );
    expect(mismatches).toEqual([]);
  });

  it('reports counts per non-empty bin, and refuses values outside [0, 1]', () => {
    expect(computeCalibrationCurve([0, 1, 1, 0], [0.1, 0.15, 0.9, 0.95], { binCount: 2 })).toEqual({
      value: { observedRate: [0.5, 0.5], meanPredicted: [0.125, 0.925], counts: [2, 2], edges: [0, 0.5, 1] },
    });
    expect(computeCalibrationCurve([], [])).toEqual({ value: null, reason: 'no rows to bin' });
    expect(() => computeCalibrationCurve([1], [1.5])).toThrow('probability[0] = 1.5 is outside [0, 1]; pass predicted probabilities, not raw scores.');
  });
});

describe('Platt scaling', () => {
  it('reaches the exact minimum of sklearn objective: at least as low as sklearn, A and B within 1e-5 of it', () => {
    const rows = fixture.calibrators.map((c) => {
      const fitted = fitPlattCalibrator(c.scores, c.yTrue);
      const targets = c.yTrue.map((y) => {
        const positives = c.yTrue.filter((v) => v === 1).length;
        return y === 1 ? (positives + 1) / (positives + 2) : 1 / (c.yTrue.length - positives + 2);
      });
      const loss = measurePlattLoss(c.scores, targets, fitted.a, fitted.b);
      return {
        name: c.name,
        lossMatchesSklearn: Math.abs(loss - c.platt.sklearnLoss) <= 1e-9 * c.platt.sklearnLoss && loss <= c.platt.tightLoss + 1e-12,
        nearSklearn: Math.abs(fitted.a - c.platt.sklearnA) <= 1e-5 && Math.abs(fitted.b - c.platt.sklearnB) <= 1e-5,
      };
    });
    expect(rows).toEqual(fixture.calibrators.map((c) => ({ name: c.name, lossMatchesSklearn: true, nearSklearn: true })));
  });

  it('applies 1 / (1 + exp(A·f + B)) and survives constant scores', () => {
    expect(round9(applyPlattCalibrator({ kind: 'platt', a: -2, b: 0 }, [0, Math.log(3) / 2]))).toEqual([0.5, 0.75]);
    // constant scores: the best sigmoid gives every row the mean smoothed target, (3 · 4/5 + 1/3) / 4
    const constant = fitPlattCalibrator([0.3, 0.3, 0.3, 0.3], [1, 0, 1, 1]);
    expect(round9(applyPlattCalibrator(constant, [0.3]))).toEqual(round9([(3 * 0.8 + 1 / 3) / 4]));
  });
});

describe('isotonic calibration', () => {
  it('knots and clipped, interpolated predictions match sklearn', () => {
    const mismatches = fixture.calibrators.filter((c) => {
      const fitted = fitIsotonicCalibrator(c.scores, c.yTrue);
      return !(closeAll(fitted.x, c.isotonic.x) && closeAll(fitted.y, c.isotonic.y) && closeAll(applyIsotonicCalibrator(fitted, c.isotonic.probe), c.isotonic.predicted));
    });
    expect(mismatches.map((c) => c.name)).toEqual([]);
  });

  it('pools violators, merges tied scores and serialises as plain JSON', () => {
    expect(poolAdjacentViolators([1, 3, 2, 4, 0], [1, 1, 1, 1, 1])).toEqual([1, 2.25, 2.25, 2.25, 2.25]);
    const fitted = fitIsotonicCalibrator([0.2, 0.2, 0.5, 0.9], [1, 0, 0, 1]);
    expect(JSON.parse(JSON.stringify(fitted))).toEqual({ kind: 'isotonic', x: [0.2, 0.5, 0.9], y: [1 / 3, 1 / 3, 1] });
    expect(round9(applyIsotonicCalibrator(fitted, [0, 0.7, 2]))).toEqual(round9([1 / 3, 2 / 3, 1]));
    expect(applyIsotonicCalibrator(fitIsotonicCalibrator([0.4, 0.4], [1, 0]), [0, 1])).toEqual(Float64Array.from([0.5, 0.5]));
  });
});
