// Statistics with numpy's exact conventions (linspace, interp, pairwise sums),
// so fitted values match scikit-learn to the last few bits.

/** The non-missing values, sorted ascending. */
export function sortPresent(values: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out.push(values[i]);
  return Float64Array.from(out).sort();
}

/** numpy.linspace(start, stop, num) with its rounding (i·step + start, last = stop). */
export function linspace(start: number, stop: number, num: number): number[] {
  if (num === 1) return [start];
  const step = (stop - start) / (num - 1);
  const out = Array.from({ length: num }, (_, i) => i * step + start);
  out[num - 1] = stop;
  return out;
}

/** numpy.interp(x, xp, fp) for increasing xp: clamps outside, last tied xp wins. */
export function interpolate(x: number, xp: ArrayLike<number>, fp: ArrayLike<number>): number {
  const n = xp.length;
  if (x < xp[0]) return fp[0];
  if (x >= xp[n - 1]) return fp[n - 1];
  let lo = 0;
  let hi = n - 1; // largest j with xp[j] <= x
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xp[mid] <= x) lo = mid;
    else hi = mid;
  }
  const slope = (fp[lo + 1] - fp[lo]) / (xp[lo + 1] - xp[lo]);
  return slope * (x - xp[lo]) + fp[lo];
}

/** numpy's pairwise summation of a contiguous array (np.sum / np.add.reduce). */
export function sumPairwise(values: ArrayLike<number>, start = 0, n = values.length): number {
  if (n < 8) {
    let s = -0;
    for (let i = start; i < start + n; i++) s += values[i];
    return s;
  }
  if (n <= 128) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => values[start + j]);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] += values[start + i + j];
    let s = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < n; i++) s += values[start + i];
    return s;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return sumPairwise(values, start, half) + sumPairwise(values, start + half, n - half);
}

/** numpy var (ddof 0) of a contiguous array. */
export function varianceNumpy(values: Float64Array): number {
  const n = values.length;
  const mean = sumPairwise(values) / n;
  const squares = new Float64Array(n);
  for (let i = 0; i < n; i++) squares[i] = (values[i] - mean) * (values[i] - mean);
  return sumPairwise(squares) / n;
}
