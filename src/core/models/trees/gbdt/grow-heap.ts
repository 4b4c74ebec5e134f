// The histogram loops as a WebAssembly SIMD kernel (one f64x2 add per gradient/hessian pair, no bounds checks):
// the workspace's bins, gradients and row indices live in the kernel's memory. Falls back to histogram.ts's
// JavaScript loops (the readable form, with bit-identical sums) where WebAssembly SIMD is unavailable.

import { buildChildHistogram, buildRootHistogram, HIST_BINS } from './histogram';
import { assembleModule, I32, op, V128, type Code, type WasmFunction } from './wasm-module';

/** A workspace's buffers and the two histogram builders over them; `kind` says which implementation runs. */
export interface HistogramHeap {
  readonly kind: 'wasm' | 'js';
  /** Column-major bins (feature f of row i at f * n + i). */
  readonly binned: Uint8Array;
  /** The same bins row-major (row i's features at i * cols …). */
  readonly rowMajor: Uint8Array;
  /** Gradients and hessians interleaved (2i, 2i + 1). */
  readonly gradHess: Float64Array;
  /** The row partition (node rows are contiguous ranges) and its scratch buffer. */
  readonly rows: Uint32Array;
  readonly scratch: Uint32Array;
  /** hist ← histogram of every row, in row order. */
  buildRoot(hist: Float64Array): void;
  /** hist ← histogram of rows[start … end). */
  buildChild(hist: Float64Array, start: number, end: number): void;
}

const BIN_BYTES = 3 * 8;
const FEATURE_BYTES = HIST_BINS * BIN_BYTES;

/** hist[f][bin] += (g, h) as one f64x2 and count += 1, for f = 0 … cols − 1 over the row's bins p … pend. */
function accumulateRow(p: number, pend: number, hf: number, a: number, g: number, hist: number): Code {
  return [
    ...op.get(hist), ...op.set(hf),
    ...op.loop(
      op.get(hf), op.get(p), op.loadU8(), op.i32(BIN_BYTES), op.mul, op.add, op.tee(a),
      op.get(a), op.loadV128(), op.get(g), op.f64x2Add, op.storeV128(),
      op.get(a), op.get(a), op.loadF64(16), op.f64One, op.f64Add, op.storeF64(16),
      op.get(hf), op.i32(FEATURE_BYTES), op.add, op.set(hf),
      op.get(p), op.i32(1), op.add, op.tee(p), op.get(pend), op.ltU, op.brIf(0),
    ),
  ];
}

// root(rowMajor, cols, n, gradHess, hist): every row in order, no index indirection.
const ROOT: WasmFunction = (() => {
  const [rowMajor, cols, n, gh, hist, p, pend, ghp, ghEnd, hf, a, g] = Array.from({ length: 12 }, (_, i) => i);
  return {
    name: 'root', params: 5, locals: [I32, I32, I32, I32, I32, I32, V128],
    body: [
      ...op.get(rowMajor), ...op.set(p), ...op.get(gh), ...op.set(ghp),
      ...op.get(n), ...op.i32(4), ...op.shl, ...op.get(gh), ...op.add, ...op.set(ghEnd),
      ...op.block(
        op.get(ghp), op.get(ghEnd), op.geU, op.brIf(0),
        op.loop(
          op.get(ghp), op.loadV128(), op.set(g),
          op.get(p), op.get(cols), op.add, op.set(pend),
          accumulateRow(p, pend, hf, a, g, hist),
          op.get(ghp), op.i32(16), op.add, op.tee(ghp), op.get(ghEnd), op.ltU, op.brIf(0),
        ),
      ),
    ],
  };
})();

// child(rowMajor, cols, rows, start, end, gradHess, hist): rows[start … end) through the index array.
const CHILD: WasmFunction = (() => {
  const [rowMajor, cols, rows, start, end, gh, hist, k, kEnd, p, pend, hf, a, g] = Array.from({ length: 14 }, (_, i) => i);
  return {
    name: 'child', params: 7, locals: [I32, I32, I32, I32, I32, I32, V128],
    body: [
      ...op.get(start), ...op.i32(2), ...op.shl, ...op.get(rows), ...op.add, ...op.set(k),
      ...op.get(end), ...op.i32(2), ...op.shl, ...op.get(rows), ...op.add, ...op.set(kEnd),
      ...op.block(
        op.get(k), op.get(kEnd), op.geU, op.brIf(0),
        op.loop(
          op.get(k), op.loadI32(), op.tee(a), op.i32(4), op.shl, op.get(gh), op.add, op.loadV128(), op.set(g),
          op.get(rowMajor), op.get(a), op.get(cols), op.mul, op.add, op.tee(p), op.get(cols), op.add, op.set(pend),
          accumulateRow(p, pend, hf, a, g, hist),
          op.get(k), op.i32(4), op.add, op.tee(k), op.get(kEnd), op.ltU, op.brIf(0),
        ),
      ),
    ],
  };
})();

