import { describe, expect, it } from 'vitest';
import { makeFolds } from '../split/make-folds';
import { categoricalColumn, tableOf } from '../../test-support/table-builders';
import { applyPlattCalibrator, fitPlattCalibrator } from './fit-platt';
import type { RunPredictions } from './run-predictions';
import { assignCalibrationFolds, compareCalibration, crossFitCalibration } from './cross-fit-calibration';

// Negatives score 0.1 … 0.45, positives 0.55 … 0.9; fold f holds rows 2f and 2f + 1.
const SCORE = Float64Array.of(0.1, 0.9, 0.2, 0.8, 0.3, 0.7, 0.4, 0.6, 0.45, 0.55);
const Y = Float64Array.of(0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
const FOLDS = Int32Array.of(0, 0, 1, 1, 2, 2, 3, 3, 4, 4);
const round = (values: ArrayLike<number>) => Array.from(values, (v) => Math.round(v * 1e12) / 1e12);

function predictionsOf(score: Float64Array, yTrue: Float64Array): RunPredictions {
  const proba = new Float64Array(score.length * 2);
  score.forEach((s, i) => ((proba[i * 2] = 1 - s), (proba[i * 2 + 1] = s)));
  return { rows: Uint32Array.from(score, (_, i) => i), yTrue, yPred: Float64Array.from(score, (s) => (s >= 0.5 ? 1 : 0)), proba, classes: ['no', 'yes'] };
}

describe('crossFitCalibration', () => {
  it('isotonic: each row gets the step fitted on the other folds (by hand: only fold 4 falls between the steps)', () => {
    // Without fold 4 the fit is 0 up to 0.4 and 1 from 0.6, so 0.45 → 0.25 and 0.55 → 0.75; other held-out scores
    // are clipped into a flat part (0.1 → 0, 0.9 → 1).
    expect(round(crossFitCalibration(SCORE, Y, 1, 'isotonic', FOLDS))).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0.25, 0.75]);
  });

  it('Platt: fold 0 is calibrated by the sigmoid fitted on rows 2–9 only', () => {
    const onOthers = fitPlattCalibrator([0.2, 0.8, 0.3, 0.7, 0.4, 0.6, 0.45, 0.55], [0, 1, 0, 1, 0, 1, 0, 1]);
    const fold0 = crossFitCalibration(SCORE, Y, 1, 'platt', FOLDS).slice(0, 2);
    expect(fold0).toEqual(applyPlattCalibrator(onOthers, [0.1, 0.9]));
  });
});

describe('assignCalibrationFolds', () => {
  it('deals each class evenly over the folds (the count carries on from class to class), the same for the same seed', () => {
    const yTrue = Float64Array.of(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    const folds = assignCalibrationFolds(yTrue, 5, 7);
    const perClass = [0, 1].map((c) => [0, 1, 2, 3, 4].map((f) => folds.filter((fold, i) => fold === f && yTrue[i] === c).length));
    expect({ perClass, again: assignCalibrationFolds(yTrue, 5, 7) }).toEqual({ perClass: [[2, 1, 1, 1, 1], [2, 2, 2, 2, 2]], again: folds });
  });

  it('deals the rows exactly as the Split cell\'s stratified CV folds do for the same classes and seed (core/split/make-folds)', () => {
    const yTrue = Float64Array.of(1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0);
    const table = tableOf(categoricalColumn('y', Array.from(yTrue, (y) => (y === 1 ? 'yes' : 'no'))));
    const cv = makeFolds(table, Uint32Array.from(yTrue, (_, i) => i), { kind: 'stratified', k: 5, seed: 11, target: 'y' });
    const foldOfRow = Array.from(yTrue, (_, row) => cv.findIndex((fold) => fold.validation.includes(row)));
    expect(Array.from(assignCalibrationFolds(yTrue, 5, 11))).toEqual(foldOfRow);
  });
});

describe('compareCalibration', () => {
  it('isotonic before → after: Brier 0.1005 → 0.0125, log loss falls, curves on 10 uniform bins', () => {
    const { value } = compareCalibration(predictionsOf(SCORE, Y), 'binary', 1, 'isotonic', FOLDS);
    const beforeLogLoss = (2 / 10) * -Math.log(0.9 * 0.8 * 0.7 * 0.6 * 0.55);
    expect({
      brier: round([value?.before.brier.value ?? NaN, value?.after.brier.value ?? NaN]),
      logLoss: round([value?.before.logLoss.value ?? NaN, value?.after.logLoss.value ?? NaN]),
      afterCurve: value?.after.curve && { ...value.after.curve, meanPredicted: round(value.after.curve.meanPredicted), edges: round(value.after.curve.edges) },
    }).toEqual({
      brier: [0.1005, 0.0125],
      logLoss: round([beforeLogLoss, (2 / 10) * -Math.log(0.75)]),
      afterCurve: { observedRate: [0, 0, 1, 1], meanPredicted: [0, 0.25, 0.75, 1], counts: [4, 1, 1, 4], edges: round([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]) },
    });
  });

  it('says why when it cannot calibrate', () => {
    const predictions = predictionsOf(SCORE, Y);
    expect([
      compareCalibration(predictions, 'multiclass', 1, 'platt').reason,
      compareCalibration({ ...predictions, proba: null }, 'binary', 1, 'platt').reason,
      compareCalibration(predictionsOf(SCORE.slice(0, 8), Y.slice(0, 8)), 'binary', 1, 'platt').reason,
      compareCalibration(predictionsOf(SCORE, new Float64Array(10)), 'binary', 1, 'platt').reason,
    ]).toEqual([
      'calibration here needs a binary problem (one positive-class probability per row)',
      'this model gives no probabilities to calibrate',
      'cross-fitting needs at least 10 validation rows; there are 8',
      'the validation rows hold only one class; a calibrator needs both',
    ]);
  });
});
