// Histogram edges by numpy's bins='auto' rule and numpy-exact bin counting.
// auto: width = min(Freedman–Diaconis 2·IQR·n^(−1/3), Sturges ptp/(log2 n + 1)), Sturges alone when IQR = 0;
// bins = ceil(ptp / width), one bin (±0.5 around the value) for a constant; we cap at `maxBins` (numpy does not).

import { quantileSorted } from './quantile-sorted';

/** The most bins a profile histogram gets. */
export const MAX_HISTOGRAM_BINS = 100;

/** Edges for `sorted` (ascending, finite, non-empty), as numpy.histogram_bin_edges(a, bins='auto'), capped. */
export function chooseHistogramEdges(sorted: Float64Array, maxBins = MAX_HISTOGRAM_BINS): number[] {
  const n = sorted.length;
  let first = sorted[0];
  let last = sorted[n - 1];
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const ptp = sorted[n - 1] - sorted[0];
  const sturges = ptp / (Math.log2(n) + 1);
  const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
  const fd = 2 * iqr * n ** (-1 / 3);
  const width = fd ? Math.min(fd, sturges) : sturges;
  const bins = width ? Math.min(Math.ceil((last - first) / width), maxBins) : 1;
  return spaceEvenly(first, last, bins + 1);
}

/** numpy.linspace(start, stop, count) with endpoint: i·step + start, the last edge exactly `stop`. */
function spaceEvenly(start: number, stop: number, count: number): number[] {
  const step = (stop - start) / (count - 1);
  const edges = Array.from({ length: count }, (_, i) => i * step + start);
  edges[count - 1] = stop;
  return edges;
}

/**
 * The bin of `value` on equal-width `edges`, or −1 outside [first, last]; as numpy.histogram: scale,
 * truncate, then correct by one against the actual edges; the last bin includes its right edge.
 */
export function findBin(value: number, edges: readonly number[]): number {
  const bins = edges.length - 1;
  return findBinScaled(value, edges, bins / (edges[bins] - edges[0]));
}

/** findBin with `scale` = bins / (last − first) computed once by the caller (the same number, so the same bin). */
function findBinScaled(value: number, edges: readonly number[], scale: number): number {
  const bins = edges.length - 1;
  const first = edges[0];
  if (!(value >= first && value <= edges[bins])) return -1;
  let index = Math.trunc((value - first) * scale);
  if (index === bins) index--;
  if (value < edges[index]) index--;
  else if (index !== bins - 1 && value >= edges[index + 1]) index++;
  return index;
}

/** Per-code histogram counts (code · bins + bin) of `values` on `edges`, rows with code −1 or outside the edges left out. */
export function countBinsPerCode(values: Float64Array, edges: readonly number[], codes: Int32Array, codeCount: number): Int32Array {
  const bins = edges.length - 1;
  const scale = bins / (edges[bins] - edges[0]);
  const counts = new Int32Array(codeCount * bins);
  for (let i = 0; i < values.length; i++) {
    const code = codes[i];
    if (code < 0) continue;
    const bin = findBinScaled(values[i], edges, scale);
    if (bin >= 0) counts[code * bins + bin]++;
  }
  return counts;
}

/** Counts finite values of `values` per bin of `edges` (values outside the edges are not counted). */
export function countHistogram(values: ArrayLike<number>, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length - 1).fill(0);
  for (let i = 0; i < values.length; i++) {
    const bin = findBin(values[i], edges);
    if (bin >= 0) counts[bin]++;
  }
  return counts;
}

/**
 * countHistogram for ascending `sorted` values by binary search: findBin never decreases as the value grows
 * (numpy's scale-truncate-correct is monotone), so each bin is one run of rows. Same counts, O(bins · log n).
 */
export function countHistogramSorted(sorted: Float64Array, edges: readonly number[]): number[] {
  const bins = edges.length - 1;
  const counts = new Array<number>(bins).fill(0);
  const first = edges[0];
  const last = edges[bins];
  const lo = findFirst(sorted, 0, sorted.length, (value) => value >= first);
  const hi = findFirst(sorted, lo, sorted.length, (value) => value > last);
  let start = lo;
  for (let bin = 0; bin < bins && start < hi; bin++) {
    const end = findFirst(sorted, start, hi, (value) => findBin(value, edges) > bin);
    counts[bin] = end - start;
    start = end;
  }
  return counts;
}

/** The first index in [from, to) where `holds` (false then true along `sorted`) is true; `to` when none. */
export function findFirst(sorted: Float64Array, from: number, to: number, holds: (value: number) => boolean): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (holds(sorted[middle])) high = middle;
    else low = middle + 1;
  }
  return low;
}
