// The float32 screen kernel against the same sums in JavaScript (Math.fround at every step, lanes as the kernel
// adds them): the distances to the bit, and only the pairs of rows with some query within its threshold written.

import { describe, expect, it } from 'vitest';
import { compileScreenKernel, type ScreenKernels } from './distance-kernel-f32';

/** Four lane sums (feature j in lane j mod 4), then (lane 0 + lane 2) + (lane 1 + lane 3), all rounded to f32. */
function screenInJs(query: Float32Array, row: Float32Array, manhattan: boolean): number {
  const f = Math.fround;
  const lanes = [0, 0, 0, 0];
  for (let j = 0; j < query.length; j++) {
    const d = f(query[j] - row[j]);
    lanes[j % 4] = f(lanes[j % 4] + (manhattan ? Math.abs(d) : f(d * d)));
  }
  return f(f(lanes[0] + lanes[2]) + f(lanes[1] + lanes[3]));
}

describe('float32 screen kernel', () => {
  it.each(['squared', 'manhattan'] as const)('%s: 4 queries × 6 rows of 8 features, the 8 distances of each pair that passes', (name) => {
    const module = compileScreenKernel();
    const memory = new WebAssembly.Memory({ initial: 1 });
    const kernels = new WebAssembly.Instance(module!, { env: { memory } }).exports as unknown as ScreenKernels;
    const heap = new Float32Array(memory.buffer);
    // Rows of 8 f32 (32 bytes): 6 training rows at byte 0, 4 queries at 256, thresholds at 512, out at 1024, candidates at 2048.
    const train = Float32Array.from({ length: 48 }, (_, i) => Math.sin(i + 1) * 3.7);
    const queries = Float32Array.from({ length: 32 }, (_, i) => Math.cos(i * 0.7) * 2.1);
    heap.set(train, 0);
    heap.set(queries, 64);
    const distance = (q: number, t: number) => screenInJs(queries.subarray(8 * q, 8 * q + 8), train.subarray(8 * t, 8 * t + 8), name === 'manhattan');
    // Query 2's threshold lets in exactly its nearest row; the others let in nothing.
    const nearest = [0, 1, 2, 3, 4, 5].reduce((best, t) => (distance(2, t) < distance(2, best) ? t : best), 0);
    heap.set([-1, -1, distance(2, nearest), -1], 128);
    const count = kernels[name](256, 0, 3, 32, 1024, 512, 2048);
    const pair = nearest >> 1;
    expect({ compiled: module !== null, count, candidates: Array.from(new Int32Array(memory.buffer, 2048, count)), out: Array.from(heap.subarray(256, 256 + 8)) })
      .toEqual({ compiled: true, count: 1, candidates: [pair], out: [0, 1].flatMap((r) => [0, 1, 2, 3].map((q) => distance(q, 2 * pair + r))) });
  });
});
