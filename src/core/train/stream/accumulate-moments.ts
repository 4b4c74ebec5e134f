// Means and centred cross-products of (X, y) merged chunk by chunk (Chan, Golub & LeVeque's pairwise update), so the
// centred normal equations come out of one pass without the cancellation of raw sums of squares.

import type { FeatureMatrix } from '../../models/types';

/** n rows' means and centred sums: cxx = Σ (x − x̄)(x − x̄)ᵀ (p × p row-major), cxy = Σ (x − x̄)(y − ȳ), syy = Σ (y − ȳ)². */
export interface Moments {
  n: number;
  meanX: Float64Array;
  meanY: number;
  cxx: Float64Array;
  cxy: Float64Array;
  syy: number;
}

export function createMoments(p: number): Moments {
  return { n: 0, meanX: new Float64Array(p), meanY: 0, cxx: new Float64Array(p * p), cxy: new Float64Array(p), syy: 0 };
}

/** The moments of the rows of X and y alone (two passes over the chunk). */
export function measureMoments(X: FeatureMatrix, y: Float64Array): Moments {
  const p = X.cols;
  const m = createMoments(p);
  m.n = X.rows;
  for (let r = 0; r < X.rows; r++) {
    for (let j = 0; j < p; j++) m.meanX[j] += X.values[r * p + j];
    m.meanY += y[r];
  }
  for (let j = 0; j < p; j++) m.meanX[j] /= X.rows;
  m.meanY /= X.rows;
  const d = new Float64Array(p);
  for (let r = 0; r < X.rows; r++) {
    for (let j = 0; j < p; j++) d[j] = X.values[r * p + j] - m.meanX[j];
    const dy = y[r] - m.meanY;
    for (let i = 0; i < p; i++) {
      const di = d[i];
      for (let j = i; j < p; j++) m.cxx[i * p + j] += di * d[j];
      m.cxy[i] += di * dy;
    }
    m.syy += dy * dy;
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) m.cxx[i * p + j] = m.cxx[j * p + i];
  return m;
}

/** Merges `b` into `a` (in place): the moments of both sets of rows. */
export function mergeMoments(a: Moments, b: Moments): void {
  if (b.n === 0) return;
  const n = a.n + b.n;
  const p = a.meanX.length;
  const factor = (a.n * b.n) / n;
  const dx = Float64Array.from(b.meanX, (v, j) => v - a.meanX[j]);
  const dy = b.meanY - a.meanY;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) a.cxx[i * p + j] += b.cxx[i * p + j] + dx[i] * dx[j] * factor;
    a.cxy[i] += b.cxy[i] + dx[i] * dy * factor;
  }
  a.syy += b.syy + dy * dy * factor;
  for (let j = 0; j < p; j++) a.meanX[j] += (dx[j] * b.n) / n;
  a.meanY += (dy * b.n) / n;
  a.n = n;
}
