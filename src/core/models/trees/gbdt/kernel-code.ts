// The hot loops of growing a boosting tree as one WebAssembly module (assembled by wasm-module.ts; under the
// 4 kB Chrome compiles synchronously on any thread): histograms with one f64x2 add per gradient/hessian pair
// and no bounds checks, their subtraction, the branch-free row partition and leaf updates here; the logistic
// gradients, numeric split scan and radix sort in their own files. Pointers are byte offsets into its memory.

import { HIST_BINS } from './histogram';
import { LOGISTIC } from './logistic-kernel';
import { RADIX } from './sort-kernel';
import { SCAN_NUMERIC } from './split-kernel';
import { createModuleLoader } from '../../../wasm/load-module';
import { assembleModule, I32, op, V128, type Code, type WasmFunction } from '../../../wasm/wasm-module';

/** Bytes per histogram bin ([g, h, count] as f64) and per feature. */
export const BIN_BYTES = 3 * 8;
export const FEATURE_BYTES = HIST_BINS * BIN_BYTES;

/** Features per step of the unrolled row loop (memory offsets are immediates, so a step costs no extra adds). */
const UNROLL = 4;

/** One feature's update: feature `j` of the step, its bin at p + j, its histogram at hf + j · FEATURE_BYTES. */
function accumulateFeature(p: number, hf: number, a: number, g: number, j: number): Code {
  const base = j * FEATURE_BYTES;
  return [
    ...op.get(hf), ...op.get(p), ...op.loadU8(j), ...op.i32(BIN_BYTES), ...op.mul, ...op.add, ...op.tee(a),
    ...op.get(a), ...op.loadV128(base), ...op.get(g), ...op.f64x2Add, ...op.storeV128(base),
    ...op.get(a), ...op.get(a), ...op.loadF64(base + 16), ...op.f64One, ...op.f64Add, ...op.storeF64(base + 16),
  ];
}

/**
 * hist[f][bin] += (g, h) as one f64x2 and count += 1, for f = 0 … cols − 1 over the row's bins p … pend:
 * UNROLL features per step while that many remain, then one at a time.
 */
function accumulateRow(p: number, pend: number, hf: number, a: number, g: number, hist: number): Code {
  const step = Array.from({ length: UNROLL }, (_, j) => accumulateFeature(p, hf, a, g, j));
  return [
    ...op.get(hist), ...op.set(hf),
    ...op.block(
      op.block(
        op.loop(
          op.get(p), op.i32(UNROLL), op.add, op.get(pend), op.gtU, op.brIf(1),
          ...step,
          op.get(hf), op.i32(UNROLL * FEATURE_BYTES), op.add, op.set(hf),
          op.get(p), op.i32(UNROLL), op.add, op.set(p), op.br(0),
        ),
      ),
      op.loop(
        op.get(p), op.get(pend), op.geU, op.brIf(1),
        accumulateFeature(p, hf, a, g, 0),
        op.get(hf), op.i32(FEATURE_BYTES), op.add, op.set(hf),
        op.get(p), op.i32(1), op.add, op.set(p), op.br(0),
      ),
    ),
  ];
}

/**
 * Zeroes the `width` features' histograms at hist (a shared memory's TypedArray.fill takes V8's slow path);
 * `zero` is a v128 local not yet set (wasm locals start at 0).
 */
function zeroHistograms(width: number, hist: number, at: number, end: number, zero: number): Code {
  return [
    ...op.get(hist), ...op.tee(at), ...op.get(width), ...op.i32(FEATURE_BYTES), ...op.mul, ...op.add, ...op.set(end),
    ...op.block(
      op.get(at), op.get(end), op.geU, op.brIf(0),
      op.loop(
        op.get(at), op.get(zero), op.storeV128(),
        op.get(at), op.i32(16), op.add, op.tee(at), op.get(end), op.ltU, op.brIf(0),
      ),
    ),
  ];
}

