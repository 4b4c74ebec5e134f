// Turns a FeatureMatrix + Target into the Float32 rows the network trains on: standardised features, 0/1,
// one-hot or standardised targets, and per-row loss weights (sample weights × balanced class weights).
// Standardising inside the family keeps gradient steps sane whatever the Prepare cell did: features in the
// thousands with a unit-scale target otherwise start with outputs 1,000× too large (R² −50 after 50 epochs).

import type { FeatureMatrix, Target, Task } from '../types';
import type { TrainingRows } from './training-engine';

/** Mean and standard deviation of a regression target (std 1 when constant); identity for classifiers. */
export interface TargetScaling {
  mean: number;
  std: number;
}

/** The scaling that standardises `y` on the training rows (regression only). */
export function measureTargetScaling(task: Task, y: Target): TargetScaling {
  if (task !== 'regression' || y.values.length === 0) return { mean: 0, std: 1 };
  const n = y.values.length;
  const mean = y.values.reduce((s, v) => s + v, 0) / n;
  const variance = y.values.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
  return { mean, std: variance > 0 ? Math.sqrt(variance) : 1 };
}

/** Per feature: mean and standard deviation on the training rows (std 1 for a constant feature). */
export interface InputScaling {
  mean: number[];
  std: number[];
}

/** The scaling that standardises every feature of `X` (training rows). */
export function measureInputScaling(X: FeatureMatrix): InputScaling {
  const mean = new Array<number>(X.cols).fill(0);
  const sumSquares = new Array<number>(X.cols).fill(0);
  for (let r = 0; r < X.rows; r++) for (let j = 0; j < X.cols; j++) mean[j] += X.values[r * X.cols + j] / X.rows;
  for (let r = 0; r < X.rows; r++) for (let j = 0; j < X.cols; j++) sumSquares[j] += (X.values[r * X.cols + j] - mean[j]) ** 2;
  return { mean, std: sumSquares.map((s) => (s > 0 && X.rows > 0 ? Math.sqrt(s / X.rows) : 1)) };
}

/** X's values standardised (in float64, then rounded once to float32); without a scaling, X as it is (older models). */
export function scaleInputs(X: FeatureMatrix, scaling: InputScaling | undefined): Float32Array {
  if (!scaling) return Float32Array.from(X.values);
  const { mean, std } = scaling;
  return Float32Array.from(X.values, (v, i) => (v - mean[i % X.cols]) / std[i % X.cols]);
}

function encodeTargets(task: Task, y: Target, scaling: TargetScaling): { targets: Float32Array; width: number } {
  if (task === 'multiclass') {
    const k = y.classes?.length ?? 0;
    const targets = new Float32Array(y.values.length * k);
    y.values.forEach((c, r) => (targets[r * k + c] = 1));
    return { targets, width: k };
  }
  if (task === 'binary') return { targets: Float32Array.from(y.values), width: 1 };
  return { targets: Float32Array.from(y.values, (v) => (v - scaling.mean) / scaling.std), width: 1 };
}

/** sklearn's 'balanced' weights: rows / (classes × rows of the class), per row. */
function computeBalancedWeights(y: Target): Float64Array {
  const k = y.classes?.length ?? 0;
  const counts = new Float64Array(k);
  for (const c of y.values) counts[c]++;
  const present = counts.filter((c) => c > 0).length;
  return Float64Array.from(y.values, (c) => y.values.length / (present * counts[c]));
}

/** Network-ready rows; `weights` stays undefined when every row weighs the same. */
export function prepareRows(task: Task, X: FeatureMatrix, y: Target, scaling: { target: TargetScaling; inputs: InputScaling }, options: { sampleWeights?: Float64Array; balanced?: boolean } = {}): TrainingRows {
  const { targets, width } = encodeTargets(task, y, scaling.target);
  const balanced = options.balanced === true && task !== 'regression' ? computeBalancedWeights(y) : undefined;
  let weights: Float32Array | undefined;
  if (options.sampleWeights || balanced) {
    weights = Float32Array.from({ length: X.rows }, (_, r) => (options.sampleWeights?.[r] ?? 1) * (balanced?.[r] ?? 1));
  }
  return { x: scaleInputs(X, scaling.inputs), targets, rows: X.rows, cols: X.cols, width, weights };
}
