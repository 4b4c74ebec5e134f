// Dense least squares by Householder QR (no squared condition number, unlike the normal equations), with an
// optional ridge term solved as the augmented system [X; √α·I] w ≈ [y; 0].

import { TrainingError } from '../../errors';

/** Column means of a row-major rows × cols matrix. */
export function computeColumnMeans(values: Float64Array, rows: number, cols: number): Float64Array {
  const means = new Float64Array(cols);
  for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) means[j] += values[r * cols + j];
  return means.map((s) => s / rows);
}

/**
 * Minimises ||A w − b||² + ridge·||w||² for row-major A (rows × cols); returns w (length cols).
 * Throws TrainingError when A is rank-deficient and ridge is 0 (collinear features).
 */
export function solveLeastSquares(A: Float64Array, b: Float64Array, rows: number, cols: number, ridge = 0, featureNames?: readonly string[]): Float64Array {
  const m = ridge > 0 ? rows + cols : rows;
  const a = new Float64Array(m * cols);
  a.set(A);
  const rhs = new Float64Array(m);
  rhs.set(b);
  if (ridge > 0) for (let j = 0; j < cols; j++) a[(rows + j) * cols + j] = Math.sqrt(ridge);
  const diagonal = new Float64Array(cols);
  let scale = 0;
  for (let k = 0; k < cols; k++) {
    let norm = 0;
    for (let i = k; i < m; i++) norm += a[i * cols + k] ** 2;
    norm = Math.sqrt(norm);
    scale = Math.max(scale, norm);
    const alpha = a[k * cols + k] > 0 ? -norm : norm;
    diagonal[k] = alpha;
    if (norm === 0) continue;
    // Householder vector v = x − αe₁ stored in place below the diagonal; H = I − 2vvᵀ/vᵀv.
    a[k * cols + k] -= alpha;
    let vv = 0;
    for (let i = k; i < m; i++) vv += a[i * cols + k] ** 2;
    if (vv === 0) continue;
    for (let j = k + 1; j < cols; j++) reflect(a, cols, k, m, vv, (i) => i * cols + j, a);
    reflect(a, cols, k, m, vv, (i) => i, rhs);
  }
  const w = new Float64Array(cols);
  for (let k = cols - 1; k >= 0; k--) {
    if (Math.abs(diagonal[k]) <= 1e-12 * scale) {
      const name = featureNames?.[k] ?? `#${k + 1}`;
      throw new TrainingError(`Linear regression: feature "${name}" is a linear combination of the others (collinear); drop it or use ridge (alpha > 0).`);
    }
    let s = rhs[k];
    for (let j = k + 1; j < cols; j++) s -= a[k * cols + j] * w[j];
    w[k] = s / diagonal[k];
  }
  return w;
}

/** Applies the reflection with vector a[k.., k] to target entries at `index(i)` for i ≥ k. */
function reflect(a: Float64Array, cols: number, k: number, m: number, vv: number, index: (i: number) => number, target: Float64Array): void {
  let dot = 0;
  for (let i = k; i < m; i++) dot += a[i * cols + k] * target[index(i)];
  const f = (2 * dot) / vv;
  for (let i = k; i < m; i++) target[index(i)] -= f * a[i * cols + k];
}
