// The Calibration panel, honestly: a Platt or isotonic calibrator is cross-fitted on the validation rows (each row
// calibrated by a calibrator fitted on the other 4 of 5 stratified folds), so "after" is not scored on the rows it
// was fitted to; then the reliability curve, Brier score and log loss before and after.

import type { SupervisedTask } from '../problem/types';
import { createRandom } from '../random/prng';
import { assignStratifiedFolds } from '../split/make-folds';
import { computeCalibrationCurve, type CalibrationCurve } from './calibration-curve';
import { applyIsotonicCalibrator, fitIsotonicCalibrator } from './fit-isotonic';
import { applyPlattCalibrator, fitPlattCalibrator } from './fit-platt';
import type { MetricValue } from './metric-value';
import { computeBrierScore, computeLogLoss } from './probability-metrics';
import { readPositiveScore, type RunPredictions } from './run-predictions';

export type CalibrationMethod = 'platt' | 'isotonic';

/** Folds of the cross-fitting. */
export const CALIBRATION_FOLDS = 5;
/** Equal-width bins of the reliability curves (before and after share them). */
export const CALIBRATION_BINS = 10;
const CALIBRATION_SEED = 20261124;

/** Reliability and scores of one set of positive-class probabilities. */
export interface CalibrationSide {
  curve: CalibrationCurve | null;
  brier: MetricValue;
  logLoss: MetricValue;
}

/** Before and after calibration, or null with the reason it cannot be done. */
export interface CalibrationResult {
  value: { before: CalibrationSide; after: CalibrationSide; folds: number } | null;
  reason?: string;
}

/** Fold (0 … foldCount − 1) of each row, stratified by class (yTrue holds class indices) as the Split cell's CV folds are. */
export function assignCalibrationFolds(yTrue: Float64Array, foldCount: number, seed: number): Int32Array {
  const classCount = yTrue.reduce((most, y) => Math.max(most, y + 1), 0);
  return assignStratifiedFolds(yTrue, classCount, foldCount, createRandom(seed));
}

/** Each row's score calibrated by a `method` calibrator fitted on the rows of every other fold. */
export function crossFitCalibration(score: Float64Array, yTrue: Float64Array, positive: number, method: CalibrationMethod, folds: Int32Array): Float64Array {
  const out = new Float64Array(score.length);
  const foldCount = folds.reduce((most, f) => Math.max(most, f), -1) + 1;
  for (let f = 0; f < foldCount; f++) {
    const fit: number[] = [];
    const held: number[] = [];
    folds.forEach((fold, row) => (fold === f ? held : fit).push(row));
    if (held.length === 0) continue;
    const fitScores = fit.map((row) => score[row]);
    const fitTrue = fit.map((row) => yTrue[row]);
    const heldScores = held.map((row) => score[row]);
    const calibrated = method === 'platt'
      ? applyPlattCalibrator(fitPlattCalibrator(fitScores, fitTrue, positive), heldScores)
      : applyIsotonicCalibrator(fitIsotonicCalibrator(fitScores, fitTrue, positive), heldScores);
    held.forEach((row, k) => (out[row] = calibrated[k]));
  }
  return out;
}

/** Curve, Brier score and log loss of positive-class probabilities `p`. */
export function describeCalibration(yTrue: Float64Array, p: Float64Array, positive: number): CalibrationSide {
  const twoColumns = new Float64Array(p.length * 2);
  p.forEach((v, i) => ((twoColumns[i * 2 + positive] = v), (twoColumns[i * 2 + 1 - positive] = 1 - v)));
  const curve = computeCalibrationCurve(yTrue, p, { binCount: CALIBRATION_BINS, strategy: 'uniform', positiveClass: positive });
  return { curve: curve.value, brier: computeBrierScore(yTrue, p, positive), logLoss: computeLogLoss(yTrue, twoColumns, 2) };
}

/** Cross-fits `method` on the validation predictions and compares before with after. */
export function compareCalibration(
  predictions: RunPredictions, task: SupervisedTask, positive: number, method: CalibrationMethod,
  folds = assignCalibrationFolds(predictions.yTrue, CALIBRATION_FOLDS, CALIBRATION_SEED),
): CalibrationResult {
  if (task !== 'binary') return { value: null, reason: 'calibration here needs a binary problem (one positive-class probability per row)' };
  const score = readPositiveScore(predictions, positive);
  if (!score) return { value: null, reason: 'this model gives no probabilities to calibrate' };
  const { yTrue } = predictions;
  const need = CALIBRATION_FOLDS * 2;
  if (yTrue.length < need) return { value: null, reason: `cross-fitting needs at least ${need} validation rows; there are ${yTrue.length}` };
  const positives = yTrue.reduce((count, y) => count + (y === positive ? 1 : 0), 0);
  if (positives === 0 || positives === yTrue.length) return { value: null, reason: 'the validation rows hold only one class; a calibrator needs both' };
  const after = crossFitCalibration(score, yTrue, positive, method, folds);
  return { value: { before: describeCalibration(yTrue, score, positive), after: describeCalibration(yTrue, after, positive), folds: CALIBRATION_FOLDS } };
}
