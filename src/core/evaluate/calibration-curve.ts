// The reliability (calibration) curve of a binary probability, as scikit-learn's calibration_curve: bins on
// uniform or quantile edges, then per non-empty bin the observed positive rate and the mean predicted probability.
import { DataError } from '../errors';
import { quantileSorted } from '../stats/quantile-sorted';
import type { CurveValue } from './compute-curves';
import { assertSameLength } from './metric-value';

/** 'uniform': equal-width bins on [0, 1]; 'quantile': bins holding about equal numbers of rows. */
export type CalibrationStrategy = 'uniform' | 'quantile';

/** One point per non-empty bin, in bin order; `counts` is how many rows fell in it. */
export interface CalibrationCurve {
  observedRate: number[];
  meanPredicted: number[];
  counts: number[];
  edges: number[];
}

/** numpy.linspace(0, 1, count) as numpy computes it (i·step, the last exactly 1). */
function spaceUnit(count: number): number[] {
  const step = 1 / (count - 1);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? 1 : i * step));
}

/** The calibration curve of `probability` (each in [0, 1]) for yTrue === positiveClass over `binCount` bins. */
export function computeCalibrationCurve(
  yTrue: ArrayLike<number>,
  probability: ArrayLike<number>,
  { binCount = 5, strategy = 'uniform', positiveClass = 1 }: { binCount?: number; strategy?: CalibrationStrategy; positiveClass?: number } = {},
): CurveValue<CalibrationCurve> {
  assertSameLength(yTrue, probability, 'probability');
  for (let i = 0; i < probability.length; i++) {
    const p = probability[i];
    if (!(p >= 0 && p <= 1)) throw new DataError(`probability[${i}] = ${p} is outside [0, 1]; pass predicted probabilities, not raw scores.`);
  }
  if (yTrue.length === 0) return { value: null, reason: 'no rows to bin' };
  const unit = spaceUnit(binCount + 1);
  const sorted = Float64Array.from(probability).sort();
  // np.percentile(p, q·100) divides by 100 again; do the same so the quantile positions match bit for bit
  const edges = strategy === 'uniform' ? unit : unit.map((q) => quantileSorted(sorted, (q * 100) / 100));
  const size = edges.length;
  const sums = new Array<number>(size).fill(0);
  const positives = new Array<number>(size).fill(0);
  const totals = new Array<number>(size).fill(0);
  for (let i = 0; i < probability.length; i++) {
    const bin = countBelow(edges, probability[i]);
    sums[bin] += probability[i];
    positives[bin] += yTrue[i] === positiveClass ? 1 : 0;
    totals[bin]++;
  }
  const curve: CalibrationCurve = { observedRate: [], meanPredicted: [], counts: [], edges };
  totals.forEach((total, bin) => {
    if (total === 0) return;
    curve.observedRate.push(positives[bin] / total);
    curve.meanPredicted.push(sums[bin] / total);
    curve.counts.push(total);
  });
  return { value: curve };
}

/** numpy.searchsorted(edges[1:-1], value, 'left'): how many inner edges lie strictly below `value`. */
function countBelow(edges: number[], value: number): number {
  let count = 0;
  for (let e = 1; e < edges.length - 1; e++) if (edges[e] < value) count++;
  return count;
}
