// C = A·B + bias (optionally through ReLU) over one WebAssembly memory: the SIMD kernel for whole blocks of four
// rows × eight columns, its one-row form for the last rows, and plain JavaScript for columns past the last eight.

import type { DenseKernels } from '../../wasm/dense-kernel';

/** A product's operands as float indices into the memory (not bytes); A(r, k) at a + r·aRow + k·aCol. */
export interface DenseProduct {
  a: number;
  aRow: number;
  aCol: number;
  /** Row-major k × m. */
  b: number;
  /** Row-major rows × m (written). */
  c: number;
  /** m floats (a zero row for none). */
  bias: number;
  rows: number;
  k: number;
  m: number;
  relu: boolean;
}

/** Computes `p` in `memory` (read through `floats`, a view of the whole memory). */
export function multiplyDense(kernels: DenseKernels, floats: Float32Array, p: DenseProduct): void {
  const m8 = p.m - (p.m % 8);
  const rows4 = p.rows - (p.rows % 4);
  const relu = p.relu ? 1 : 0;
  if (m8 > 0) {
    if (rows4 > 0) kernels.multiply4(4 * p.a, 4 * p.b, 4 * p.c, 4 * p.bias, rows4, p.k, m8, p.m, 4 * p.aRow, 4 * p.aCol, relu);
    if (rows4 < p.rows) kernels.multiply1(4 * (p.a + rows4 * p.aRow), 4 * p.b, 4 * (p.c + rows4 * p.m), 4 * p.bias, p.rows - rows4, p.k, m8, p.m, 4 * p.aRow, 4 * p.aCol, relu);
  }
  for (let j = m8; j < p.m; j++) {
    for (let r = 0; r < p.rows; r++) {
      let sum = floats[p.bias + j];
      for (let k = 0, ai = p.a + r * p.aRow, bi = p.b + j; k < p.k; k++, ai += p.aCol, bi += p.m) sum += floats[ai] * floats[bi];
      floats[p.c + r * p.m + j] = p.relu && !(sum >= 0) ? (Number.isNaN(sum) ? sum : 0) : sum;
    }
  }
}
