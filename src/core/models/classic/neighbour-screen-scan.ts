// Brute force's fast path: the float32 screen kernel (distance-kernel-f32.ts) passes over a block of training
// rows for four queries at a time, and only the rows it lets through (a screen distance within the query's
// threshold, neighbour-screen-bound.ts) are measured again in f64 by measureReduced and offered to the heaps.
// The heaps therefore see exactly the distances of the f64 paths, so the neighbours are the same to the bit.

import { instantiateWithMemory } from '../../wasm/load-module';
import type { BruteForceScan } from './brute-force-block';
import { compileScreenKernel, type ScreenKernels } from './distance-kernel-f32';
import { measureReduced, type DistanceMetric } from './neighbour-distance';
import type { NeighbourHeaps } from './neighbour-heaps';
import { computeScreenThreshold, measureScreenNorm } from './neighbour-screen-bound';

/** Past this many bytes of float32 rows the screen is not attempted (wasm32 memories stop at 4 GiB). */
const MAX_SCREEN_BYTES = 2 ** 31;

/**
 * The screen's scan over `rows` × `cols` training values, or null where WebAssembly SIMD or the memory is
 * unavailable or a training value is too large for float32 (the caller falls back to the f64 kernel). A query
 * block with such a value is scanned by `exactScan`.
 */
export function createScreenScan(train: Float64Array, rows: number, cols: number, metric: DistanceMetric, queryBlock: number, trainBlock: number, exactScan: BruteForceScan): BruteForceScan | null {
  const module = compileScreenKernel();
  let trainNorm = 0;
  for (let t = 0; t < rows; t++) trainNorm = Math.max(trainNorm, measureScreenNorm(train, t * cols, cols, metric));
  const width = 4 * Math.ceil(cols / 4);
  const stride = 4 * width;
  // Memory: f32 training rows, a block of queries (whole quads), 4 thresholds, 8 f32 and one i32 per pair of rows.
  const queriesAt = rows * stride;
  const thresholdsAt = queriesAt + 4 * Math.ceil(queryBlock / 4) * stride;
  const outAt = thresholdsAt + 16;
  const candidatesAt = outAt + 16 * trainBlock;
  const bytes = candidatesAt + 2 * trainBlock + 16;
  if (!module || trainNorm === Infinity || bytes > MAX_SCREEN_BYTES) return null;
  const instance = instantiateWithMemory<ScreenKernels>(module, bytes);
  if (!instance) return null;
  const { memory, exports: kernels } = instance;
  const heap = new Float32Array(memory.buffer);
  for (let t = 0; t < rows; t++) heap.set(train.subarray(t * cols, t * cols + cols), t * width);
  const screen = metric === 'manhattan' ? kernels.manhattan : kernels.squared;
  const out = new Float32Array(memory.buffer, outAt, 4 * trainBlock);
  const candidates = new Int32Array(memory.buffer, candidatesAt, trainBlock >> 1);
  const thresholds = new Float32Array(memory.buffer, thresholdsAt, 4);
  const queryNorms = new Float64Array(queryBlock);
  const manhattan = metric === 'manhattan';
  const thresholdOf = (heaps: NeighbourHeaps, slot: number) => computeScreenThreshold(heaps.bound[slot], queryNorms[slot], trainNorm, cols, metric);

  /** Measures row t exactly for the query in `slot` and offers it; the slot's new threshold. */
  const recheck = (queries: Float64Array, q: number, slot: number, t: number, heaps: NeighbourHeaps): number => {
    const d = measureReduced(queries, q * cols, train, t * cols, cols, manhattan, heaps.bound[slot]);
    if (d > heaps.bound[slot]) return thresholds[slot & 3];
    heaps.offer(slot, d, t);
    return thresholdOf(heaps, slot);
  };

  return (queries, qStart, qEnd, tStart, tEnd, heaps) => {
    const count = qEnd - qStart;
    for (let q = 0; q < count; q++) {
      queryNorms[q] = measureScreenNorm(queries, (qStart + q) * cols, cols, metric);
      if (queryNorms[q] === Infinity) return exactScan(queries, qStart, qEnd, tStart, tEnd, heaps);
    }
    for (let q = 0; q < count; q++) heap.set(queries.subarray((qStart + q) * cols, (qStart + q + 1) * cols), queriesAt / 4 + q * width);
    const groups = (tEnd - tStart) >> 1;
    for (let quad = 0; quad < count; quad += 4) {
      // Spare slots of a last short quad screen nothing (threshold −∞): their rows hold stale queries.
      for (let s = 0; s < 4; s++) thresholds[s] = quad + s < count ? thresholdOf(heaps, quad + s) : -Infinity;
      const passed = groups > 0 ? screen(queriesAt + quad * stride, tStart * stride, groups, stride, outAt, thresholdsAt, candidatesAt) : 0;
      for (let c = 0; c < passed; c++) {
        const t = tStart + 2 * candidates[c];
        for (let s = 0; s < 4 && quad + s < count; s++) {
          if (out[8 * c + s] <= thresholds[s]) thresholds[s] = recheck(queries, qStart + quad + s, quad + s, t, heaps);
          if (out[8 * c + 4 + s] <= thresholds[s]) thresholds[s] = recheck(queries, qStart + quad + s, quad + s, t + 1, heaps);
        }
      }
      // An odd last row is measured exactly.
      if (tStart + 2 * groups < tEnd) {
        for (let s = quad; s < Math.min(count, quad + 4); s++) recheck(queries, qStart + s, s, tEnd - 1, heaps);
      }
    }
  };
}
