// Test support for model families: parity fixtures written by scripts/reference/*_reference.py hold a
// row-major matrix (null = NaN), the target and the train/test rows; this turns rows of one into FeatureMatrix
// + Target, and scores predictions with core's own metrics.

import { readFileSync } from 'node:fs';
import { computeAccuracy, computeR2, computeRocAuc } from '../core/evaluate';
import type { FeatureMatrix, Target } from '../core/models/types';

/** The part every model fixture shares. */
export interface ModelFixture {
  rows: number;
  cols: number;
  featureNames: string[];
  X: (number | null)[];
  y: number[];
  classes: string[] | null;
  train: number[];
  test: number[];
  categorical?: boolean[];
}

/** Parses a JSON fixture file. */
export function readJsonFixture<T>(url: URL): T {
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

/** The given rows and first `cols` features (all when omitted) as a FeatureMatrix and Target. */
export function selectFixtureRows(fx: ModelFixture, rows: readonly number[], cols = fx.cols, categorical = true): { X: FeatureMatrix; y: Target } {
  const values = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    for (let f = 0; f < cols; f++) values[i * cols + f] = fx.X[row * fx.cols + f] ?? NaN;
  });
  const X: FeatureMatrix = {
    values, rows: rows.length, cols, featureNames: fx.featureNames.slice(0, cols),
    ...(categorical && fx.categorical ? { categorical: fx.categorical.slice(0, cols) } : {}),
  };
  return { X, y: { values: Float64Array.from(rows, (row) => fx.y[row]), ...(fx.classes ? { classes: fx.classes } : {}) } };
}

/** Accuracy, ROC-AUC and R² as plain numbers (NaN where core says the metric is undefined). */
export const scoreAccuracy = (truth: Float64Array, predicted: Float64Array): number => computeAccuracy(truth, predicted).value ?? NaN;
export const scoreRocAuc = (truth: Float64Array, scores: ArrayLike<number>): number => computeRocAuc(truth, scores).value ?? NaN;
export const scoreR2 = (truth: Float64Array, predicted: Float64Array): number => computeR2(truth, predicted).value ?? NaN;
