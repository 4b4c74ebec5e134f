// The buffers a tree grows over (bins, gradients, row partition, a pool of histograms) and the hot loops on
// them: inside one WebAssembly memory (a shared one when helper threads build the histograms, attachThreads)
// with the kernels of kernel-code.ts, or, where WebAssembly SIMD is unavailable, plain typed arrays with the
// JavaScript loops (histogram.ts, partition-rows.ts, find-split.ts), which give the same results bit for bit;
// only the logistic gradients differ, by a few ulp (logistic-kernel.ts).

import { ModelSpecError } from '../../../errors';
import { buildChildHistogram, buildRootHistogram, createHistogram, HIST_BINS, subtractHistogram } from './histogram';
import { instantiateWithMemory, instantiateWithSharedMemory } from '../../../wasm/load-module';
import { compileKernel, compileSharedKernel, FEATURE_BYTES } from './kernel-code';
import { CONTROL_WORDS, type HistogramThreads } from './histogram-threads';
import { startHistogramDispatch, type HistogramDispatch } from './threaded-histograms';
import { findNumericSplit, setBest, type SplitChoice, type SplitSettings } from './find-split';
import { partitionRows } from './partition-rows';
import { RECORD } from './split-kernel';

/**
 * A workspace's buffers and the loops over them; `kind` says which implementation runs. Histograms are named
 * by ids from acquireHistogram; acquiring may grow the memory, so views (these fields, `histogram(id)`) are
 * read again after it rather than kept.
 */
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
  /** A free histogram's id (its contents are stale until built). */
  acquireHistogram(): number;
  releaseHistogram(id: number): void;
  /** The histogram as histogram.ts lays it out: (f * 256 + bin) * 3 + {0: g, 1: h, 2: count}. */
  histogram(id: number): Float64Array;
  /** Histogram `id` ← every row, in row order. */
  buildRoot(id: number): void;
  /** Histogram `id` ← rows[start … end). */
  buildChild(id: number, start: number, end: number): void;
  /** Histogram `parent` ← parent − child (the subtraction trick). */
  subtract(parent: number, child: number): void;
  /** Partitions rows[start … end) by feature's bins (goesLeft[bin] = 1: left, in front); returns the left count. */
  partition(feature: number, goesLeft: Uint8Array, start: number, end: number): number;
  /**
   * gradHess ← the unweighted binary log-loss gradients (p − y) and hessians p (1 − p) of raw scores against
   * 0/1 targets, p = 1 / (1 + e^−raw); false when this heap has no kernel for it (compute them in JavaScript).
   */
  loadLogisticGradients(raw: Float64Array, y: Float64Array): boolean;
  /** raw[rows[k]] += leaf.value for every leaf and k in leaf.start … leaf.end (raw has length n). */
  addLeafValues(raw: Float64Array, leaves: readonly LeafRange[]): void;
  /** find-split.ts's numeric scan of feature f in histogram `id` (a node with sums g, h, count). */
  scanNumeric(id: number, f: number, g: number, h: number, count: number, parentScore: number, s: SplitSettings, best: SplitChoice): void;
  /**
   * Lends the histograms of large nodes to `threads` until detachThreads (a heap on shared memory only);
   * false, with nothing changed, where they cannot be had. The histograms are the same bit for bit.
   */
  attachThreads(threads: HistogramThreads): Promise<boolean>;
  /** Sends the helpers back (call it however the fit ends: they block their threads until then). */
  detachThreads(): void;
}

/** A leaf's rows (a range of the partition) and its value. */
export interface LeafRange {
  start: number;
  end: number;
  value: number;
}

/**
 * Buffers for an n × cols column-major binned matrix (copied in, plus its row-major copy) and the loops;
 * `shared` puts a WebAssembly heap in shared memory (for attachThreads) where it can be had, else as without.
 */
export function createGrowHeap(binned: Uint8Array, n: number, cols: number, kind: 'wasm' | 'js' = 'wasm', shared = false): GrowHeap {
  const sharedKernel = kind === 'wasm' && shared ? compileSharedKernel() : null;
  const kernel = kind === 'wasm' ? compileKernel() : null;
  const heap = (sharedKernel && allocateWasmHeap(sharedKernel, n, cols, true)) ?? (kernel && allocateWasmHeap(kernel, n, cols, false)) ?? allocateJsHeap(n, cols);
  heap.binned.set(binned.subarray(0, n * cols));
  const rowMajor = heap.rowMajor;
  for (let f = 0; f < cols; f++) for (let i = 0; i < n; i++) rowMajor[i * cols + f] = binned[f * n + i];
  const rows = heap.rows;
  for (let i = 0; i < n; i++) rows[i] = i;
  return heap;
}

