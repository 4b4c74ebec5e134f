// The weighted mean logistic loss and its gradient for binary (one sigmoid) and multinomial (softmax over all
// classes) models. Parameters are laid out per output: [w₀ … w_{p−1}, bias] for each of `outputs` rows.

import type { FeatureMatrix } from '../types';

/** Row-major scores X·Wᵀ + b, rows × outputs. */
export function computeScores(X: FeatureMatrix, params: Float64Array, outputs: number): Float64Array {
  const p = X.cols;
  const scores = new Float64Array(X.rows * outputs);
  for (let r = 0; r < X.rows; r++) {
    for (let k = 0; k < outputs; k++) {
      const base = k * (p + 1);
      let s = params[base + p];
      for (let j = 0; j < p; j++) s += X.values[r * p + j] * params[base + j];
      scores[r * outputs + k] = s;
    }
  }
  return scores;
}

/** Turns scores into probabilities in place of a new rows × classes array (binary: [1 − σ, σ]). */
export function convertScoresToProba(scores: Float64Array, rows: number, outputs: number): Float64Array {
  if (outputs === 1) {
    const proba = new Float64Array(rows * 2);
    for (let r = 0; r < rows; r++) {
      const positive = 1 / (1 + Math.exp(-scores[r]));
      proba[2 * r] = 1 - positive;
      proba[2 * r + 1] = positive;
    }
    return proba;
  }
  const proba = new Float64Array(scores.length);
  for (let r = 0; r < rows; r++) {
    let max = -Infinity;
    for (let k = 0; k < outputs; k++) max = Math.max(max, scores[r * outputs + k]);
    let sum = 0;
    for (let k = 0; k < outputs; k++) sum += (proba[r * outputs + k] = Math.exp(scores[r * outputs + k] - max));
    for (let k = 0; k < outputs; k++) proba[r * outputs + k] /= sum;
  }
  return proba;
}

/**
 * Σ wᵢ·(−log p(yᵢ)) / Σ wᵢ, writing its gradient into `gradient` (same layout as params). Stable log-sum-exp.
 */
export function computeLogisticLoss(X: FeatureMatrix, y: Float64Array, weights: Float64Array, params: Float64Array, outputs: number, gradient: Float64Array): number {
  const p = X.cols;
  const scores = computeScores(X, params, outputs);
  gradient.fill(0);
  const residual = new Float64Array(outputs);
  let loss = 0;
  let weightSum = 0;
  for (let r = 0; r < X.rows; r++) {
    const w = weights[r];
    weightSum += w;
    if (outputs === 1) {
      const z = scores[r];
      const target = y[r];
      // log(1 + e^z) − y·z, computed without overflow.
      loss += w * ((z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - target * z);
      residual[0] = w * (1 / (1 + Math.exp(-z)) - target);
    } else {
      let max = -Infinity;
      for (let k = 0; k < outputs; k++) max = Math.max(max, scores[r * outputs + k]);
      let sum = 0;
      for (let k = 0; k < outputs; k++) sum += Math.exp(scores[r * outputs + k] - max);
      loss += w * (max + Math.log(sum) - scores[r * outputs + y[r]]);
      for (let k = 0; k < outputs; k++) residual[k] = w * (Math.exp(scores[r * outputs + k] - max) / sum - (y[r] === k ? 1 : 0));
    }
    for (let k = 0; k < outputs; k++) {
      const base = k * (p + 1);
      for (let j = 0; j < p; j++) gradient[base + j] += residual[k] * X.values[r * p + j];
      gradient[base + p] += residual[k];
    }
  }
  for (let i = 0; i < gradient.length; i++) gradient[i] /= weightSum;
  return loss / weightSum;
}
