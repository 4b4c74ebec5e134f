// Singular value decomposition of a small square matrix by one-sided (Hestenes) Jacobi rotations: the columns
// are rotated until orthogonal. Accurate to rounding even for tiny singular values (no AᵀA, whose eigenvalues
// would square the condition number), which is what telling "zero" from "small" in a rank decision needs.

/** A = U·diag(values)·Vᵀ for an n × n matrix; `scaled` holds the columns of U·Σ (U's column j is scaled[:, j] / values[j]). */
export interface SvdResult {
  /** Singular values, in column order (not sorted); 0 for a column that rotated to zero. */
  values: Float64Array;
  /** Row-major n × n: column j is the right singular vector of values[j]. */
  vectors: Float64Array;
  /** Row-major n × n: A·V, whose column j has norm values[j]. */
  scaled: Float64Array;
}

const MAX_SWEEPS = 80;

/** Decomposes row-major `matrix` (n × n, not modified). */
export function decomposeSvd(matrix: Float64Array, n: number): SvdResult {
  const g = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) for (let q = p + 1; q < n; q++) rotated = rotateColumns(g, v, n, p, q) || rotated;
    if (!rotated) break;
  }
  const values = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += g[i * n + j] ** 2;
    values[j] = Math.sqrt(sum);
  }
  return { values, vectors: v, scaled: g };
}

/** Rotates columns p and q of g (and of v) to make them orthogonal; false when they already are (to rounding). */
function rotateColumns(g: Float64Array, v: Float64Array, n: number, p: number, q: number): boolean {
  let alpha = 0;
  let beta = 0;
  let gamma = 0;
  for (let i = 0; i < n; i++) {
    const gp = g[i * n + p];
    const gq = g[i * n + q];
    alpha += gp * gp;
    beta += gq * gq;
    gamma += gp * gq;
  }
  if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) return false;
  const zeta = (beta - alpha) / (2 * gamma);
  const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
  const c = 1 / Math.sqrt(1 + t * t);
  const s = c * t;
  for (const m of [g, v]) {
    for (let i = 0; i < n; i++) {
      const mp = m[i * n + p];
      const mq = m[i * n + q];
      m[i * n + p] = c * mp - s * mq;
      m[i * n + q] = s * mp + c * mq;
    }
  }
  return true;
}
