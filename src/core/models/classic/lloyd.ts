// k-means building blocks as scikit-learn's KMeans (algorithm "lloyd"): greedy k-means++ seeding, Lloyd
// iterations with its tolerance (tol × mean feature variance on the squared centre shift), empty clusters
// moved to the farthest points, and the inertia Σ squared distance to the assigned centre.

import type { FeatureMatrix } from '../types';

export interface LloydResult {
  /** Row-major k × cols. */
  centers: Float64Array;
  labels: Int32Array;
  inertia: number;
  iterations: number;
  /** False when maxIter ended the run before the labels stopped changing or the centres' shift fell within tolerance. */
  converged: boolean;
}

function squaredDistance(values: Float64Array, row: number, centers: Float64Array, c: number, cols: number): number {
  let sum = 0;
  for (let j = 0; j < cols; j++) sum += (values[row * cols + j] - centers[c * cols + j]) ** 2;
  return sum;
}

/** Labels each row with its nearest centre (lowest index on ties); writes distances; returns the inertia. */
export function assignClusters(X: FeatureMatrix, centers: Float64Array, k: number, labels: Int32Array, distances: Float64Array): number {
  let inertia = 0;
  const { values, cols } = X;
  for (let r = 0; r < X.rows; r++) {
    let best = 0;
    let bestDistance = Infinity;
    const offset = r * cols;
    for (let c = 0; c < k; c++) {
      let d = 0;
      for (let j = 0; j < cols && d < bestDistance; j++) {
        const diff = values[offset + j] - centers[c * cols + j];
        d += diff * diff;
      }
      if (d < bestDistance) (bestDistance = d), (best = c);
    }
    labels[r] = best;
    distances[r] = bestDistance;
    inertia += bestDistance;
  }
  return inertia;
}

/** Means of the rows in each cluster; an empty cluster takes the farthest row not yet used. */
function updateCenters(X: FeatureMatrix, labels: Int32Array, distances: Float64Array, k: number): Float64Array {
  const centers = new Float64Array(k * X.cols);
  const counts = new Float64Array(k);
  for (let r = 0; r < X.rows; r++) {
    counts[labels[r]]++;
    for (let j = 0; j < X.cols; j++) centers[labels[r] * X.cols + j] += X.values[r * X.cols + j];
  }
  let farthest: number[] = [];
  let next = 0;
  for (let c = 0; c < k; c++) {
    if (counts[c] === 0) {
      if (next === 0) farthest = Array.from(distances.keys()).sort((a, b) => distances[b] - distances[a] || a - b);
      const row = farthest[next++];
      for (let j = 0; j < X.cols; j++) centers[c * X.cols + j] = X.values[row * X.cols + j];
    } else {
      for (let j = 0; j < X.cols; j++) centers[c * X.cols + j] /= counts[c];
    }
  }
  return centers;
}

/** sklearn's absolute tolerance: tol × the mean of the feature variances. */
export function scaleTolerance(X: FeatureMatrix, tol: number): number {
  let total = 0;
  for (let j = 0; j < X.cols; j++) {
    let mean = 0;
    for (let r = 0; r < X.rows; r++) mean += X.values[r * X.cols + j];
    mean /= X.rows;
    let variance = 0;
    for (let r = 0; r < X.rows; r++) variance += (X.values[r * X.cols + j] - mean) ** 2;
    total += variance / X.rows;
  }
  return (total / X.cols) * tol;
}

/** Lloyd iterations from `initialCenters` until labels stop changing or the squared shift ≤ absoluteTol. */
export function runLloyd(X: FeatureMatrix, initialCenters: Float64Array, k: number, maxIter: number, absoluteTol: number): LloydResult {
  let centers: Float64Array = Float64Array.from(initialCenters);
  const labels = new Int32Array(X.rows);
  const previous = new Int32Array(X.rows).fill(-1);
  const distances = new Float64Array(X.rows);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter) {
    assignClusters(X, centers, k, labels, distances);
    const updated = updateCenters(X, labels, distances, k);
    let shift = 0;
    for (let i = 0; i < updated.length; i++) shift += (updated[i] - centers[i]) ** 2;
    centers = updated;
    iterations++;
    converged = labels.every((l, r) => l === previous[r]) || shift <= absoluteTol; // strict convergence, or within tolerance
    if (converged) break;
    previous.set(labels);
  }
  const inertia = assignClusters(X, centers, k, labels, distances);
  return { centers, labels, inertia, iterations, converged };
}

/** Greedy k-means++ (sklearn's): each new centre is the best of 2 + ⌊ln k⌋ candidates drawn ∝ D². */
export function seedCenters(X: FeatureMatrix, k: number, random: () => number): Float64Array {
  const centers = new Float64Array(k * X.cols);
  const trials = 2 + Math.floor(Math.log(k));
  const closest = new Float64Array(X.rows).fill(Infinity);
  const addCenter = (c: number, row: number): void => {
    centers.set(X.values.subarray(row * X.cols, (row + 1) * X.cols), c * X.cols);
    for (let r = 0; r < X.rows; r++) closest[r] = Math.min(closest[r], squaredDistance(X.values, r, centers, c, X.cols));
  };
  addCenter(0, Math.floor(random() * X.rows));
  for (let c = 1; c < k; c++) {
    const potential = closest.reduce((s, v) => s + v, 0);
    let bestRow = 0;
    let bestPotential = Infinity;
    for (let t = 0; t < trials; t++) {
      const row = sampleProportional(closest, potential * random());
      let sum = 0;
      for (let r = 0; r < X.rows; r++) {
        let d = 0;
        for (let j = 0; j < X.cols; j++) d += (X.values[r * X.cols + j] - X.values[row * X.cols + j]) ** 2;
        sum += Math.min(closest[r], d);
      }
      if (sum < bestPotential) (bestPotential = sum), (bestRow = row);
    }
    addCenter(c, bestRow);
  }
  return centers;
}

/** The first row whose cumulative weight exceeds `target`. */
function sampleProportional(weights: Float64Array, target: number): number {
  let cumulative = 0;
  for (let r = 0; r < weights.length; r++) {
    cumulative += weights[r];
    if (cumulative > target) return r;
  }
  return weights.length - 1;
}
