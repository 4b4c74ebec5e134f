// The weighted least squares at the heart of Kernel SHAP, with Σφ = prediction − base enforced exactly by
// eliminating the last feature: φ_M = Δ − Σ_{j<M} φ_j, so rows become (z_j − z_M) and targets v − base − z_M Δ.

import { DataError } from '../errors';

/** φ (length M) minimising Σ w (v(z) − base − z·φ)² subject to Σφ = prediction − base. */
export function solveKernelRegression(masks: Uint8Array[], weights: Float64Array, values: Float64Array, base: number, prediction: number): Float64Array {
  const M = masks[0].length, P = M - 1;
  const delta = prediction - base;
  const normal = new Float64Array(P * P);
  const rhs = new Float64Array(P);
  const a = new Float64Array(P);
  masks.forEach((z, n) => {
    for (let j = 0; j < P; j++) a[j] = z[j] - z[P];
    const t = values[n] - base - z[P] * delta;
    const w = weights[n];
    for (let i = 0; i < P; i++) {
      if (a[i] === 0) continue;
      rhs[i] += w * a[i] * t;
      for (let j = 0; j < P; j++) normal[i * P + j] += w * a[i] * a[j];
    }
  });
  const head = solveSymmetric(normal, rhs, P);
  const phi = new Float64Array(M);
  phi.set(head);
  phi[P] = delta - head.reduce((s, v) => s + v, 0);
  return phi;
}

/** Gaussian elimination with partial pivoting (P ≤ a few hundred). */
function solveSymmetric(A: Float64Array, b: Float64Array, P: number): Float64Array {
  const m = A.slice(), x = b.slice();
  for (let c = 0; c < P; c++) {
    let pivot = c;
    for (let r = c + 1; r < P; r++) if (Math.abs(m[r * P + c]) > Math.abs(m[pivot * P + c])) pivot = r;
    if (Math.abs(m[pivot * P + c]) < 1e-14) throw new DataError('Too few coalitions to separate every feature; raise the number of Kernel SHAP samples.');
    if (pivot !== c) {
      for (let j = 0; j < P; j++) [m[c * P + j], m[pivot * P + j]] = [m[pivot * P + j], m[c * P + j]];
      [x[c], x[pivot]] = [x[pivot], x[c]];
    }
    for (let r = c + 1; r < P; r++) {
      const f = m[r * P + c] / m[c * P + c];
      if (f === 0) continue;
      for (let j = c; j < P; j++) m[r * P + j] -= f * m[c * P + j];
      x[r] -= f * x[c];
    }
  }
  for (let c = P - 1; c >= 0; c--) {
    let s = x[c];
    for (let j = c + 1; j < P; j++) s -= m[c * P + j] * x[j];
    x[c] = s / m[c * P + c];
  }
  return x;
}
