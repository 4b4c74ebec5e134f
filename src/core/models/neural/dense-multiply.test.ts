import { describe, expect, it } from 'vitest';
import { instantiateWithMemory } from '../../wasm/load-module';
import { compileDenseKernel, type DenseKernels } from '../../wasm/dense-kernel';
import { createRandom } from '../../random/prng';
import { multiplyDense } from './dense-multiply';

// The SIMD product (4-row and 1-row blocks, JavaScript column tail) against a float64 triple loop, on shapes that
// exercise every path: rows not a multiple of 4, columns not a multiple of 8, A read transposed through strides.
function check(rows: number, k: number, m: number, transposed: boolean, relu: boolean): number {
  const random = createRandom(rows * 1000 + k * 10 + m);
  const instance = instantiateWithMemory<DenseKernels>(compileDenseKernel()!, 1 << 20)!;
  const floats = new Float32Array(instance.memory.buffer);
  const [a, b, bias, c] = [0, rows * k, rows * k + k * m, rows * k + k * m + m];
  for (let i = 0; i < c; i++) floats[i] = 2 * random() - 1;
  const [aRow, aCol] = transposed ? [1, rows] : [k, 1];
  multiplyDense(instance.exports, floats, { a, aRow, aCol, b, c, bias, rows, k, m, relu });
  let worst = 0;
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < m; j++) {
      let sum = floats[bias + j];
      for (let q = 0; q < k; q++) sum += floats[a + r * aRow + q * aCol] * floats[b + q * m + j];
      worst = Math.max(worst, Math.abs((relu ? Math.max(sum, 0) : sum) - floats[c + r * m + j]));
    }
  }
  return worst;
}

describe('multiplyDense', () => {
  it('equals a float64 product to float32 rounding, for every block and tail', () => {
    const shapes: [number, number, number, boolean, boolean][] = [[256, 10, 64, false, true], [7, 64, 64, false, false], [10, 33, 24, true, false], [5, 3, 1, false, true], [13, 9, 12, true, true]];
    expect(shapes.map((s) => check(...s) < 1e-5)).toEqual(shapes.map(() => true));
  });
});
