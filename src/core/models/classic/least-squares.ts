// Dense least squares by Householder QR (no squared condition number, unlike the normal equations), with an
// optional ridge term solved as the augmented system [X; √α·I] w ≈ [y; 0]. A rank-deficient system gets the
// minimum-norm solution, as numpy.linalg.lstsq and scipy.linalg.lstsq give: the SVD of R decides the rank.

import { decomposeSvd, type SvdResult } from './jacobi-svd';

/** The solution of a least-squares system and what its rank says about the columns. */
export interface LeastSquaresSolution {
  coefficients: Float64Array;
  /** Singular values above ε · max(rows, cols) · the largest one (numpy.linalg.lstsq's default cut-off). */
  rank: number;
  /** Columns (ascending) with weight in the null space — their separate coefficients are not identifiable; empty at full rank. */
  collinear: number[];
}

/** Column means of a row-major rows × cols matrix. */
export function computeColumnMeans(values: Float64Array, rows: number, cols: number): Float64Array {
  const means = new Float64Array(cols);
  for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) means[j] += values[r * cols + j];
  return means.map((s) => s / rows);
}

/**
 * Minimises ||A w − b||² + ridge·||w||² for row-major A (rows × cols). At full rank, w is the unique solution by
 * back substitution; otherwise the one of smallest ||w|| among all minimisers.
 */
export function solveLeastSquares(A: Float64Array, b: Float64Array, rows: number, cols: number, ridge = 0): LeastSquaresSolution {
  const m = ridge > 0 ? rows + cols : rows;
  const { a, diagonal, rhs } = factorQr(A, b, rows, cols, m, ridge);
  const r = new Float64Array(cols * cols);
  for (let k = 0; k < Math.min(m, cols); k++) {
    r[k * cols + k] = diagonal[k];
    for (let j = k + 1; j < cols; j++) r[k * cols + j] = a[k * cols + j];
  }
  const svd = decomposeSvd(r, cols);
  const cutoff = Number.EPSILON * Math.max(m, cols) * svd.values.reduce((max, v) => Math.max(max, v), 0);
  const kept = Array.from(svd.values, (v) => v > cutoff);
  const rank = kept.filter(Boolean).length;
  if (rank === cols) return { coefficients: substituteBack(a, diagonal, rhs, cols), rank, collinear: [] };
  const c = Float64Array.from({ length: cols }, (_, k) => (k < m ? rhs[k] : 0));
  return { coefficients: solveMinimumNorm(svd, c, kept, cols), rank, collinear: findNullColumns(svd, kept, cols) };
}

/** Householder QR of [A; √ridge·I] (m rows) in place: R above the diagonal of `a` and in `diagonal`, Qᵀb in `rhs`. */
function factorQr(A: Float64Array, b: Float64Array, rows: number, cols: number, m: number, ridge: number) {
  const a = new Float64Array(m * cols);
  a.set(A);
  const rhs = new Float64Array(m);
  rhs.set(b);
  if (ridge > 0) for (let j = 0; j < cols; j++) a[(rows + j) * cols + j] = Math.sqrt(ridge);
  const diagonal = new Float64Array(cols);
  for (let k = 0; k < Math.min(m, cols); k++) {
    let norm = 0;
    for (let i = k; i < m; i++) norm += a[i * cols + k] ** 2;
    norm = Math.sqrt(norm);
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
  return { a, diagonal, rhs };
}

/** Applies the reflection with vector a[k.., k] to target entries at `index(i)` for i ≥ k. */
function reflect(a: Float64Array, cols: number, k: number, m: number, vv: number, index: (i: number) => number, target: Float64Array): void {
  let dot = 0;
  for (let i = k; i < m; i++) dot += a[i * cols + k] * target[index(i)];
  const f = (2 * dot) / vv;
  for (let i = k; i < m; i++) target[index(i)] -= f * a[i * cols + k];
}

/** Solves R w = Qᵀb from the bottom row up (full rank only: every diagonal entry is non-zero). */
function substituteBack(a: Float64Array, diagonal: Float64Array, rhs: Float64Array, cols: number): Float64Array {
  const w = new Float64Array(cols);
  for (let k = cols - 1; k >= 0; k--) {
    let s = rhs[k];
    for (let j = k + 1; j < cols; j++) s -= a[k * cols + j] * w[j];
    w[k] = s / diagonal[k];
  }
  return w;
}

/** w = Σ over kept j of v_j · (u_jᵀ c) / σ_j — the pseudo-inverse applied to c, with u_j σ_j = scaled[:, j]. */
function solveMinimumNorm(svd: SvdResult, c: Float64Array, kept: boolean[], n: number): Float64Array {
  const w = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    if (!kept[j]) continue;
    let dot = 0;
    for (let i = 0; i < n; i++) dot += svd.scaled[i * n + j] * c[i];
    const factor = dot / svd.values[j] ** 2;
    for (let i = 0; i < n; i++) w[i] += svd.vectors[i * n + j] * factor;
  }
  return w;
}

/** Columns whose unit vector has a projection above 1e-6 on the null space (spanned by the dropped v_j). */
function findNullColumns(svd: SvdResult, kept: boolean[], n: number): number[] {
  const columns: number[] = [];
  for (let i = 0; i < n; i++) {
    let share = 0;
    for (let j = 0; j < n; j++) if (!kept[j]) share += svd.vectors[i * n + j] ** 2;
    if (share > 1e-12) columns.push(i);
  }
  return columns;
}
