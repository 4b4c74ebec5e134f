// The buffers a tree grows over (bins, gradients, row partition) and the hot loops on them: inside one
// WebAssembly memory with the kernels of kernel-code.ts, or, where WebAssembly SIMD is unavailable, plain typed
// arrays with the JavaScript loops of histogram.ts and partition-rows.ts (the same results, bit for bit).

import { buildChildHistogram, buildRootHistogram, HIST_BINS } from './histogram';
import { FEATURE_BYTES, KERNEL_BYTES } from './kernel-code';
import { partitionRows } from './partition-rows';

/** A workspace's buffers and the loops over them; `kind` says which implementation runs. */
export interface GrowHeap {
  readonly kind: 'wasm' | 'js';
  /** Column-major bins (feature f of row i at f * n + i). */
  readonly binned: Uint8Array;
  /** The same bins row-major (row i's features at i * cols …). */
  readonly rowMajor: Uint8Array;
  /** Gradients and hessians interleaved (2i, 2i + 1). */
  readonly gradHess: Float64Array;
  /** The row partition: every node's rows are a contiguous range, in increasing order. */
  readonly rows: Uint32Array;
  /** hist ← histogram of every row, in row order. */
  buildRoot(hist: Float64Array): void;
  /** hist ← histogram of rows[start … end). */
  buildChild(hist: Float64Array, start: number, end: number): void;
  /** Partitions rows[start … end) by feature's bins (goesLeft[bin] = 1: left, in front); returns the left count. */
  partition(feature: number, goesLeft: Uint8Array, start: number, end: number): number;
}

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

/** Buffers for an n × cols column-major binned matrix (copied in, plus its row-major copy) and the loops. */
export function createGrowHeap(binned: Uint8Array, n: number, cols: number, kind: 'wasm' | 'js' = 'wasm'): GrowHeap {
  const kernel = kind === 'wasm' ? compileKernel() : null;
  const heap = (kernel && allocateWasmHeap(kernel, n, cols)) ?? allocateJsHeap(n, cols);
  heap.binned.set(binned.subarray(0, n * cols));
  for (let f = 0; f < cols; f++) for (let i = 0; i < n; i++) heap.rowMajor[i * cols + f] = binned[f * n + i];
  for (let i = 0; i < n; i++) heap.rows[i] = i;
  return heap;
}

function allocateJsHeap(n: number, cols: number): GrowHeap {
  const binned = new Uint8Array(n * cols), rowMajor = new Uint8Array(n * cols), gradHess = new Float64Array(2 * n);
  const rows = new Uint32Array(n), scratch = new Uint32Array(n);
  return {
    kind: 'js', binned, rowMajor, gradHess, rows,
    buildRoot: (hist) => buildRootHistogram(hist, binned, n, cols, gradHess),
    buildChild: (hist, start, end) => buildChildHistogram(hist, rowMajor, cols, rows, start, end, gradHess),
    partition: (feature, goesLeft, start, end) => partitionRows(binned, feature * n, goesLeft, rows, start, end, scratch),
  };
}

interface Kernels {
  root(rowMajor: number, cols: number, n: number, gradHess: number, hist: number): void;
  child(rowMajor: number, cols: number, rows: number, start: number, end: number, gradHess: number, hist: number): void;
  partition(column: number, goesLeft: number, rows: number, start: number, end: number, scratch: number): number;
}

/** The heap inside one WebAssembly memory (null when it cannot be had, e.g. past 2 GiB). */
function allocateWasmHeap(kernel: WebAssembly.Module, n: number, cols: number): GrowHeap | null {
  const align = (bytes: number): number => Math.ceil(bytes / 16) * 16;
  const sizes = { gradHess: 16 * n, hist: cols * FEATURE_BYTES, rows: 4 * n, scratch: 4 * n, goesLeft: HIST_BINS, binned: n * cols, rowMajor: n * cols };
  const at = {} as Record<keyof typeof sizes, number>;
  let end = 0;
  for (const [name, bytes] of Object.entries(sizes) as [keyof typeof sizes, number][]) {
    at[name] = end;
    end += align(bytes);
  }
  if (end > 2 ** 31) return null;
  let buffer: ArrayBuffer;
  let kernels: Kernels;
  try {
    const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(end / 65536)) });
    kernels = new WebAssembly.Instance(kernel, { env: { memory } }).exports as unknown as Kernels;
    buffer = memory.buffer;
  } catch {
    return null;
  }
  const histScratch = new Float64Array(buffer, at.hist, cols * HIST_BINS * 3);
  const rows = new Uint32Array(buffer, at.rows, n);
  const scratch = new Uint32Array(buffer, at.scratch, n);
  const goesLeftTable = new Uint8Array(buffer, at.goesLeft, HIST_BINS);
  return {
    kind: 'wasm', binned: new Uint8Array(buffer, at.binned, n * cols), rowMajor: new Uint8Array(buffer, at.rowMajor, n * cols),
    gradHess: new Float64Array(buffer, at.gradHess, 2 * n), rows,
    buildRoot(hist) {
      histScratch.fill(0);
      kernels.root(at.rowMajor, cols, n, at.gradHess, at.hist);
      hist.set(histScratch);
    },
    buildChild(hist, start, end) {
      histScratch.fill(0);
      kernels.child(at.rowMajor, cols, at.rows, start, end, at.gradHess, at.hist);
      hist.set(histScratch);
    },
    partition(feature, goesLeft, start, end) {
      goesLeftTable.set(goesLeft);
      const left = kernels.partition(at.binned + feature * n, at.goesLeft, at.rows, start, end, at.scratch);
      rows.set(scratch.subarray(0, end - start - left), start + left);
      return left;
    },
  };
}
