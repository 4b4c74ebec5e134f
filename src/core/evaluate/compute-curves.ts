// ROC and precision-recall curves for a binary score, as scikit-learn 1.2 draws them (roc_curve with
// drop_intermediate=True and a first threshold of max score + 1; precision_recall_curve ending at (recall 0,
// precision 1)), built from one threshold sweep. The operating point at a threshold comes from findOperatingPoint.
import { sweepThresholds, type ThresholdSweep } from './sweep-thresholds';

/** A curve, or null with why it cannot be drawn (like MetricValue). */
export interface CurveValue<T> {
  value: T | null;
  reason?: string;
}

/** ROC points from (0, 0) to (1, 1); thresholds descending, the first one max score + 1 (predict none). */
export interface RocCurve {
  falsePositiveRate: number[];
  truePositiveRate: number[];
  thresholds: number[];
}

/** PR points with recall decreasing to 0 (where precision is 1); thresholds ascending, one fewer than points. */
export interface PrecisionRecallCurve {
  precision: number[];
  recall: number[];
  thresholds: number[];
}

/** The ROC curve of `score` for yTrue === positiveClass, or null when either class is absent. */
export function computeRocCurve(yTrue: ArrayLike<number>, score: ArrayLike<number>, positiveClass = 1): CurveValue<RocCurve> {
  return rocFromSweep(sweepThresholds(yTrue, score, positiveClass));
}

/** The ROC curve from a sweep already made (the UI keeps one sweep per model). */
export function rocFromSweep(sweep: ThresholdSweep): CurveValue<RocCurve> {
  if (sweep.positives === 0) return { value: null, reason: 'no positive rows; the true-positive rate is undefined' };
  if (sweep.negatives === 0) return { value: null, reason: 'no negative rows; the false-positive rate is undefined' };
  const { truePositives: tps, falsePositives: fps, thresholds } = sweep;
  const kept: number[] = [];
  for (let i = 0; i < tps.length; i++) {
    // keep the ends and every corner: a nonzero second difference of either count
    const isEnd = tps.length <= 2 || i === 0 || i === tps.length - 1;
    if (isEnd || fps[i + 1] - 2 * fps[i] + fps[i - 1] !== 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] !== 0) kept.push(i);
  }
  return {
    value: {
      falsePositiveRate: [0, ...kept.map((i) => fps[i] / sweep.negatives)],
      truePositiveRate: [0, ...kept.map((i) => tps[i] / sweep.positives)],
      thresholds: [thresholds[0] + 1, ...kept.map((i) => thresholds[i])],
    },
  };
}

/** The precision-recall curve of `score`, or null when there is no positive row (sklearn would report recall 1). */
export function computePrecisionRecallCurve(yTrue: ArrayLike<number>, score: ArrayLike<number>, positiveClass = 1): CurveValue<PrecisionRecallCurve> {
  return precisionRecallFromSweep(sweepThresholds(yTrue, score, positiveClass));
}

/** The precision-recall curve from a sweep already made. */
export function precisionRecallFromSweep(sweep: ThresholdSweep): CurveValue<PrecisionRecallCurve> {
  if (sweep.positives === 0) return { value: null, reason: 'no positive rows; recall is undefined' };
  const { truePositives: tps, falsePositives: fps, thresholds } = sweep;
  const precision = tps.map((tp, i) => tp / (tp + fps[i])).reverse();
  const recall = tps.map((tp) => tp / sweep.positives).reverse();
  return { value: { precision: [...precision, 1], recall: [...recall, 0], thresholds: [...thresholds].reverse() } };
}