function allocateJsHeap(n: number, cols: number): GrowHeap {
  const binned = new Uint8Array(n * cols), rowMajor = new Uint8Array(n * cols), gradHess = new Float64Array(2 * n);
  const rows = new Uint32Array(n), scratch = new Uint32Array(n);
  const histograms: Float64Array[] = [];
  const free: number[] = [];
  return {
    kind: 'js', binned, rowMajor, gradHess, rows,
    acquireHistogram: () => free.pop() ?? histograms.push(createHistogram(cols)) - 1,
    releaseHistogram: (id) => void free.push(id),
    histogram: (id) => histograms[id],
    buildRoot: (id) => buildRootHistogram(histograms[id], binned, n, cols, gradHess),
    buildChild: (id, start, end) => buildChildHistogram(histograms[id], rowMajor, cols, rows, start, end, gradHess),
    subtract: (parent, child) => subtractHistogram(histograms[parent], histograms[child]),
    partition: (feature, goesLeft, start, end) => partitionRows(binned, feature * n, goesLeft, rows, start, end, scratch),
    loadLogisticGradients: () => false,
    addLeafValues(raw, leaves) {
      for (const { start, end, value } of leaves) for (let k = start; k < end; k++) raw[rows[k]] += value;
    },
    scanNumeric: (id, f, g, h, count, parentScore, s, best) => findNumericSplit(histograms[id], f, g, h, count, parentScore, s, best),
    attachThreads: async () => false,
    detachThreads() {},
  };
}

interface Kernels {
  root(rowMajor: number, stride: number, width: number, n: number, gradHess: number, hist: number): void;
  child(rowMajor: number, stride: number, width: number, rows: number, start: number, end: number, gradHess: number, hist: number): void;
  partition(column: number, goesLeft: number, rows: number, start: number, end: number, scratch: number): number;
  subtract(parent: number, child: number, bytes: number): void;
  logistic(raw: number, y: number, n: number, gradHess: number): void;
  addLeaf(rows: number, start: number, end: number, raw: number, value: number): void;
  scanNumeric(
    hist: number, nonMissing: number, missing: number, record: number,
    g: number, h: number, count: number, parentScore: number, minSamplesLeaf: number, minHessian: number, l2: number,
  ): number;
}

const PAGE_BYTES = 65536;
/** Histograms room is made for at a time (the default 31 leaves need up to 32 at once). */
const HISTOGRAMS_PER_GROWTH = 8;
const MAX_BYTES = 2 ** 31;

