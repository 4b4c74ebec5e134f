// Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations (accurate to rounding, fine for the
// p × p covariance of a few hundred features): eigenvalues descending, eigenvectors as rows.

export interface EigenResult {
  values: Float64Array;
  /** Row-major p × p: row i is the unit eigenvector of values[i]. */
  vectors: Float64Array;
}

/** Decomposes row-major symmetric `matrix` (p × p, not modified). */
export function decomposeSymmetric(matrix: Float64Array, p: number): EigenResult {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(p * p);
  for (let i = 0; i < p; i++) v[i * p + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let scale = 0;
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) (i === j ? (scale += a[i * p + i] ** 2) : (off += a[i * p + j] ** 2));
    if (off <= 1e-30 * scale || off === 0) break;
    for (let i = 0; i < p - 1; i++) for (let j = i + 1; j < p; j++) rotate(a, v, p, i, j);
  }
  const order = Array.from({ length: p }, (_, i) => i).sort((x, y) => a[y * p + y] - a[x * p + x] || x - y);
  const values = Float64Array.from(order, (i) => a[i * p + i]);
  const vectors = new Float64Array(p * p);
  order.forEach((col, row) => {
    for (let k = 0; k < p; k++) vectors[row * p + k] = v[k * p + col];
  });
  return { values, vectors };
}

/** One Jacobi rotation zeroing a[i][j]; accumulates the rotation into the columns of v. */
function rotate(a: Float64Array, v: Float64Array, p: number, i: number, j: number): void {
  const aij = a[i * p + j];
  if (aij === 0) return;
  const theta = (a[j * p + j] - a[i * p + i]) / (2 * aij);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < p; k++) {
    const aki = a[k * p + i];
    const akj = a[k * p + j];
    a[k * p + i] = c * aki - s * akj;
    a[k * p + j] = s * aki + c * akj;
  }
  for (let k = 0; k < p; k++) {
    const aik = a[i * p + k];
    const ajk = a[j * p + k];
    a[i * p + k] = c * aik - s * ajk;
    a[j * p + k] = s * aik + c * ajk;
  }
  for (let k = 0; k < p; k++) {
    const vki = v[k * p + i];
    const vkj = v[k * p + j];
    v[k * p + i] = c * vki - s * vkj;
    v[k * p + j] = s * vki + c * vkj;
  }
}
