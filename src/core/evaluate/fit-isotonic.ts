// Isotonic calibration as scikit-learn's IsotonicRegression(out_of_bounds='clip'): sort by score, merge equal
// scores (weighted mean of their labels), pool adjacent violators (sklearn's single-pass PAVA), keep the knots,
// then predict by linear interpolation between knots, clipping scores to the fitted range.
import { DataError } from '../errors';
import { assertSameLength } from './metric-value';

/** A fitted non-decreasing step-and-ramp calibrator; JSON-serialisable. */
export interface IsotonicCalibrator {
  kind: 'isotonic';
  /** Knot scores, ascending. */
  x: number[];
  /** Calibrated value at each knot, non-decreasing. */
  y: number[];
}

/** float64 resolution, the gap under which sklearn's _make_unique treats two scores as one. */
const RESOLUTION = 1e-15;

/** Sorted unique scores with the mean label and count of each (sklearn's lexsort + _make_unique). */
function mergeTies(scores: ArrayLike<number>, labels: ArrayLike<number>): { x: number[]; y: number[]; w: number[] } {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((i, j) => scores[i] - scores[j] || labels[i] - labels[j]);
  const x: number[] = [];
  const y: number[] = [];
  const w: number[] = [];
  let currentX = scores[order[0]];
  let sumY = 0;
  let weight = 0;
  for (const i of order) {
    if (scores[i] - currentX >= RESOLUTION) {
      x.push(currentX), y.push(sumY / weight), w.push(weight);
      currentX = scores[i];
      sumY = 0;
      weight = 0;
    }
    sumY += labels[i];
    weight += 1;
  }
  x.push(currentX), y.push(sumY / weight), w.push(weight);
  return { x, y, w };
}

/** sklearn's _inplace_contiguous_isotonic_regression: non-decreasing weighted least-squares fit of y, in place. */
export function poolAdjacentViolators(y: number[], w: number[]): number[] {
  const n = y.length;
  const target = Array.from({ length: n }, (_, i) => i);
  let i = 0;
  while (i < n) {
    let k = target[i] + 1;
    if (k === n) break;
    if (y[i] < y[k]) {
      i = k;
      continue;
    }
    let sumWy = w[i] * y[i];
    let sumW = w[i];
    for (;;) {
      const previous = y[k];
      sumWy += w[k] * y[k];
      sumW += w[k];
      k = target[k] + 1;
      if (k === n || previous < y[k]) {
        y[i] = sumWy / sumW;
        w[i] = sumW;
        target[i] = k - 1;
        target[k - 1] = i;
        if (i > 0) i = target[i - 1]; // backtrack: keeps the pass single and O(n)
        break;
      }
    }
  }
  for (i = 0; i < n; ) {
    const k = target[i] + 1;
    for (let j = i + 1; j < k; j++) y[j] = y[i];
    i = k;
  }
  return y;
}

/** Fits the calibrator on uncalibrated scores and labels (yTrue === positiveClass as 1, else 0). */
export function fitIsotonicCalibrator(scores: ArrayLike<number>, yTrue: ArrayLike<number>, positiveClass = 1): IsotonicCalibrator {
  assertSameLength(yTrue, scores, 'scores');
  if (yTrue.length === 0) throw new DataError('isotonic calibration needs at least one row; calibrate on a non-empty validation set.');
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) throw new DataError(`scores[${i}] = ${scores[i]} is not finite; drop rows without a score before calibrating.`);
  }
  const { x, y, w } = mergeTies(scores, Float64Array.from(yTrue, (v) => (v === positiveClass ? 1 : 0)));
  poolAdjacentViolators(y, w);
  // drop interior knots whose value equals both neighbours: they change no prediction
  const keep = y.map((v, k) => k === 0 || k === y.length - 1 || v !== y[k - 1] || v !== y[k + 1]);
  return { kind: 'isotonic', x: x.filter((_, k) => keep[k]), y: y.filter((_, k) => keep[k]) };
}

/** Calibrated probabilities: scores clipped to [x₀, xₙ], then interpolated linearly between knots (scipy interp1d). */
export function applyIsotonicCalibrator(calibrator: IsotonicCalibrator, scores: ArrayLike<number>): Float64Array {
  const { x, y } = calibrator;
  const last = x.length - 1;
  return Float64Array.from(scores, (raw) => {
    if (last === 0) return y[0];
    const s = Math.min(Math.max(raw, x[0]), x[last]);
    let hi = 1; // searchsorted(x, s, 'left') clipped to [1, last]
    let top = last;
    while (hi < top) {
      const mid = (hi + top) >> 1;
      if (x[mid] < s) hi = mid + 1;
      else top = mid;
    }
    const lo = hi - 1;
    const slope = (y[hi] - y[lo]) / (x[hi] - x[lo]);
    return slope * (s - x[lo]) + y[lo];
  });
}
