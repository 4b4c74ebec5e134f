// Brute-force kNN on one block of queries × one block of training rows: the float32 screen with an exact f64
// recheck (neighbour-screen-scan.ts), else the f64 WebAssembly SIMD kernel over a copy of the training rows in its
// memory (features padded to an even count with zeros, which add nothing), else measureReduced row by row. Distances are direct differences (no ‖a‖² − 2a·b + ‖b‖², which
// cancels), bit-identical on both paths and to the k-d tree's, so every path picks the same neighbours.

import { instantiateWithMemory } from '../../wasm/load-module';
import { compileDistanceKernel, type DistanceKernels } from './distance-kernel';
import { measureReduced, type DistanceMetric } from './neighbour-distance';
import type { NeighbourHeaps } from './neighbour-heaps';
import { createScreenScan } from './neighbour-screen-scan';

/** Which brute-force scan: the f32 screen (else the f64 kernel, else JS), the f64 kernel (else JS), or JS; the last two for tests. */
export type BruteForceKernel = 'wasm' | 'wasm-f64' | 'js';

/** Offers training rows tStart … tEnd − 1 to queries qStart … qEnd − 1 (query q in heap slot q − qStart), in row order per query. */
export type BruteForceScan = (queries: Float64Array, qStart: number, qEnd: number, tStart: number, tEnd: number, heaps: NeighbourHeaps) => void;

/** Past this many bytes of training rows the WebAssembly copy is not attempted (wasm32 memories stop at 4 GiB). */
const MAX_KERNEL_BYTES = 2 ** 31;

/**
 * A scan over `rows` × `cols` training values for blocks of up to `queryBlock` queries × `trainBlock` rows (a
 * multiple of 4): the fastest of `kind`'s order that can be had (SIMD, memory, values within float32's range).
 */
export function createBruteForceScan(train: Float64Array, rows: number, cols: number, metric: DistanceMetric, queryBlock: number, trainBlock: number, kind: BruteForceKernel = 'wasm'): BruteForceScan {
  const manhattan = metric === 'manhattan';
  const js: BruteForceScan = (queries, qStart, qEnd, tStart, tEnd, heaps) => {
    for (let q = qStart; q < qEnd; q++) scanRows(train, tStart, tEnd, queries, q, q - qStart, cols, manhattan, heaps);
  };
  if (kind === 'js') return js;
  const createExact = () => createKernelScan(train, rows, cols, manhattan, queryBlock, trainBlock) ?? js;
  if (kind === 'wasm-f64') return createExact();
  // The screen needs an exact scan only for a query block beyond float32's range: made then, not beside it.
  let exact: BruteForceScan | null = null;
  const exactOnDemand: BruteForceScan = (...args) => (exact ??= createExact())(...args);
  return createScreenScan(train, rows, cols, metric, queryBlock, trainBlock, exactOnDemand) ?? createExact();
}

/** One query against rows tStart … tEnd − 1, row by row, skipping the rest of a row once it cannot enter. */
function scanRows(train: Float64Array, tStart: number, tEnd: number, queries: Float64Array, q: number, slot: number, cols: number, manhattan: boolean, heaps: NeighbourHeaps): void {
  for (let t = tStart; t < tEnd; t++) {
    const d = measureReduced(queries, q * cols, train, t * cols, cols, manhattan, heaps.bound[slot]);
    if (d <= heaps.bound[slot]) heaps.offer(slot, d, t);
  }
}

/** The kernel's scan, or null when WebAssembly SIMD or the memory for the copy is unavailable. */
function createKernelScan(train: Float64Array, rows: number, cols: number, manhattan: boolean, queryBlock: number, trainBlock: number): BruteForceScan | null {
  const module = compileDistanceKernel();
  const width = cols + (cols % 2);
  const stride = 8 * width;
  // Memory: training rows, then a block of queries (rounded up to whole quads), then 8 f64 per 2 rows of output.
  const queriesAt = rows * stride;
  const outAt = queriesAt + 4 * Math.ceil(queryBlock / 4) * stride;
  const bytes = outAt + 32 * trainBlock;
  if (!module || bytes > MAX_KERNEL_BYTES) return null;
  const instance = instantiateWithMemory<DistanceKernels>(module, bytes);
  if (!instance) return null;
  const { memory, exports: kernels } = instance;
  const heap = new Float64Array(memory.buffer);
  for (let t = 0; t < rows; t++) heap.set(train.subarray(t * cols, t * cols + cols), t * width);
  const measure = manhattan ? kernels.manhattan : kernels.squared;
  const out = new Float64Array(memory.buffer, outAt, 4 * trainBlock);
  return (queries, qStart, qEnd, tStart, tEnd, heaps) => {
    const count = qEnd - qStart;
    for (let q = 0; q < count; q++) heap.set(queries.subarray((qStart + q) * cols, (qStart + q + 1) * cols), queriesAt / 8 + q * width);
    const groups = (tEnd - tStart) >> 1;
    for (let quad = 0; quad < count; quad += 4) {
      // A last quad with fewer queries runs on whatever the spare rows hold; their distances are not read.
      if (groups > 0) measure(queriesAt + quad * stride, tStart * stride, groups, stride, outAt);
      for (let slot = quad; slot < Math.min(count, quad + 4); slot++) {
        offerPairs(out, 2 * (slot - quad), groups, tStart, slot, heaps);
        scanRows(train, tStart + 2 * groups, tEnd, queries, qStart + slot, slot, cols, manhattan, heaps);
      }
    }
  };
}

/** Offers one query's kernel distances to `slot`: in every 8 values, the 2 from `at` are rows t and t + 1. */
function offerPairs(out: Float64Array, at: number, groups: number, tStart: number, slot: number, heaps: NeighbourHeaps): void {
  for (let g = 0; g < groups; g++) {
    const d0 = out[8 * g + at];
    if (d0 <= heaps.bound[slot]) heaps.offer(slot, d0, tStart + 2 * g);
    const d1 = out[8 * g + at + 1];
    if (d1 <= heaps.bound[slot]) heaps.offer(slot, d1, tStart + 2 * g + 1);
  }
}
