// The overlaid-distribution plot of a number: equal-width bins over the range of both sides, as many as numpy's
// 'auto' rule gives the reference (at most 30), so the reference's shape sets the detail and the batch's range
// widens the axis instead of falling off it.

import { chooseHistogramEdges, countHistogramSorted } from '../stats/bin-histogram';
import { linspace } from '../stats/numpy-stats';
import type { OverlayCounts } from './drift-types';

/** The most bars an overlay draws. */
export const MAX_OVERLAY_BINS = 30;

/** Counts of both ascending, non-empty, finite samples on shared equal-width edges. */
export function countOverlay(reference: Float64Array, batch: Float64Array): Extract<OverlayCounts, { kind: 'histogram' }> {
  const bins = chooseHistogramEdges(reference, MAX_OVERLAY_BINS).length - 1;
  let first = Math.min(reference[0], batch[0]);
  let last = Math.max(reference[reference.length - 1], batch[batch.length - 1]);
  if (first === last) {
    // One value on both sides: one bar around it, as numpy does for a constant.
    first -= 0.5;
    last += 0.5;
  }
  const edges = linspace(first, last, bins + 1);
  return { kind: 'histogram', edges, referenceCounts: countHistogramSorted(reference, edges), batchCounts: countHistogramSorted(batch, edges) };
}
