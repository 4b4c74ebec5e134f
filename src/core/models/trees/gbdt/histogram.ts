// Gradient/hessian histograms per node: for every feature and bin the sums of gradients and hessians and the
// row count, interleaved as [g, h, count] so one bin's three numbers share a cache line.

/** Bins per feature in a histogram (255 value bins + the missing bin). */
export const HIST_BINS = 256;

/** A histogram buffer for `cols` features: index (f * 256 + bin) * 3 + {0: gradient, 1: hessian, 2: count}. */
export function createHistogram(cols: number): Float64Array {
  return new Float64Array(cols * HIST_BINS * 3);
}

/**
 * Fills `hist` from the rows rows[start … end) of a column-major binned matrix. `orderedGrad`/`orderedHess`
 * are scratch arrays; the node's gradients are gathered into them first so the per-feature loops read them
 * sequentially (as sklearn does).
 */
export function buildHistogram(
  hist: Float64Array, binned: Uint8Array, n: number, cols: number, rows: Uint32Array, start: number, end: number,
  grad: Float64Array, hess: Float64Array, orderedGrad: Float64Array, orderedHess: Float64Array,
): void {
  hist.fill(0);
  const count = end - start;
  const isRoot = count === n;
  if (!isRoot) {
    for (let k = 0; k < count; k++) {
      const row = rows[start + k];
      orderedGrad[k] = grad[row];
      orderedHess[k] = hess[row];
    }
  }
  const g = isRoot ? grad : orderedGrad;
  const h = isRoot ? hess : orderedHess;
  for (let f = 0; f < cols; f++) {
    const colOffset = f * n;
    const histOffset = f * HIST_BINS * 3;
    if (isRoot) {
      // Root: every row in order, no index indirection.
      for (let k = 0; k < count; k++) {
        const at = histOffset + binned[colOffset + k] * 3;
        hist[at] += g[k];
        hist[at + 1] += h[k];
        hist[at + 2] += 1;
      }
    } else {
      for (let k = 0; k < count; k++) {
        const at = histOffset + binned[colOffset + rows[start + k]] * 3;
        hist[at] += g[k];
        hist[at + 1] += h[k];
        hist[at + 2] += 1;
      }
    }
  }
}

/** The subtraction trick: `parent` becomes parent − child (the sibling's histogram), in place. */
export function subtractHistogram(parent: Float64Array, child: Float64Array): void {
  for (let i = 0; i < parent.length; i++) parent[i] -= child[i];
}