/** The heap inside one WebAssembly memory (null when it cannot be had, e.g. past 2 GiB); histograms after it. */
function allocateWasmHeap(kernel: WebAssembly.Module, n: number, cols: number, shared: boolean): GrowHeap | null {
  const align = (bytes: number): number => Math.ceil(bytes / 16) * 16;
  // gradHess, raw and y have one row of padding: the logistic kernel works on pairs of rows.
  const sizes = { gradHess: 16 * (n + 1), raw: 8 * (n + 1), y: 8 * (n + 1), rows: 4 * n, scratch: 4 * n, goesLeft: HIST_BINS, record: RECORD.bytes, control: 4 * CONTROL_WORDS.size, binned: n * cols, rowMajor: n * cols };
  const at = {} as Record<keyof typeof sizes, number>;
  let end = 0;
  for (const [name, bytes] of Object.entries(sizes) as [keyof typeof sizes, number][]) {
    at[name] = end;
    end += align(bytes);
  }
  const histBytes = cols * FEATURE_BYTES;
  if (end + HISTOGRAMS_PER_GROWTH * histBytes > MAX_BYTES) return null;
  const bytes = end + HISTOGRAMS_PER_GROWTH * histBytes;
  const instance = shared ? instantiateWithSharedMemory<Kernels>(kernel, bytes, MAX_BYTES) : instantiateWithMemory<Kernels>(kernel, bytes);
  if (!instance) return null;
  const { memory, exports: kernels } = instance;
  const free: number[] = [];
  const addHistograms = (from: number, to: number): void => {
    for (let offset = to - histBytes; offset >= from; offset -= histBytes) free.push(offset);
  };
  let top = memory.buffer.byteLength - ((memory.buffer.byteLength - end) % histBytes);
  addHistograms(end, top);
  // Views of the current buffer, made again when growing the memory replaced it.
  let views = makeViews(memory.buffer);
  function makeViews(buffer: ArrayBuffer) {
    return {
      buffer, binned: new Uint8Array(buffer, at.binned, n * cols), rowMajor: new Uint8Array(buffer, at.rowMajor, n * cols),
      gradHess: new Float64Array(buffer, at.gradHess, 2 * n), rows: new Uint32Array(buffer, at.rows, n),
      scratch: new Uint32Array(buffer, at.scratch, n), goesLeft: new Uint8Array(buffer, at.goesLeft, HIST_BINS),
      raw: new Float64Array(buffer, at.raw, n), y: new Float64Array(buffer, at.y, n),
      record: new Float64Array(buffer, at.record, RECORD.bytes / 8), recordInts: new Int32Array(buffer, at.record, RECORD.bytes / 4),
    };
  }
  const current = () => (views.buffer === memory.buffer ? views : (views = makeViews(memory.buffer)));
  const histogram = (id: number): Float64Array => new Float64Array(memory.buffer, id, histBytes / 8);
  let targets: Float64Array | null = null;
  let dispatch: HistogramDispatch | null = null;
  return {
    kind: 'wasm',
    get binned() { return current().binned; },
    get rowMajor() { return current().rowMajor; },
    get gradHess() { return current().gradHess; },
    get rows() { return current().rows; },
    acquireHistogram() {
      if (free.length === 0) {
        const grown = top + HISTOGRAMS_PER_GROWTH * histBytes;
        if (grown > MAX_BYTES) throw new ModelSpecError(`gradient_boosting: ${free.length + (top - end) / histBytes} histograms of ${cols} features fill 2 GiB; lower maxLeafNodes or use fewer features.`);
        memory.grow(Math.ceil((grown - memory.buffer.byteLength) / PAGE_BYTES));
        addHistograms(top, grown);
        top = grown;
      }
      return free.pop()!;
    },
    releaseHistogram: (id) => void free.push(id),
    histogram,
    // The kernels zero the histogram first (each thread its own features).
    buildRoot(id) {
      if (!dispatch?.root(id)) kernels.root(at.rowMajor, cols, cols, n, at.gradHess, id);
    },
    buildChild(id, start, end) {
      if (!dispatch?.child(id, start, end)) kernels.child(at.rowMajor, cols, cols, at.rows, start, end, at.gradHess, id);
    },
    subtract: (parent, child) => kernels.subtract(parent, child, histBytes),
    partition(feature, goesLeft, start, end) {
      const { rows, scratch, goesLeft: table } = current();
      table.set(goesLeft);
      const left = kernels.partition(at.binned + feature * n, at.goesLeft, at.rows, start, end, at.scratch);
      rows.set(scratch.subarray(0, end - start - left), start + left);
      return left;
    },
    loadLogisticGradients(raw, y) {
      const mirror = current();
      mirror.raw.set(raw);
      // The targets stay the same across rounds: copy them once.
      if (y !== targets) {
        mirror.y.set(y);
        targets = y;
      }
      kernels.logistic(at.raw, at.y, n, at.gradHess);
      return true;
    },
    addLeafValues(raw, leaves) {
      const mirror = current().raw;
      mirror.set(raw);
      for (const { start, end, value } of leaves) kernels.addLeaf(at.rows, start, end, at.raw, value);
      raw.set(mirror);
    },
    scanNumeric(id, f, g, h, count, parentScore, s, best) {
      const { record, recordInts } = current();
      record[RECORD.gain / 8] = best.gain;
      const found = kernels.scanNumeric(id + f * FEATURE_BYTES, s.binCounts[f], s.hasMissing[f], at.record, g, h, count, parentScore, s.minSamplesLeaf, s.minHessian, s.l2);
      if (found) {
        setBest(best, record[RECORD.gain / 8], f, recordInts[RECORD.bin / 4], recordInts[RECORD.missingLeft / 4] === 1, null,
          record[RECORD.gradLeft / 8], record[RECORD.hessLeft / 8], record[RECORD.countLeft / 8]);
      }
    },
    async attachThreads(threads) {
      if (!shared || dispatch) return dispatch !== null;
      dispatch = await startHistogramDispatch(threads, { module: kernel, memory, featureBytes: FEATURE_BYTES, at, n, cols, kernels });
      return dispatch !== null;
    },
    detachThreads() {
      dispatch?.stop();
      dispatch = null;
    },
  };
}