// root(rowMajor, stride, width, n, gradHess, hist): zeroes, then sums every row in order, no index indirection;
// row i's `width` bins at rowMajor + i · stride (the whole row, or one thread's block of features).
const ROOT: WasmFunction = (() => {
  const [rowMajor, stride, width, n, gh, hist, p, pend, ghp, ghEnd, hf, a, g] = Array.from({ length: 13 }, (_, i) => i);
  return {
    name: 'root', params: 6, locals: [I32, I32, I32, I32, I32, I32, V128],
    body: [
      ...zeroHistograms(width, hist, hf, a, g),
      ...op.get(rowMajor), ...op.set(p), ...op.get(gh), ...op.set(ghp),
      // From here `stride` holds the bytes between one row's last bin read and the next row's first.
      ...op.get(stride), ...op.get(width), ...op.sub, ...op.set(stride),
      ...op.get(n), ...op.i32(4), ...op.shl, ...op.get(gh), ...op.add, ...op.set(ghEnd),
      ...op.block(
        op.get(ghp), op.get(ghEnd), op.geU, op.brIf(0),
        op.loop(
          op.get(ghp), op.loadV128(), op.set(g),
          op.get(p), op.get(width), op.add, op.set(pend),
          accumulateRow(p, pend, hf, a, g, hist),
          op.get(p), op.get(stride), op.add, op.set(p),
          op.get(ghp), op.i32(16), op.add, op.tee(ghp), op.get(ghEnd), op.ltU, op.brIf(0),
        ),
      ),
    ],
  };
})();

// child(rowMajor, stride, width, rows, start, end, gradHess, hist): zeroes, then sums rows[start … end) through the index array,
// row r's `width` bins at rowMajor + r · stride.
const CHILD: WasmFunction = (() => {
  const [rowMajor, stride, width, rows, start, end, gh, hist, k, kEnd, p, pend, hf, a, g] = Array.from({ length: 15 }, (_, i) => i);
  return {
    name: 'child', params: 8, locals: [I32, I32, I32, I32, I32, I32, V128],
    body: [
      ...zeroHistograms(width, hist, hf, a, g),
      ...op.get(start), ...op.i32(2), ...op.shl, ...op.get(rows), ...op.add, ...op.set(k),
      ...op.get(end), ...op.i32(2), ...op.shl, ...op.get(rows), ...op.add, ...op.set(kEnd),
      ...op.block(
        op.get(k), op.get(kEnd), op.geU, op.brIf(0),
        op.loop(
          op.get(k), op.loadI32(), op.tee(a), op.i32(4), op.shl, op.get(gh), op.add, op.loadV128(), op.set(g),
          op.get(rowMajor), op.get(a), op.get(stride), op.mul, op.add, op.tee(p), op.get(width), op.add, op.set(pend),
          accumulateRow(p, pend, hf, a, g, hist),
          op.get(k), op.i32(4), op.add, op.tee(k), op.get(kEnd), op.ltU, op.brIf(0),
        ),
      ),
    ],
  };
})();

// partition(column, goesLeft, rows, start, end, scratch) → left count: rows[start … end) whose bin in `column`
// has goesLeft[bin] = 1 stay in front in order; the others go to scratch in order (the caller copies them back).
const PARTITION: WasmFunction = (() => {
  const [column, goesLeft, rows, start, end, scratch, k, kEnd, l, r, row, left] = Array.from({ length: 12 }, (_, i) => i);
  return {
    name: 'partition', params: 6, results: 1, locals: [I32, I32, I32, I32, I32, I32],
    body: [
      ...op.get(start), ...op.i32(2), ...op.shl, ...op.get(rows), ...op.add, ...op.tee(k), ...op.set(l),
      ...op.get(end), ...op.i32(2), ...op.shl, ...op.get(rows), ...op.add, ...op.set(kEnd),
      ...op.get(scratch), ...op.set(r),
      ...op.block(
        op.get(k), op.get(kEnd), op.geU, op.brIf(0),
        op.loop(
          op.get(k), op.loadI32(), op.set(row),
          op.get(row), op.get(column), op.add, op.loadU8(), op.get(goesLeft), op.add, op.loadU8(), op.set(left),
          // Both stores happen; only one cursor advances (4 bytes for the side the row belongs to).
          op.get(l), op.get(row), op.storeI32(), op.get(r), op.get(row), op.storeI32(),
          op.get(l), op.get(left), op.i32(2), op.shl, op.add, op.set(l),
          op.get(r), op.get(left), op.i32(1), op.xor, op.i32(2), op.shl, op.add, op.set(r),
          op.get(k), op.i32(4), op.add, op.tee(k), op.get(kEnd), op.ltU, op.brIf(0),
        ),
      ),
      ...op.get(l), ...op.get(start), ...op.i32(2), ...op.shl, ...op.get(rows), ...op.add, ...op.sub, ...op.i32(2), ...op.shrU,
    ],
  };
})();

