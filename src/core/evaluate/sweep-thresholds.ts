// Every decision threshold of a binary score at once: one descending sort, then running counts, so a threshold
// slider reads its confusion counts and metrics in O(log n). A row is predicted positive when score ≥ threshold.
import { DataError } from '../errors';
import { assertSameLength } from './metric-value';

/** Confusion counts and rates at one threshold; a rate is null when its denominator is empty. */
export interface OperatingPoint {
  /** Null for "no row predicted positive" (a threshold above every score). */
  threshold: number | null;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number | null;
  /** Recall = true-positive rate; null with no positive rows. */
  recall: number | null;
  /** Null with no negative rows. */
  falsePositiveRate: number | null;
  f1: number | null;
  accuracy: number | null;
}

/** One row per distinct score, thresholds descending; counts are cumulative (rows with score ≥ threshold). */
export interface ThresholdSweep {
  positives: number;
  negatives: number;
  thresholds: number[];
  truePositives: number[];
  falsePositives: number[];
}

function assertFinite(score: ArrayLike<number>): void {
  for (let i = 0; i < score.length; i++) {
    if (!Number.isFinite(score[i])) throw new DataError(`score[${i}] = ${score[i]} is not a finite number; drop or impute rows without a score.`);
  }
}

/** Row order by descending score, ties by row (a stable sort, like sklearn's mergesort). */
export function orderByScoreDescending(score: ArrayLike<number>): Uint32Array {
  assertFinite(score);
  const order = Uint32Array.from({ length: score.length }, (_, i) => i);
  return order.sort((a, b) => score[b] - score[a] || a - b);
}

/**
 * Sweeps every distinct threshold of `score` for yTrue === positiveClass in O(n log n): one native sort of the
 * scores, then each row binary-searched to its threshold and counted (readable form: sort rows by descending
 * score and keep running counts at the end of each run of equal scores — 5× slower with a comparator sort).
 */
export function sweepThresholds(yTrue: ArrayLike<number>, score: ArrayLike<number>, positiveClass = 1): ThresholdSweep {
  assertSameLength(yTrue, score, 'score');
  assertFinite(score);
  const ascending = Float64Array.from(score).sort();
  const distinct: number[] = [];
  for (let k = ascending.length - 1; k >= 0; k--) if (k === ascending.length - 1 || ascending[k] !== ascending[k + 1]) distinct.push(ascending[k]);
  const positivesAt = new Float64Array(distinct.length);
  const negativesAt = new Float64Array(distinct.length);
  for (let i = 0; i < score.length; i++) {
    const at = findDescendingIndex(distinct, score[i]); // the row whose threshold equals score[i]
    if (yTrue[i] === positiveClass) positivesAt[at]++;
    else negativesAt[at]++;
  }
  const sweep: ThresholdSweep = { positives: 0, negatives: 0, thresholds: distinct, truePositives: new Array(distinct.length), falsePositives: new Array(distinct.length) };
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < distinct.length; k++) {
    tp += positivesAt[k];
    fp += negativesAt[k];
    sweep.truePositives[k] = tp;
    sweep.falsePositives[k] = fp;
  }
  sweep.positives = tp;
  sweep.negatives = fp;
  return sweep;
}

/** The sweep row index for `threshold` (last row whose threshold ≥ it), or −1 when no score reaches it. */
export function findSweepIndex(sweep: ThresholdSweep, threshold: number): number {
  return findDescendingIndex(sweep.thresholds, threshold);
}

/** The last index of descending `thresholds` whose value is ≥ threshold (−1 when none is). */
function findDescendingIndex(thresholds: readonly number[], threshold: number): number {
  let lo = 0;
  let hi = thresholds.length; // invariant: entries < lo are ≥ threshold, entries ≥ hi are < threshold
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (thresholds[mid] >= threshold) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Counts and metrics at sweep row `index` (−1: nothing predicted positive). */
export function readSweepRow(sweep: ThresholdSweep, index: number): OperatingPoint {
  const tp = index < 0 ? 0 : sweep.truePositives[index];
  const fp = index < 0 ? 0 : sweep.falsePositives[index];
  const fn = sweep.positives - tp;
  const tn = sweep.negatives - fp;
  const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
  return {
    threshold: index < 0 ? null : sweep.thresholds[index],
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, sweep.positives),
    falsePositiveRate: ratio(fp, sweep.negatives),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    accuracy: ratio(tp + tn, sweep.positives + sweep.negatives),
  };
}

/** The operating point when rows with score ≥ threshold are predicted positive (the slider's read-out). */
export function findOperatingPoint(sweep: ThresholdSweep, threshold: number): OperatingPoint {
  const point = readSweepRow(sweep, findSweepIndex(sweep, threshold));
  return { ...point, threshold };
}
