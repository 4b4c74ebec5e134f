// Learns naive Bayes statistics from weighted rows: class log priors, per-class Gaussian means and variances
// for numeric features, per-class smoothed category log probabilities for categorical features.

import { ModelSpecError } from '../../errors';
import type { FeatureMatrix, Target } from '../types';

export interface GaussianFeature {
  feature: number;
  means: number[];
  /** Per class, already smoothed. */
  variances: number[];
}

export interface CategoricalFeature {
  feature: number;
  /** Codes 0 … categories − 1 seen in training (max code + 1, as sklearn's n_categories_). */
  categories: number;
  /** Row-major classes × categories: log((N_cj + α) / (N_c + α·categories)). */
  logProbabilities: number[];
  /** Per class: log(α / (N_c + α·categories)), for codes beyond the training range. */
  unseenLogProbabilities: number[];
}

export interface NaiveBayesState {
  logPriors: number[];
  gaussian: GaussianFeature[];
  categorical: CategoricalFeature[];
}

function fitGaussian(X: FeatureMatrix, y: Float64Array, w: Float64Array, classWeights: number[], feature: number): GaussianFeature {
  const k = classWeights.length;
  const means = new Array<number>(k).fill(0);
  const variances = new Array<number>(k).fill(0);
  for (let r = 0; r < X.rows; r++) means[y[r]] += w[r] * X.values[r * X.cols + feature];
  for (let c = 0; c < k; c++) means[c] /= classWeights[c];
  for (let r = 0; r < X.rows; r++) variances[y[r]] += w[r] * (X.values[r * X.cols + feature] - means[y[r]]) ** 2;
  for (let c = 0; c < k; c++) variances[c] /= classWeights[c];
  // A class with no training rows: any finite values (its prior keeps it from winning).
  for (let c = 0; c < k; c++) if (classWeights[c] === 0) (means[c] = 0), (variances[c] = 1);
  return { feature, means, variances };
}

/** The largest (population) variance among the given features over all rows: sklearn's smoothing scale. */
function computeLargestVariance(X: FeatureMatrix, features: number[]): number {
  let largest = 0;
  for (const j of features) {
    let mean = 0;
    for (let r = 0; r < X.rows; r++) mean += X.values[r * X.cols + j];
    mean /= X.rows;
    let variance = 0;
    for (let r = 0; r < X.rows; r++) variance += (X.values[r * X.cols + j] - mean) ** 2;
    largest = Math.max(largest, variance / X.rows);
  }
  return largest;
}

function fitCategorical(X: FeatureMatrix, y: Float64Array, w: Float64Array, classWeights: number[], feature: number, alpha: number): CategoricalFeature {
  const k = classWeights.length;
  let categories = 0;
  for (let r = 0; r < X.rows; r++) {
    const code = X.values[r * X.cols + feature];
    if (code < 0 || !Number.isInteger(code)) throw new ModelSpecError(`naive_bayes: categorical feature "${X.featureNames[feature]}" has value ${code}; category codes must be whole numbers ≥ 0.`);
    categories = Math.max(categories, code + 1);
  }
  const counts = new Float64Array(k * categories);
  for (let r = 0; r < X.rows; r++) counts[y[r] * categories + X.values[r * X.cols + feature]] += w[r];
  const logProbabilities = Array.from(counts, (n, i) => Math.log((n + alpha) / (classWeights[Math.floor(i / categories)] + alpha * categories)));
  const unseenLogProbabilities = classWeights.map((n) => Math.log(alpha / (n + alpha * categories)));
  return { feature, categories, logProbabilities, unseenLogProbabilities };
}

/** Fits the state; classes absent from the training rows get zero prior (log −∞ is avoided by a tiny weight). */
export function fitNaiveBayesState(X: FeatureMatrix, y: Target, w: Float64Array, varSmoothing: number, alpha: number): NaiveBayesState {
  const k = y.classes?.length ?? 0;
  const classWeights = new Array<number>(k).fill(0);
  y.values.forEach((c, r) => (classWeights[c] += w[r]));
  const total = classWeights.reduce((a, b) => a + b, 0);
  const numeric: number[] = [];
  const categoricalFeatures: number[] = [];
  for (let j = 0; j < X.cols; j++) (X.categorical?.[j] === true ? categoricalFeatures : numeric).push(j);
  const epsilon = varSmoothing * computeLargestVariance(X, numeric);
  const gaussian = numeric.map((j) => fitGaussian(X, y.values, w, classWeights, j));
  for (const g of gaussian) g.variances = g.variances.map((v) => v + epsilon);
  return {
    logPriors: classWeights.map((n) => Math.log(Math.max(n, 1e-300) / total)),
    gaussian,
    categorical: categoricalFeatures.map((j) => fitCategorical(X, y.values, w, classWeights, j, alpha)),
  };
}