// subtract(parent, child, bytes): parent ← parent − child over `bytes` (a multiple of 16) as f64x2 pairs.
const SUBTRACT: WasmFunction = (() => {
  const [parent, child, bytes, end] = [0, 1, 2, 3];
  return {
    name: 'subtract', params: 3, locals: [I32],
    body: [
      ...op.get(parent), ...op.get(bytes), ...op.add, ...op.set(end),
      ...op.block(
        op.get(parent), op.get(end), op.geU, op.brIf(0),
        op.loop(
          op.get(parent), op.get(parent), op.loadV128(), op.get(child), op.loadV128(), op.f64x2Sub, op.storeV128(),
          op.get(child), op.i32(16), op.add, op.set(child),
          op.get(parent), op.i32(16), op.add, op.tee(parent), op.get(end), op.ltU, op.brIf(0),
        ),
      ),
    ],
  };
})();

// addLeaf(rows, start, end, raw, value): raw[rows[k]] += value for k in start … end (a leaf's rows).
const ADD_LEAF: WasmFunction = (() => {
  const [rows, start, end, raw, value, k, kEnd, a] = Array.from({ length: 8 }, (_, i) => i);
  return {
    name: 'addLeaf', params: 4, f64Params: 1, locals: [I32, I32, I32],
    body: [
      ...op.get(start), ...op.i32(2), ...op.shl, ...op.get(rows), ...op.add, ...op.set(k),
      ...op.get(end), ...op.i32(2), ...op.shl, ...op.get(rows), ...op.add, ...op.set(kEnd),
      ...op.block(
        op.get(k), op.get(kEnd), op.geU, op.brIf(0),
        op.loop(
          op.get(k), op.loadI32(), op.i32(3), op.shl, op.get(raw), op.add, op.tee(a),
          op.get(a), op.loadF64(), op.get(value), op.f64Add, op.storeF64(),
          op.get(k), op.i32(4), op.add, op.tee(k), op.get(kEnd), op.ltU, op.brIf(0),
        ),
      ),
    ],
  };
})();

const FUNCTIONS = [ROOT, CHILD, PARTITION, SUBTRACT, LOGISTIC, ADD_LEAF, RADIX, SCAN_NUMERIC];

/** The kernel module's bytes. */
export const KERNEL_BYTES = assembleModule(FUNCTIONS);

/** Pages (64 KiB) of the shared memory's maximum: 2 GiB, the heap's limit either way. */
export const SHARED_MAX_PAGES = 32768;

/** The same kernels over a shared memory (histograms built by several threads, histogram-threads.ts). */
export const SHARED_KERNEL_BYTES = assembleModule(FUNCTIONS, SHARED_MAX_PAGES);

/** The compiled kernel module, once per thread; null where WebAssembly SIMD is unavailable. */
export const compileKernel = createModuleLoader(KERNEL_BYTES);

/** The compiled shared-memory kernel module; null where WebAssembly SIMD or threads are unavailable. */
export const compileSharedKernel = createModuleLoader(SHARED_KERNEL_BYTES);
