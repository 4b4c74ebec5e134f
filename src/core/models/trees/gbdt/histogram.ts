// Gradient/hessian histograms per node: for every feature and bin the sums of gradients and hessians and the
// row count, interleaved as [g, h, count] so one bin's three numbers share a cache line.

/** Bins per feature in a histogram (255 value bins + the missing bin). */
export const HIST_BINS = 256;

/** A histogram buffer for `cols` features: index (f * 256 + bin) * 3 + {0: gradient, 1: hessian, 2: count}. */
export function createHistogram(cols: number): Float64Array {
  return new Float64Array(cols * HIST_BINS * 3);
}

/**
 * Fills `hist` from the rows rows[start … end) of a column-major binned matrix (all n rows in order when
 * end − start = n). `orderedGrad`/`orderedHess` are scratch: a child's gradients are gathered into them first
 * so the loops read them sequentially (as sklearn does).
 */
export function buildHistogram(
  hist: Float64Array, binned: Uint8Array, n: number, cols: number, rows: Uint32Array, start: number, end: number,
  grad: Float64Array, hess: Float64Array, orderedGrad: Float64Array, orderedHess: Float64Array, rowMajor?: Uint8Array,
): void {
  hist.fill(0);
  const count = end - start;
  const isRoot = count === n;
  if (!isRoot && rowMajor) {
    accumulateRowMajor(hist, rowMajor, cols, rows, start, end, grad, hess);
    return;
  }
  if (!isRoot) {
    for (let k = 0; k < count; k++) {
      const row = rows[start + k];
      orderedGrad[k] = grad[row];
      orderedHess[k] = hess[row];
    }
  }
  let f = 0;
  // Four features per pass: each gradient is loaded once for four updates (about 3× faster in V8 than one
  // feature per pass). Readable form: for each feature f, for each row k: hist[f][bin(f, k)] += (g, h, 1).
  for (; f + 4 <= cols; f += 4) {
    if (isRoot) accumulateRootQuad(hist, binned, n, f, count, grad, hess);
    else accumulateChildQuad(hist, binned, n, f, rows, start, count, orderedGrad, orderedHess);
  }
  for (; f < cols; f++) {
    if (isRoot) accumulateRootSingle(hist, binned, n, f, count, grad, hess);
    else accumulateChildSingle(hist, binned, n, f, rows, start, count, orderedGrad, orderedHess);
  }
}

const STRIDE = HIST_BINS * 3;

/** A child node's rows in a row-major binned copy: each row's bins share a cache line (no gather needed). */
function accumulateRowMajor(hist: Float64Array, rowMajor: Uint8Array, cols: number, rows: Uint32Array, start: number, end: number, g: Float64Array, h: Float64Array): void {
  const quads = cols - (cols % 4);
  for (let k = start; k < end; k++) {
    const row = rows[k];
    const gk = g[row], hk = h[row];
    const base = row * cols;
    let f = 0;
    let offset = 0;
    // Four features per step (the readable form is the remainder loop below).
    for (; f < quads; f += 4, offset += 4 * STRIDE) {
      let at = offset + rowMajor[base + f] * 3;
      hist[at] += gk; hist[at + 1] += hk; hist[at + 2] += 1;
      at = offset + STRIDE + rowMajor[base + f + 1] * 3;
      hist[at] += gk; hist[at + 1] += hk; hist[at + 2] += 1;
      at = offset + 2 * STRIDE + rowMajor[base + f + 2] * 3;
      hist[at] += gk; hist[at + 1] += hk; hist[at + 2] += 1;
      at = offset + 3 * STRIDE + rowMajor[base + f + 3] * 3;
      hist[at] += gk; hist[at + 1] += hk; hist[at + 2] += 1;
    }
    for (; f < cols; f++, offset += STRIDE) {
      const at = offset + rowMajor[base + f] * 3;
      hist[at] += gk; hist[at + 1] += hk; hist[at + 2] += 1;
    }
  }
}

function accumulateRootSingle(hist: Float64Array, binned: Uint8Array, n: number, f: number, count: number, g: Float64Array, h: Float64Array): void {
  const c0 = f * n;
  const h0 = f * STRIDE;
  for (let k = 0; k < count; k++) {
    const at = h0 + binned[c0 + k] * 3;
    hist[at] += g[k]; hist[at + 1] += h[k]; hist[at + 2] += 1;
  }
}

function accumulateChildSingle(
  hist: Float64Array, binned: Uint8Array, n: number, f: number, rows: Uint32Array, start: number, count: number, g: Float64Array, h: Float64Array,
): void {
  const c0 = f * n;
  const h0 = f * STRIDE;
  for (let k = 0; k < count; k++) {
    const at = h0 + binned[c0 + rows[start + k]] * 3;
    hist[at] += g[k]; hist[at + 1] += h[k]; hist[at + 2] += 1;
  }
}

function accumulateRootQuad(hist: Float64Array, binned: Uint8Array, n: number, f: number, count: number, g: Float64Array, h: Float64Array): void {
  const c0 = f * n;
  const h0 = f * STRIDE;
  const c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
  const h1 = h0 + STRIDE, h2 = h1 + STRIDE, h3 = h2 + STRIDE;
  for (let k = 0; k < count; k++) {
    const gk = g[k], hk = h[k];
    let at = h0 + binned[c0 + k] * 3;
    hist[at] += gk; hist[at + 1] += hk; hist[at + 2] += 1;
    at = h1 + binned[c1 + k] * 3;
    hist[at] += gk; hist[at + 1] += hk; hist[at + 2] += 1;
    at = h2 + binned[c2 + k] * 3;
    hist[at] += gk; hist[at + 1] += hk; hist[at + 2] += 1;
    at = h3 + binned[c3 + k] * 3;
    hist[at] += gk; hist[at + 1] += hk; hist[at + 2] += 1;
  }
}

function accumulateChildQuad(
  hist: Float64Array, binned: Uint8Array, n: number, f: number, rows: Uint32Array, start: number, count: number,
  g: Float64Array, h: Float64Array,
): void {
  const c0 = f * n;
  const h0 = f * STRIDE;
  const c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
  const h1 = h0 + STRIDE, h2 = h1 + STRIDE, h3 = h2 + STRIDE;
  for (let k = 0; k < count; k++) {
    const gk = g[k], hk = h[k], row = rows[start + k];
    let at = h0 + binned[c0 + row] * 3;
    hist[at] += gk; hist[at + 1] += hk; hist[at + 2] += 1;
    at = h1 + binned[c1 + row] * 3;
    hist[at] += gk; hist[at + 1] += hk; hist[at + 2] += 1;
    at = h2 + binned[c2 + row] * 3;
    hist[at] += gk; hist[at + 1] += hk; hist[at + 2] += 1;
    at = h3 + binned[c3 + row] * 3;
    hist[at] += gk; hist[at + 1] += hk; hist[at + 2] += 1;
  }
}

/** The subtraction trick: `parent` becomes parent − child (the sibling's histogram), in place. */
export function subtractHistogram(parent: Float64Array, child: Float64Array): void {
  for (let i = 0; i < parent.length; i++) parent[i] -= child[i];
}