/** The kernel's bytes (exported for the test that validates them). */
export const KERNEL_BYTES = assembleModule([ROOT, CHILD]);

let compiled: WebAssembly.Module | null | undefined;

function compileKernel(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = typeof WebAssembly === 'object' && WebAssembly.validate(KERNEL_BYTES) ? new WebAssembly.Module(KERNEL_BYTES) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Buffers for an n × cols column-major binned matrix (copied in, plus its row-major copy) and the builders. */
export function createHistogramHeap(binned: Uint8Array, n: number, cols: number, kind: 'wasm' | 'js' = 'wasm'): HistogramHeap {
  const kernel = kind === 'wasm' ? compileKernel() : null;
  const heap = (kernel && allocateWasmHeap(kernel, n, cols)) ?? allocateJsHeap(n, cols);
  heap.binned.set(binned.subarray(0, n * cols));
  for (let f = 0; f < cols; f++) for (let i = 0; i < n; i++) heap.rowMajor[i * cols + f] = binned[f * n + i];
  for (let i = 0; i < n; i++) heap.rows[i] = i;
  return heap;
}

function allocateJsHeap(n: number, cols: number): HistogramHeap {
  const heap = {
    kind: 'js' as const, binned: new Uint8Array(n * cols), rowMajor: new Uint8Array(n * cols), gradHess: new Float64Array(2 * n),
    rows: new Uint32Array(n), scratch: new Uint32Array(n),
    buildRoot: (hist: Float64Array) => buildRootHistogram(hist, heap.binned, n, cols, heap.gradHess),
    buildChild: (hist: Float64Array, start: number, end: number) => buildChildHistogram(hist, heap.rowMajor, cols, heap.rows, start, end, heap.gradHess),
  };
  return heap;
}

/** The heap inside one WebAssembly memory (null when it cannot be had, e.g. past the 4 GiB of wasm32). */
function allocateWasmHeap(kernel: WebAssembly.Module, n: number, cols: number): HistogramHeap | null {
  const align = (bytes: number): number => Math.ceil(bytes / 16) * 16;
  const at = { gradHess: 0, hist: align(16 * n), rows: 0, scratch: 0, binned: 0, rowMajor: 0, end: 0 };
  at.rows = at.hist + align(cols * FEATURE_BYTES);
  at.scratch = at.rows + align(4 * n);
  at.binned = at.scratch + align(4 * n);
  at.rowMajor = at.binned + align(n * cols);
  at.end = at.rowMajor + align(n * cols);
  if (at.end > 2 ** 31) return null;
  let memory: ArrayBuffer;
  let instance: WebAssembly.Instance;
  try {
    const wasmMemory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(at.end / 65536)) });
    instance = new WebAssembly.Instance(kernel, { env: { memory: wasmMemory } });
    memory = wasmMemory.buffer;
  } catch {
    return null;
  }
  const kernels = instance.exports as { root: (...args: number[]) => void; child: (...args: number[]) => void };
  const scratchHist = new Float64Array(memory, at.hist, cols * HIST_BINS * 3);
  return {
    kind: 'wasm', binned: new Uint8Array(memory, at.binned, n * cols), rowMajor: new Uint8Array(memory, at.rowMajor, n * cols),
    gradHess: new Float64Array(memory, at.gradHess, 2 * n), rows: new Uint32Array(memory, at.rows, n), scratch: new Uint32Array(memory, at.scratch, n),
    buildRoot(hist) {
      scratchHist.fill(0);
      kernels.root(at.rowMajor, cols, n, at.gradHess, at.hist);
      hist.set(scratchHist);
    },
    buildChild(hist, start, end) {
      scratchHist.fill(0);
      kernels.child(at.rowMajor, cols, at.rows, start, end, at.gradHess, at.hist);
      hist.set(scratchHist);
    },
  };
}
