// Elastic-net coordinate descent as scikit-learn's cd_fast.enet_coordinate_descent: cyclic updates on centred
// data, minimising 1/(2n)·||y − Xw||² + α·ρ·||w||₁ + α(1 − ρ)/2·||w||², stopped by the same duality gap test.

import { createAbortError } from '../../errors';

export interface ElasticNetOptions {
  alpha: number;
  l1Ratio: number;
  tol: number;
  maxIter: number;
  signal?: AbortSignal;
  shouldStop?: () => boolean;
  /** Fires once per full pass with the objective 1/(2n)·||r||² + penalty and the coefficients (do not modify). */
  onPass?: (pass: number, objective: number, coefficients: Float64Array) => void;
}

export interface ElasticNetResult {
  coefficients: Float64Array;
  passes: number;
  dualityGap: number;
  /** The duality gap must fall below this (tol × ||y||²) to converge. */
  gapTolerance: number;
  /** True when maxIter passes ended the fit with the gap still above gapTolerance (sklearn's ConvergenceWarning). */
  hitCap: boolean;
}

const softThreshold = (x: number, t: number): number => (x > t ? x - t : x < -t ? x + t : 0);

/** Fits w on centred, row-major X (rows × cols) and centred y. */
export function fitElasticNet(X: Float64Array, y: Float64Array, rows: number, cols: number, options: ElasticNetOptions): ElasticNetResult {
  const l1 = options.alpha * options.l1Ratio * rows;
  const l2 = options.alpha * (1 - options.l1Ratio) * rows;
  const w = new Float64Array(cols);
  const residual = Float64Array.from(y);
  const columnNorms = new Float64Array(cols);
  for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) columnNorms[j] += X[r * cols + j] ** 2;
  const tol = options.tol * y.reduce((s, v) => s + v * v, 0);
  let gap = tol + 1;
  let pass = 0;
  while (pass < options.maxIter) {
    if (options.signal?.aborted === true) throw createAbortError();
    let maxChange = 0;
    let maxWeight = 0;
    for (let j = 0; j < cols; j++) {
      if (columnNorms[j] === 0) continue;
      const old = w[j];
      let rho = 0;
      for (let r = 0; r < rows; r++) rho += X[r * cols + j] * residual[r];
      rho += old * columnNorms[j];
      w[j] = softThreshold(rho, l1) / (columnNorms[j] + l2);
      const delta = w[j] - old;
      if (delta !== 0) for (let r = 0; r < rows; r++) residual[r] -= delta * X[r * cols + j];
      maxChange = Math.max(maxChange, Math.abs(delta));
      maxWeight = Math.max(maxWeight, Math.abs(w[j]));
    }
    pass++;
    options.onPass?.(pass, computeObjective(residual, w, rows, options), w);
    if (maxWeight === 0 || maxChange / maxWeight < options.tol || pass === options.maxIter) {
      gap = computeDualityGap(X, y, residual, w, rows, cols, l1, l2);
      if (gap < tol) break;
    }
    if (options.shouldStop?.() === true) return { coefficients: w, passes: pass, dualityGap: gap, gapTolerance: tol, hitCap: false };
  }
  return { coefficients: w, passes: pass, dualityGap: gap, gapTolerance: tol, hitCap: gap >= tol };
}

function computeObjective(residual: Float64Array, w: Float64Array, rows: number, o: ElasticNetOptions): number {
  const rss = residual.reduce((s, v) => s + v * v, 0);
  const l1Norm = w.reduce((s, v) => s + Math.abs(v), 0);
  const l2Norm = w.reduce((s, v) => s + v * v, 0);
  return rss / (2 * rows) + o.alpha * o.l1Ratio * l1Norm + (o.alpha * (1 - o.l1Ratio) * l2Norm) / 2;
}

/** sklearn's duality gap for the n-scaled problem (see cd_fast.pyx). */
function computeDualityGap(X: Float64Array, y: Float64Array, residual: Float64Array, w: Float64Array, rows: number, cols: number, l1: number, l2: number): number {
  let dualNorm = 0;
  for (let j = 0; j < cols; j++) {
    let xtA = 0;
    for (let r = 0; r < rows; r++) xtA += X[r * cols + j] * residual[r];
    dualNorm = Math.max(dualNorm, Math.abs(xtA - l2 * w[j]));
  }
  const rNorm2 = residual.reduce((s, v) => s + v * v, 0);
  const wNorm2 = w.reduce((s, v) => s + v * v, 0);
  const scale = dualNorm > l1 ? l1 / dualNorm : 1;
  let gap = dualNorm > l1 ? 0.5 * (rNorm2 + rNorm2 * scale * scale) : rNorm2;
  const l1Norm = w.reduce((s, v) => s + Math.abs(v), 0);
  const ry = residual.reduce((s, v, r) => s + v * y[r], 0);
  gap += l1 * l1Norm - scale * ry + 0.5 * l2 * (1 + scale * scale) * wNorm2;
  return gap;
}
