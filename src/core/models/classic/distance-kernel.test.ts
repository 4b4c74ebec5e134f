// The WebAssembly distance kernel against measureReduced: four queries × two pairs of rows, an odd feature
// count padded with a zero, both metrics; the bits must be equal.

import { describe, expect, it } from 'vitest';
import { compileDistanceKernel, type DistanceKernels } from './distance-kernel';
import { measureReduced } from './neighbour-distance';

describe('distance kernel', () => {
  it.each(['squared', 'manhattan'] as const)('%s: 4 queries × 4 rows of 3 features equal measureReduced to the bit', (name) => {
    const module = compileDistanceKernel();
    const memory = new WebAssembly.Memory({ initial: 1 });
    const kernels = new WebAssembly.Instance(module!, { env: { memory } }).exports as unknown as DistanceKernels;
    const heap = new Float64Array(memory.buffer);
    // Rows padded to 4 values: 4 training rows at byte 0, 4 queries at byte 256, output at byte 512.
    const train = Float64Array.from({ length: 12 }, (_, i) => Math.sin(i + 1) * 3.7);
    const queries = Float64Array.of(0.1, -2.3, 1e-9, 5.5, 0.25, -1.75, -7, 0, 3, 1e6, -1e-6, 2.5);
    for (let t = 0; t < 4; t++) heap.set(train.subarray(3 * t, 3 * t + 3), 4 * t);
    for (let q = 0; q < 4; q++) heap.set(queries.subarray(3 * q, 3 * q + 3), 32 + 4 * q);
    kernels[name](256, 0, 2, 32, 512);
    // Per pair of rows g, query-major: q0·r0, q0·r1, q1·r0, …
    const expected = [0, 1].flatMap((g) => [0, 1, 2, 3].flatMap((q) => [0, 1].map((r) => measureReduced(queries, 3 * q, train, 3 * (2 * g + r), 3, name === 'manhattan', Infinity))));
    expect({ compiled: module !== null, distances: Array.from(heap.subarray(64, 80)) }).toEqual({ compiled: true, distances: expected });
  });
});
