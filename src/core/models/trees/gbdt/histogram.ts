// Gradient/hessian histograms per node: for every feature and bin the sums of gradients and hessians and the
// row count, interleaved as [g, h, count] so one bin's three numbers share a cache line.

/** Bins per feature in a histogram (255 value bins + the missing bin). */
export const HIST_BINS = 256;
const STRIDE = HIST_BINS * 3;

/** A histogram buffer for `cols` features: index (f * 256 + bin) * 3 + {0: gradient, 1: hessian, 2: count}. */
export function createHistogram(cols: number): Float64Array {
  return new Float64Array(cols * STRIDE);
}

/**
 * The root's histogram from every row of a column-major binned matrix (n rows) and interleaved gradients
 * (gradHess[2i], gradHess[2i + 1]), four features per pass: each gradient is loaded once for four updates
 * (about 3× faster in V8 than one feature per pass). Readable form:
 * for each feature f, for each row i: hist[f][bin(f, i)] += (grad[i], hess[i], 1).
 */
export function buildRootHistogram(hist: Float64Array, binned: Uint8Array, n: number, cols: number, gradHess: Float64Array): void {
  hist.fill(0);
  let f = 0;
  for (; f + 4 <= cols; f += 4) accumulateColumns(hist, binned, n, f, gradHess);
  for (; f < cols; f++) {
    const c0 = f * n;
    const h0 = f * STRIDE;
    for (let i = 0; i < n; i++) {
      const at = h0 + binned[c0 + i] * 3;
      hist[at] += gradHess[2 * i]; hist[at + 1] += gradHess[2 * i + 1]; hist[at + 2] += 1;
    }
  }
}

function accumulateColumns(hist: Float64Array, binned: Uint8Array, n: number, f: number, gradHess: Float64Array): void {
  const c0 = f * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
  const h0 = f * STRIDE, h1 = h0 + STRIDE, h2 = h1 + STRIDE, h3 = h2 + STRIDE;
  for (let i = 0; i < n; i++) {
    const gi = gradHess[2 * i], hi = gradHess[2 * i + 1];
    let at = h0 + binned[c0 + i] * 3;
    hist[at] += gi; hist[at + 1] += hi; hist[at + 2] += 1;
    at = h1 + binned[c1 + i] * 3;
    hist[at] += gi; hist[at + 1] += hi; hist[at + 2] += 1;
    at = h2 + binned[c2 + i] * 3;
    hist[at] += gi; hist[at + 1] += hi; hist[at + 2] += 1;
    at = h3 + binned[c3 + i] * 3;
    hist[at] += gi; hist[at + 1] += hi; hist[at + 2] += 1;
  }
}

/**
 * A child's histogram from rows[start … end), reading a row-major copy of the bins (row i's features at
 * i * cols …) and interleaved gradients (gradHess[2i], gradHess[2i + 1]): a node's rows are scattered, so
 * each row should cost as few cache lines as possible (two, instead of one per feature plus two).
 */
export function buildChildHistogram(
  hist: Float64Array, rowMajor: Uint8Array, cols: number, rows: Uint32Array, start: number, end: number, gradHess: Float64Array,
): void {
  hist.fill(0);
  const quads = cols - (cols % 4);
  for (let k = start; k < end; k++) {
    const row = rows[k];
    const g = gradHess[2 * row], h = gradHess[2 * row + 1];
    const base = row * cols;
    let f = 0;
    let offset = 0;
    // Four features per step; the remainder loop below is the readable form.
    for (; f < quads; f += 4, offset += 4 * STRIDE) {
      let at = offset + rowMajor[base + f] * 3;
      hist[at] += g; hist[at + 1] += h; hist[at + 2] += 1;
      at = offset + STRIDE + rowMajor[base + f + 1] * 3;
      hist[at] += g; hist[at + 1] += h; hist[at + 2] += 1;
      at = offset + 2 * STRIDE + rowMajor[base + f + 2] * 3;
      hist[at] += g; hist[at + 1] += h; hist[at + 2] += 1;
      at = offset + 3 * STRIDE + rowMajor[base + f + 3] * 3;
      hist[at] += g; hist[at + 1] += h; hist[at + 2] += 1;
    }
    for (; f < cols; f++, offset += STRIDE) {
      const at = offset + rowMajor[base + f] * 3;
      hist[at] += g; hist[at + 1] += h; hist[at + 2] += 1;
    }
  }
}

/** The subtraction trick: `parent` becomes parent − child (the sibling's histogram), in place. */
export function subtractHistogram(parent: Float64Array, child: Float64Array): void {
  for (let i = 0; i < parent.length; i++) parent[i] -= child[i];
}
